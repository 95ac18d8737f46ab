import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, resource, signal } from '@angular/core';
import type {
  CommentResponse,
  CreateCommentRequest,
  CreateMeasureRequest,
  CreateMilestoneRequest,
  CreateStepRequest,
  CreateReadingRequest,
  CycleReviewResponse,
  DecisionConditionResponse,
  GateDecisionResponse,
  GateBlocker,
  HistoryEventResponse,
  InitiativeResponse,
  InitiativeValueResponse,
  MeasureResponse,
  CustomerGroupResponse,
  MilestoneResponse,
  Page,
  PersonResponse,
  ReadingResponse,
  StepResponse,
  StepStatus,
  SubmissionBlockedProblem,
  UpdateInitiativeRequest,
  UpdateMeasureRequest,
  UpdateMilestoneRequest,
  UpdateStepRequest,
} from '@waypoint/contracts';
import { currentMilestoneIndex } from '@waypoint/domain';
import { isPreconditionFailed, problemOf } from '../shared/problem';
import {
  type GateAction,
  InitiativesApi,
  MeasuresApi,
  CustomerGroupsApi,
  MilestonesApi,
  PlanningApi,
  StepsApi,
} from '../shared/api';
import { applyPlacement, type StepPlacement } from './step-drop';

/** The current gate: the first milestone not approved yet (as the list's `currentMilestone`). */
export function currentMilestoneOf(
  milestones: readonly MilestoneResponse[],
): MilestoneResponse | null {
  const ordered = [...milestones].sort((a, b) => a.position - b.position);
  const index = currentMilestoneIndex(ordered);
  return index === null ? null : (ordered[index] ?? null);
}

/** The blockers of a 422 submit answer, or an empty list for any other failure. */
export function blockersOf(error: unknown): GateBlocker[] {
  const problem = problemOf(error) as SubmissionBlockedProblem | null;
  return problem && problem.status === 422 && Array.isArray(problem.blockers)
    ? problem.blockers
    : [];
}

