import type { InitiativeResponse } from '@waypoint/contracts';
import { TEMPLATE_ID_VALUES } from '@waypoint/contracts';
import { nextInitiativeStatuses } from '@waypoint/domain';
import type { InitiativeEntity } from './initiative.entity';
import type { InitiativeAnswerRow } from './initiative-answers.repository';

/** The detail as PostgreSQL answers it, completed with what libs/domain decides from it. */
export function completeInitiative(row: InitiativeAnswerRow): InitiativeResponse {
  return {
    ...row,
    nextStatuses: [...nextInitiativeStatuses(row.status)],
    template: TEMPLATE_ID_VALUES.find((id) => id === row.template) ?? null,
  };
}

/** What the audit trail keeps of an initiative: its own fields, its team and customer groups. */
export function initiativeAuditState(
  entity: InitiativeEntity,
  teamIds: readonly string[],
  customerGroupIds: readonly string[],
): Record<string, unknown> {
  return {
    title: entity.title,
    problem: entity.problem,
    hypothesis: entity.hypothesis,
    approach: entity.approach,
    status: entity.status,
    ownerId: entity.ownerId,
    sponsorId: entity.sponsorId,
    estimatedCustomerValue: entity.estimatedCustomerValue,
    estimatedBusinessValue: entity.estimatedBusinessValue,
    readiness: { score: entity.readinessScore, notes: entity.readinessNotes },
    template: entity.template,
    teamIds: [...teamIds].sort(),
    customerGroupIds: [...customerGroupIds].sort(),
    version: entity.version,
  };
}
