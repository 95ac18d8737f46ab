import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  CreateMilestoneRequest,
  DomainErrorCode,
  MilestoneDetailResponse,
  UpdateMilestoneRequest,
} from '@waypoint/contracts';
import {
  applyCriteriaUpdate,
  assertRule,
  DomainError,
  initiativePlanProblem,
  milestonePlanProblem,
  milestoneRemovalProblem,
  moveTo,
  reorderProblem,
} from '@waypoint/domain';
import { AuditService } from '../audit';
import type { Actor } from '../auth';
import { requireChanges } from '../common';
import { POSITION_MAX } from './dto/milestone.dto';
import { MilestoneViewsService } from './milestone-views.service';
import { type MilestoneChanges, MilestonesRepository } from './milestones.repository';
import { assertFresh } from './preconditions';

const ENTITY_TYPE = 'milestone';

/** Planning milestones: add, change and reorder them (the gate workflow is GatesModule's). */
@Injectable()
export class MilestonesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly milestones: MilestonesRepository,
    private readonly views: MilestoneViewsService,
    private readonly audit: AuditService,
  ) {}

  /** Appends a planned milestone at the end of the initiative's gate track. */
  async create(
    initiativeId: string,
    request: CreateMilestoneRequest,
    actor: Actor,
  ): Promise<MilestoneDetailResponse> {
    return this.txHost.withTransaction(async () => {
      const initiative = await this.milestones.initiative(initiativeId, true);
      if (!initiative) throw new NotFoundException('No such initiative.');
      assertRule('plan_closed', initiativePlanProblem(initiative.status));
      await this.assertOwnMeasures(initiativeId, request.measureIds);
      const placed = await this.milestones.placed(initiativeId);
      if (placed.length >= POSITION_MAX) {
        assertRule(
          'milestone_limit_reached',
          `An initiative has at most ${POSITION_MAX} milestones.`,
        );
      }
      const created = await this.milestones.insert({
        initiativeId,
        position: placed.reduce((max, milestone) => Math.max(max, milestone.position), 0) + 1,
        title: request.title,
        goal: request.goal,
        exitCriteria: request.criteria.map((c) => ({
          id: randomUUID(),
          label: c.label,
          checked: false,
        })),
        dueDate: request.dueDate ?? null,
      });
      await this.milestones.replaceMeasures(created.id, request.measureIds);
      const after = await this.views.describe(created.id);
      await this.audit.record({
        actor,
        action: 'create',
        entityType: ENTITY_TYPE,
        entityId: created.id,
        initiativeId,
        after,
      });
      return after;
    });
  }

  /**
   * Changes the plan of a milestone, conditionally on the version read. Title, goal, due date
   * and measures: not while submitted nor once decided; criteria per `applyCriteriaUpdate`.
   */
  async update(
    id: string,
    expectedVersion: number,
    request: UpdateMilestoneRequest,
    actor: Actor,
  ): Promise<MilestoneDetailResponse> {
    const changes = requireChanges(request);
    return this.txHost.withTransaction(async () => {
      const before = await this.views.describe(id);
      assertFresh(before, expectedVersion);
      const initiative = await this.milestones.initiative(before.initiativeId);
      assertRule('plan_closed', initiative ? initiativePlanProblem(initiative.status) : null);
      const errors: Record<string, string[]> = {};
      const planProblem = milestonePlanProblem(before.state);
      for (const field of ['title', 'goal', 'dueDate', 'measureIds'] as const) {
        if (changes[field] !== undefined && planProblem) errors[field] = [planProblem];
      }
      const entityChanges: MilestoneChanges = {
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.goal !== undefined ? { goal: changes.goal } : {}),
        ...(changes.dueDate !== undefined ? { dueDate: changes.dueDate } : {}),
      };
      if (changes.criteria) {
        const result = applyCriteriaUpdate(before.criteria, changes.criteria, before.state, () =>
          randomUUID(),
        );
        if (result.problems.length > 0) errors['criteria'] = result.problems;
        entityChanges.exitCriteria = result.criteria;
      }
      if (changes.measureIds) {
        const foreign = await this.milestones.foreignMeasures(
          before.initiativeId,
          changes.measureIds,
        );
        if (foreign.length > 0) errors['measureIds'] = foreign.map(notOwnMeasure);
      }
      const problems = Object.values(errors).flat();
      if (problems.length > 0) {
        throw new DomainError(planChangeCode(errors, planProblem), problems.join(' '), errors);
      }
      await this.milestones.update(id, expectedVersion, entityChanges);
      if (changes.measureIds) await this.milestones.replaceMeasures(id, changes.measureIds);
      const after = await this.views.describe(id);
      await this.audit.record({
        actor,
        action: 'update',
        entityType: ENTITY_TYPE,
        entityId: id,
        initiativeId: before.initiativeId,
        before: planOf(before),
        after: planOf(after),
      });
      return after;
    });
  }

  /**
   * Moves a planned milestone to another place in the gate track; the others shift. Never
   * before a milestone that has started or been decided.
   */
  async reorder(
    id: string,
    expectedVersion: number,
    position: number,
    actor: Actor,
  ): Promise<MilestoneDetailResponse> {
    return this.txHost.withTransaction(async () => {
      const milestone = await this.milestones.findById(id);
      if (!milestone) throw new NotFoundException('No such milestone.');
      assertFresh(milestone, expectedVersion);
      const initiative = await this.milestones.initiative(milestone.initiativeId, true);
      assertRule('plan_closed', initiative ? initiativePlanProblem(initiative.status) : null);
      const placed = await this.milestones.placed(milestone.initiativeId);
      assertRule('position_invalid', reorderProblem(placed, id, position), 'position');
      const order = moveTo(
        placed.map((p) => p.id),
        id,
        position,
      );
      await this.milestones.update(id, expectedVersion, { position });
      await this.milestones.renumber(order);
      const after = await this.views.describe(id);
      await this.audit.record({
        actor,
        action: 'reorder',
        entityType: ENTITY_TYPE,
        entityId: id,
        initiativeId: milestone.initiativeId,
        before: { position: milestone.position, order: placed.map((p) => p.id) },
        after: { position: after.position, order },
      });
      return after;
    });
  }

  /**
   * Removes a planned milestone without steps from the gate track, conditionally on the version
   * read; the later milestones move up (audited with the milestone as it was).
   */
  async remove(id: string, expectedVersion: number, actor: Actor): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const milestone = await this.milestones.findById(id);
      if (!milestone) throw new NotFoundException('No such milestone.');
      assertFresh(milestone, expectedVersion);
      const initiative = await this.milestones.initiative(milestone.initiativeId, true);
      assertRule('plan_closed', initiative ? initiativePlanProblem(initiative.status) : null);
      const before = await this.views.describe(id);
      assertRule(
        'plan_closed',
        milestoneRemovalProblem(milestone.state, await this.milestones.stepCount(id)),
      );
      await this.milestones.remove(id, expectedVersion);
      const placed = await this.milestones.placed(milestone.initiativeId);
      await this.milestones.renumber(placed.map((p) => p.id));
      await this.audit.record({
        actor,
        action: 'delete',
        entityType: ENTITY_TYPE,
        entityId: id,
        initiativeId: milestone.initiativeId,
        before: planOf(before),
      });
    });
  }

  private async assertOwnMeasures(initiativeId: string, measureIds: string[]): Promise<void> {
    const foreign = await this.milestones.foreignMeasures(initiativeId, measureIds);
    if (foreign.length > 0) {
      const errors = { measureIds: foreign.map(notOwnMeasure) };
      throw new DomainError('reference_invalid', errors.measureIds.join(' '), errors);
    }
  }
}

/** What a plan change can touch, for the audit trail. */
function planOf(milestone: MilestoneDetailResponse): object {
  const { title, goal, dueDate, criteria, measureIds, version } = milestone;
  return { title, goal, dueDate, criteria, measureIds, version };
}

/** The rule family of a refused plan change: a closed plan first, then the checklist. */
function planChangeCode(
  errors: Record<string, string[]>,
  planProblem: string | null,
): DomainErrorCode {
  const messages = Object.values(errors).flat();
  if (planProblem !== null && messages.includes(planProblem)) return 'plan_closed';
  return errors['criteria'] ? 'exit_criteria_invalid' : 'reference_invalid';
}

function notOwnMeasure(id: string): string {
  return `No measure with the id ${id} on this initiative.`;
}