/** The fields of a milestone as listed (a detail answer carries more). */
function pickMilestone(m: MilestoneResponse): MilestoneResponse {
  return {
    id: m.id,
    initiativeId: m.initiativeId,
    position: m.position,
    title: m.title,
    goal: m.goal,
    criteria: m.criteria,
    measureIds: m.measureIds,
    state: m.state,
    startable: m.startable,
    dueDate: m.dueDate,
    startedAt: m.startedAt,
    submittedAt: m.submittedAt,
    submittedBy: m.submittedBy,
    decidedAt: m.decidedAt,
    openConditions: m.openConditions,
    version: m.version,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

function itemsOf<T>(page: { hasValue(): boolean; value(): Page<T> | undefined }): T[] {
  return page.hasValue() ? (page.value()?.items ?? []) : [];
}

/** Everything one initiative page (`/initiatives/:id`) reads and writes. */
@Injectable()
export class InitiativeDetailStore {
  private readonly initiativesApi = inject(InitiativesApi);
  private readonly milestonesApi = inject(MilestonesApi);
  private readonly stepsApi = inject(StepsApi);
  private readonly measuresApi = inject(MeasuresApi);
  private readonly planningApi = inject(PlanningApi);
  private readonly customerGroupsApi = inject(CustomerGroupsApi);

  /** The initiative shown; set by the page from its route parameter. */
  readonly id = signal<string | null>(null);

  readonly initiative = httpResource<InitiativeResponse>(() => {
    const id = this.id();
    return id ? this.initiativesApi.oneRequest(id) : undefined;
  });
  readonly milestonesPage = httpResource<Page<MilestoneResponse>>(() => {
    const id = this.id();
    return id ? this.initiativesApi.milestonesRequest(id, { limit: 200 }) : undefined;
  });
  readonly milestones = computed(() =>
    itemsOf(this.milestonesPage).sort((a, b) => a.position - b.position),
  );
  readonly currentMilestone = computed(() => currentMilestoneOf(this.milestones()));

  /** The milestones decided at least once, as one key (a checklist save does not refetch). */
  private readonly decidedKey = computed(() =>
    this.milestones()
      .filter((m) => m.decidedAt !== null)
      .map((m) => `${m.id}@${m.decidedAt}`)
      .join(','),
  );
  /** Every decision on the gate track, by milestone id (oldest first). */
  readonly decisionsByMilestone = resource({
    params: () => this.decidedKey() || undefined,
    loader: async ({ params }) => {
      const ids = params.split(',').map((entry) => entry.split('@')[0] ?? '');
      const pages = await Promise.all(
        ids.map((id) => this.milestonesApi.decisions(id, { limit: 100 })),
      );
      return new Map(ids.map((id, i) => [id, pages[i]?.items ?? []]));
    },
  });
  decisionsOf(milestoneId: string): GateDecisionResponse[] {
    return this.decisionsByMilestone.hasValue()
      ? (this.decisionsByMilestone.value().get(milestoneId) ?? [])
      : [];
  }
  /** The conditions of go-with-conditions decisions still open, with their gate. */
  readonly openConditions = computed(() =>
    this.milestones().flatMap((m) =>
      this.decisionsOf(m.id).flatMap((d) =>
        d.conditions.filter((c) => c.open).map((condition) => ({ condition, milestone: m })),
      ),
    ),
  );

  readonly stepsPage = httpResource<Page<StepResponse>>(() => {
    const milestone = this.currentMilestone();
    return milestone ? this.milestonesApi.stepsRequest(milestone.id, { limit: 200 }) : undefined;
  });
  readonly steps = computed(() => itemsOf(this.stepsPage));

  readonly measuresPage = httpResource<Page<MeasureResponse>>(() => {
    const id = this.id();
    return id ? this.initiativesApi.measuresRequest(id, { limit: 200 }) : undefined;
  });
  readonly measures = computed(() => itemsOf(this.measuresPage));

  readonly value = httpResource<InitiativeValueResponse>(() => {
    const id = this.id();
    return id ? this.initiativesApi.valueRequest(id) : undefined;
  });

  readonly reviewsPage = httpResource<Page<CycleReviewResponse>>(() => {
    const id = this.id();
    return id ? this.initiativesApi.reviewsRequest(id, { limit: 50 }) : undefined;
  });
  readonly reviews = computed(() => itemsOf(this.reviewsPage));

  readonly commentsPage = httpResource<Page<CommentResponse>>(() => {
    const id = this.id();
    return id ? this.initiativesApi.commentsRequest(id, { limit: 100 }) : undefined;
  });
  readonly comments = computed(() => itemsOf(this.commentsPage));

  readonly historyPage = httpResource<Page<HistoryEventResponse>>(() => {
    const id = this.id();
    return id ? this.initiativesApi.historyRequest(id, { limit: 50 }) : undefined;
  });
  readonly history = computed(() => itemsOf(this.historyPage));

  /** Set by the page for the owner: whom the team may take, read only then. */
  readonly wantPeople = signal(false);
  readonly peoplePage = httpResource<Page<PersonResponse>>(() =>
    this.wantPeople() ? this.planningApi.peopleRequest({ limit: 200 }) : undefined,
  );
  readonly people = computed(() => itemsOf(this.peoplePage));
  /** The customer groups the plan may serve (read for the owner only). */
  readonly groupsPage = httpResource<Page<CustomerGroupResponse>>(() =>
    this.wantPeople() ? this.customerGroupsApi.listRequest({ limit: 200 }) : undefined,
  );
  readonly groups = computed(() => itemsOf(this.groupsPage));

  /** What kept the last submit of the current gate from going through (422). */
  readonly blockers = signal<GateBlocker[]>([]);
  /** Which record a write found changed by someone else (412), if any. */
  readonly stale = signal<'step' | 'milestone' | null>(null);
  readonly gateError = signal<unknown>(null);
  readonly stepError = signal<unknown>(null);
  readonly busy = signal(false);

  /** Shows a milestone as a write answered it (the checklist's saves), without a refetch. */
  replaceMilestone(updated: MilestoneResponse): void {
    if (!this.milestonesPage.hasValue()) return;
    const page = this.milestonesPage.value();
    const { id } = updated;
    const items = page.items.map((m) => (m.id === id ? { ...m, ...pickMilestone(updated) } : m));
    this.milestonesPage.set({ ...page, items });
  }

  /** POST /api/milestones/:id/start, /submit (with the note for the decider) or /resume with If-Match. */
  async gateAction(milestone: MilestoneResponse, action: GateAction, note = ''): Promise<boolean> {
    this.busy.set(true);
    this.blockers.set([]);
    this.gateError.set(null);
    try {
      await this.milestonesApi.act(milestone, action, note ? { note } : undefined);
      this.milestonesPage.reload();
      this.initiative.reload();
      this.historyPage.reload();
      return true;
    } catch (error) {
      if (isPreconditionFailed(error)) this.stale.set('milestone');
      else {
        this.blockers.set(blockersOf(error));
        this.gateError.set(error);
      }
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  /** PATCH /api/steps/:id { status } with If-Match. */
  async moveStep(step: StepResponse, status: StepStatus): Promise<boolean> {
    this.stepError.set(null);
    try {
      await this.stepsApi.update(step, { status });
      this.stepsPage.reload();
      this.historyPage.reload();
      return true;
    } catch (error) {
      if (isPreconditionFailed(error)) this.stale.set('step');
      else this.stepError.set(error);
      return false;
    }
  }

  /** PATCH /api/initiatives/:id with If-Match. Throws the HTTP error (412 marks it stale). */
  async updateInitiative(request: UpdateInitiativeRequest): Promise<InitiativeResponse> {
    if (!this.initiative.hasValue()) throw new Error('No initiative');
    try {
      const updated = await this.initiativesApi.update(this.initiative.value(), request);
      this.initiative.set(updated);
      this.historyPage.reload();
      return updated;
    } catch (error) {
      if (isPreconditionFailed(error)) this.initiative.reload();
      throw error;
    }
  }

  /** PATCH /api/milestones/:id with If-Match: title, goal, due date. Throws the HTTP error. */
  async updateMilestone(
    milestone: MilestoneResponse,
    request: UpdateMilestoneRequest,
  ): Promise<MilestoneResponse> {
    try {
      const updated = await this.milestonesApi.update(milestone, request);
      this.replaceMilestone(updated);
      this.historyPage.reload();
      return updated;
    } catch (error) {
      if (isPreconditionFailed(error)) this.stale.set('milestone');
      throw error;
    }
  }

  /** POST /api/initiatives/:id/milestones. Throws the HTTP error. */
  async addMilestone(request: CreateMilestoneRequest): Promise<void> {
    const id = this.id();
    if (!id) throw new Error('No initiative');
    await this.milestonesApi.create(id, request);
    this.milestonesPage.reload();
    this.initiative.reload();
    this.historyPage.reload();
  }

  /** Moves a planned gate (reorder) or removes it; false (with gateError) when refused. */
  async planGate(
    milestone: MilestoneResponse,
    change: { position: number } | 'remove',
  ): Promise<boolean> {
    this.gateError.set(null);
    this.blockers.set([]);
    try {
      if (change === 'remove') await this.milestonesApi.remove(milestone);
      else await this.milestonesApi.reorder(milestone, change.position);
      this.milestonesPage.reload();
      this.initiative.reload();
      this.historyPage.reload();
      return true;
    } catch (error) {
      if (isPreconditionFailed(error)) this.stale.set('milestone');
      else this.gateError.set(error);
      return false;
    }
  }

  /** POST /api/steps/:id/return: a carried-over step goes back to the gate it came from. */
  async returnStep(step: StepResponse): Promise<boolean> {
    return this.stepWrite(() => this.stepsApi.returnToOrigin(step));
  }

  /** PATCH /api/steps/:id with If-Match: title, assignee, due date. Throws the HTTP error. */
  async updateStep(step: StepResponse, request: UpdateStepRequest): Promise<StepResponse> {
    try {
      const updated = await this.stepsApi.update(step, request);
      this.stepsPage.reload();
      this.historyPage.reload();
      return updated;
    } catch (error) {
      if (isPreconditionFailed(error)) this.stale.set('step');
      throw error;
    }
  }

  /** DELETE /api/steps/:id with If-Match. */
  async removeStep(step: StepResponse): Promise<boolean> {
    return this.stepWrite(() => this.stepsApi.remove(step));
  }

  /** POST /api/milestones/:id/steps. Throws the HTTP error (the form shows it by field). */
  async addStep(milestoneId: string, request: CreateStepRequest): Promise<StepResponse> {
    const step = await this.stepsApi.create(milestoneId, request);
    this.stepsPage.reload();
    this.historyPage.reload();
    return step;
  }

  private async stepWrite(write: () => Promise<unknown>): Promise<boolean> {
    this.stepError.set(null);
    try {
      await write();
      this.stepsPage.reload();
      this.historyPage.reload();
      return true;
    } catch (error) {
      if (isPreconditionFailed(error)) this.stale.set('step');
      else this.stepError.set(error);
      return false;
    }
  }

  /**
   * A step dragged on the board: shown where it was dropped at once, then PATCHed (status and
   * position) with If-Match; put back where it was if the server refuses (409, 412 or other).
   */
  async placeStep(step: StepResponse, placement: StepPlacement): Promise<boolean> {
    this.stepError.set(null);
    const before = this.stepsPage.hasValue() ? this.stepsPage.value() : undefined;
    if (before) {
      this.stepsPage.set({ ...before, items: applyPlacement(before.items, step, placement) });
    }
    try {
      await this.stepsApi.update(step, placement);
      this.stepsPage.reload();
      this.historyPage.reload();
      return true;
    } catch (error) {
      if (before) this.stepsPage.set(before);
      if (isPreconditionFailed(error)) this.stale.set('step');
      else this.stepError.set(error);
      return false;
    }
  }

  /** POST /api/initiatives/:id/measures with an Idempotency-Key. Throws the HTTP error. */
  async addMeasure(request: CreateMeasureRequest): Promise<MeasureResponse> {
    const id = this.id();
    if (!id) throw new Error('No initiative');
    return this.measureSaved(await this.initiativesApi.createMeasure(id, request));
  }

  /** PATCH /api/measures/:id with If-Match. Throws the HTTP error. */
  async updateMeasure(
    measure: MeasureResponse,
    request: UpdateMeasureRequest,
  ): Promise<MeasureResponse> {
    return this.measureSaved(await this.measuresApi.update(measure, request));
  }

  private measureSaved(measure: MeasureResponse): MeasureResponse {
    this.measuresPage.reload();
    this.value.reload();
    this.historyPage.reload();
    return measure;
  }

  /** POST /api/measures/:id/readings with an Idempotency-Key. Throws the HTTP error. */
  async recordReading(measureId: string, request: CreateReadingRequest): Promise<ReadingResponse> {
    const reading = await this.measuresApi.recordReading(measureId, request);
    this.readingsChanged();
    return reading;
  }

  /** After a reading is recorded, corrected or withdrawn: everything computed from readings. */
  readingsChanged(): void {
    this.measuresPage.reload();
    this.value.reload();
    this.reviewsPage.reload();
    this.historyPage.reload();
  }

  /** POST /api/conditions/:id/close with If-Match. Throws the HTTP error (412 marks stale). */
  async closeCondition(
    condition: DecisionConditionResponse,
    note: string,
  ): Promise<DecisionConditionResponse> {
    try {
      const closed = await this.milestonesApi.closeCondition(condition, { note });
      this.decisionsByMilestone.reload();
      this.initiative.reload();
      this.milestonesPage.reload();
      this.historyPage.reload();
      return closed;
    } catch (error) {
      if (isPreconditionFailed(error)) this.decisionsByMilestone.reload();
      throw error;
    }
  }

  /** POST /api/initiatives/:id/comments with an Idempotency-Key. Throws the HTTP error. */
  async addComment(body: string): Promise<CommentResponse> {
    const id = this.id();
    if (!id) throw new Error('No initiative');
    const request: CreateCommentRequest = { targetType: 'initiative', targetId: id, body };
    const comment = await this.initiativesApi.comment(id, request);
    this.commentsPage.reload();
    return comment;
  }

  /** After a status move: the initiative and everything its status gates. */
  reloadAll(): void {
    this.initiative.reload();
    this.milestonesPage.reload();
    this.decisionsByMilestone.reload();
    this.historyPage.reload();
  }

  /** Fetches the latest versions after a 412, and forgets the notice. */
  reloadStale(): void {
    this.stale.set(null);
    this.milestonesPage.reload();
    this.stepsPage.reload();
  }
}
