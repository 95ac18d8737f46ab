import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  CreateStepRequest,
  Page,
  StepListItem,
  StepResponse,
  StepSearchQuery,
  UpdateStepRequest,
  UserRef,
} from '@waypoint/contracts';
import { AuditService } from '../audit';
import type { Actor, AuthenticatedUser } from '../auth';
import { ME, requireChanges, pageOf, type PageRequest } from '../common';
import { readScope } from '../initiatives';
import { MILESTONE_NOT_FOUND, PeopleRepository, assertFresh } from '../milestones';
import { assertRule, moveTo, stepReturnProblem, stepsClosedProblem } from '@waypoint/domain';
import { NotificationEvents } from '../notifications';
import { mapStep } from './dto/step.dto';
import { type StepSearchRow, StepSearchRepository } from './step-search.repository';
import {
  STEP_NOT_FOUND,
  type StepFilter,
  type StepParent,
  StepsRepository,
} from './steps.repository';

const ENTITY_TYPE = 'step';

/** Steps: the work under a milestone, in order. */
@Injectable()
export class StepsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly steps: StepsRepository,
    private readonly search: StepSearchRepository,
    private readonly people: PeopleRepository,
    private readonly audit: AuditService,
    private readonly notify: NotificationEvents,
  ) {}

  async list(
    milestoneId: string,
    filter: StepFilter,
    page: PageRequest,
  ): Promise<Page<StepResponse>> {
    const { rows, total } = await this.steps.list(milestoneId, filter, page);
    const people = await this.people.refs(rows.map((row) => row.assigneeId));
    return pageOf(
      rows.map((row) => mapStep(row, people)),
      total,
      page,
    );
  }

  /**
   * Steps across the initiatives the user may read (the initiatives list's rule), with their
   * milestone and initiative: three statements whatever the page (page, count, assignees).
   */
  async find(
    query: StepSearchQuery & PageRequest,
    user: AuthenticatedUser,
    now: Date,
  ): Promise<Page<StepListItem>> {
    const { limit, offset, assigneeId, ...filter } = query;
    const page = { limit, offset };
    const { rows, total } = await this.search.search(
      {
        ...filter,
        ...(assigneeId === undefined
          ? {}
          : { assigneeId: assigneeId === ME ? user.id : assigneeId }),
        readableBy: readScope(user),
        today: now.toISOString().slice(0, 10),
      },
      page,
    );
    const people = await this.people.refs(rows.map((row) => row.assigneeId));
    return pageOf(
      rows.map((row) => listItem(row, people)),
      total,
      page,
    );
  }

  /** Appends a step at the end of the milestone. */
  async create(
    milestoneId: string,
    request: CreateStepRequest,
    actor: Actor,
  ): Promise<StepResponse> {
    return this.txHost.withTransaction(async () => {
      const parent = await this.steps.lockParent(milestoneId);
      if (!parent) throw new NotFoundException(MILESTONE_NOT_FOUND);
      assertRule('steps_closed', stepsClosedProblem(parent));
      if (request.assigneeId) await this.assertAssignable(parent, request.assigneeId);
      const ids = await this.steps.orderedIds(milestoneId);
      const created = await this.steps.insert({
        milestoneId,
        initiativeId: parent.initiativeId,
        position: ids.length + 1,
        title: request.title,
        assigneeId: request.assigneeId ?? null,
        dueDate: request.dueDate ?? null,
        status: request.status ?? 'todo',
      });
      const after = await this.describe(created.id);
      await this.audit.record({
        actor,
        action: 'create',
        entityType: ENTITY_TYPE,
        entityId: created.id,
        initiativeId: parent.initiativeId,
        after,
      });
      if (request.assigneeId) await this.notify.stepAssigned(after, request.assigneeId, actor);
      return after;
    });
  }

  /** Changes a step, conditionally on the version read; a new position renumbers the others. */
  async update(
    id: string,
    expectedVersion: number,
    request: UpdateStepRequest,
    actor: Actor,
  ): Promise<StepResponse> {
    const changes = requireChanges(request);
    return this.txHost.withTransaction(async () => {
      const before = await this.describe(id);
      assertFresh(before, expectedVersion);
      const parent = await this.steps.lockParent(before.milestoneId);
      if (!parent) throw new NotFoundException(MILESTONE_NOT_FOUND);
      assertRule('steps_closed', stepsClosedProblem(parent));
      if (changes.assigneeId) await this.assertAssignable(parent, changes.assigneeId);
      const ids = await this.steps.orderedIds(parent.id);
      if (changes.position !== undefined && changes.position > ids.length) {
        assertRule(
          'position_invalid',
          `The position must be between 1 and ${ids.length}.`,
          'position',
        );
      }
      await this.steps.update(id, expectedVersion, changes);
      if (changes.position !== undefined) {
        await this.steps.renumber(moveTo(ids, id, changes.position));
      }
      const after = await this.describe(id);
      await this.audit.record({
        actor,
        action: 'update',
        entityType: ENTITY_TYPE,
        entityId: id,
        initiativeId: parent.initiativeId,
        before,
        after,
      });
      if (changes.assigneeId && changes.assigneeId !== before.assignee?.id) {
        await this.notify.stepAssigned(after, changes.assigneeId, actor);
      }
      return after;
    });
  }

  /** Deletes a step, conditionally on the version read; the later steps move up. */
  async remove(id: string, expectedVersion: number, actor: Actor): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const before = await this.describe(id);
      assertFresh(before, expectedVersion);
      const parent = await this.steps.lockParent(before.milestoneId);
      if (!parent) throw new NotFoundException(MILESTONE_NOT_FOUND);
      assertRule('steps_closed', stepsClosedProblem(parent));
      await this.steps.remove(id, expectedVersion);
      await this.steps.renumber(await this.steps.orderedIds(parent.id));
      await this.audit.record({
        actor,
        action: 'delete',
        entityType: ENTITY_TYPE,
        entityId: id,
        initiativeId: parent.initiativeId,
        before,
      });
    });
  }

  /**
   * Part of a gate decision's unit of work (call it inside the decision's transaction): the
   * unfinished steps of the approved gate move to the end of the next gate, each audited as a
   * `carry_over` with where it was and where it is. Answers how many moved.
   */
  async carryOver(
    fromMilestoneId: string,
    toMilestoneId: string,
    initiativeId: string,
    actor: Actor,
  ): Promise<number> {
    const moved = await this.steps.carryOver(fromMilestoneId, toMilestoneId);
    const people = await this.people.refs(moved.map(({ after }) => after.assigneeId));
    for (const { before, after } of moved) {
      await this.audit.record({
        actor,
        action: 'carry_over',
        entityType: ENTITY_TYPE,
        entityId: after.id,
        initiativeId,
        before: mapStep(before, people),
        after: mapStep(after, people),
      });
    }
    return moved.length;
  }

  /**
   * Sends a carried-over step back to the gate it came from (at its end), conditionally on the
   * version read; the steps it leaves move up. The gate it goes back to keeps it as unfinished.
   */
  async returnToOrigin(id: string, expectedVersion: number, actor: Actor): Promise<StepResponse> {
    return this.txHost.withTransaction(async () => {
      const before = await this.describe(id);
      assertFresh(before, expectedVersion);
      const parent = await this.steps.lockParent(before.milestoneId);
      if (!parent) throw new NotFoundException(MILESTONE_NOT_FOUND);
      const step = await this.steps.findById(id);
      if (!step) throw new NotFoundException(STEP_NOT_FOUND);
      assertRule('steps_closed', stepReturnProblem(step, parent));
      if (step.movedFromMilestoneId) await this.steps.lockParent(step.movedFromMilestoneId);
      await this.steps.returnToOrigin(step, expectedVersion);
      await this.steps.renumber(await this.steps.orderedIds(parent.id));
      const after = await this.describe(id);
      await this.audit.record({
        actor,
        action: 'return',
        entityType: ENTITY_TYPE,
        entityId: id,
        initiativeId: parent.initiativeId,
        before,
        after,
      });
      return after;
    });
  }

  private async describe(id: string): Promise<StepResponse> {
    const step = await this.steps.findById(id);
    if (!step) throw new NotFoundException(STEP_NOT_FOUND);
    return mapStep(step, await this.people.refs([step.assigneeId]));
  }

  private async assertAssignable(parent: StepParent, userId: string): Promise<void> {
    if (!(await this.steps.assignable(parent.initiativeId, userId))) {
      assertRule(
        'assignee_not_on_team',
        `The assignee ${userId} is not an active member of the initiative's team nor its owner.`,
        'assigneeId',
      );
    }
  }
}

function listItem(row: StepSearchRow, people: Map<string, UserRef>): StepListItem {
  return {
    ...mapStep(row, people),
    initiative: { id: row.initiativeId, title: row.initiativeTitle, status: row.initiativeStatus },
    milestone: {
      id: row.milestoneId,
      title: row.milestoneTitle,
      position: row.milestonePosition,
      state: row.milestoneState,
    },
    open:
      stepsClosedProblem({ state: row.milestoneState, initiativeStatus: row.initiativeStatus }) ===
      null,
  };
}
