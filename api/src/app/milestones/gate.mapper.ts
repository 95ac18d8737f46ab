import type {
  DecisionConditionResponse,
  GateDecisionResponse,
  GateSubmissionResponse,
  UserRef,
} from '@waypoint/contracts';
import { personOf } from './people.repository';
import type { GateDecisionEntity, GateSubmissionEntity } from './gate-records.entity';
import type { ConditionRow } from './gate-records.repository';

/** Gate records as the API shows them (entities never leave the API). */

export function mapCondition(
  row: ConditionRow,
  people: Map<string, UserRef>,
): DecisionConditionResponse {
  return {
    id: row.id,
    decisionId: row.decisionId,
    milestoneId: row.milestoneId,
    text: row.text,
    open: row.closedAt === null,
    closedAt: row.closedAt ? new Date(row.closedAt).toISOString() : null,
    closedBy: row.closedBy ? personOf(people, row.closedBy) : null,
    closeNote: row.closeNote,
    version: row.version,
  };
}

export function mapSubmission(
  entity: GateSubmissionEntity,
  people: Map<string, UserRef>,
): GateSubmissionResponse {
  return {
    id: entity.id,
    milestoneId: entity.milestoneId,
    submittedAt: entity.submittedAt.toISOString(),
    submittedBy: personOf(people, entity.submittedBy),
    note: entity.note,
    snapshot: entity.snapshot,
  };
}

export function mapDecision(
  entity: GateDecisionEntity,
  conditions: readonly ConditionRow[],
  people: Map<string, UserRef>,
): GateDecisionResponse {
  return {
    id: entity.id,
    milestoneId: entity.milestoneId,
    submissionId: entity.submissionId,
    decider: personOf(people, entity.deciderId),
    outcome: entity.outcome,
    rationale: entity.rationale,
    decidedAt: entity.decidedAt.toISOString(),
    conditions: conditions
      .filter((condition) => condition.decisionId === entity.id)
      .map((condition) => mapCondition(condition, people)),
  };
}

/** Everyone the conditions name. */
export function conditionPeople(conditions: readonly ConditionRow[]): Array<string | null> {
  return conditions.map((condition) => condition.closedBy);
}
