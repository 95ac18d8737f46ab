import type { MilestoneResponse, UserRef } from '@waypoint/contracts';
import { canStartMilestone, type PlacedMilestone } from '@waypoint/domain';
import type { ConditionRow } from './gate-records.repository';
import { mapCondition } from './gate.mapper';
import type { MilestoneEntity } from './milestone.entity';
import { personOf } from './people.repository';

/** What mapping a milestone needs besides its row, loaded once for a whole list. */
export interface MilestoneContext {
  measureIds: Map<string, string[]>;
  people: Map<string, UserRef>;
  /** The initiative's open conditions (each milestone shows those of earlier milestones). */
  openConditions: readonly ConditionRow[];
  /** Every milestone of the initiative, in order (for `startable`). */
  placed: readonly PlacedMilestone[];
}

export function mapMilestone(
  entity: MilestoneEntity,
  context: MilestoneContext,
): MilestoneResponse {
  const index = context.placed.findIndex((milestone) => milestone.id === entity.id);
  return {
    id: entity.id,
    initiativeId: entity.initiativeId,
    position: entity.position,
    title: entity.title,
    goal: entity.goal,
    criteria: entity.exitCriteria.map((c) => ({ id: c.id, label: c.label, checked: c.checked })),
    measureIds: context.measureIds.get(entity.id) ?? [],
    state: entity.state,
    startable: index !== -1 && canStartMilestone(context.placed, index),
    dueDate: entity.dueDate,
    startedAt: entity.startedAt?.toISOString() ?? null,
    submittedAt: entity.submittedAt?.toISOString() ?? null,
    submittedBy: entity.submittedBy ? personOf(context.people, entity.submittedBy) : null,
    decidedAt: entity.decidedAt?.toISOString() ?? null,
    openConditions: context.openConditions
      .filter((condition) => condition.milestonePosition < entity.position)
      .map((condition) => mapCondition(condition, context.people)),
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
