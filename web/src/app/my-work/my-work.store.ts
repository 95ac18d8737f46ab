import { computed, effect, inject, Injectable, resource, signal, untracked } from '@angular/core';
import type {
  CreateReadingRequest,
  MeasureListItem,
  ReadingResponse,
  StepListItem,
  StepResponse,
  StepStatus,
} from '@waypoint/contracts';
import { AuthStore } from '../auth/auth.store';
import { MeasuresApi, NotificationsApi, StepsApi } from '../shared/api';
import { PagedList } from '../shared/paged-list';

/** A step assigned to me, with its initiative and milestone (GET /api/steps). */
export type MyStep = StepListItem;

/** A measure I record, with its initiative (GET /api/measures). */
export type MyMeasure = MeasureListItem;

/** How many steps or measures a page of My work shows before "Show more". */
export const MY_WORK_PAGE_SIZE = 50;

const DAY = 24 * 60 * 60 * 1000;

/** Overdue (past due, not done), due within a week, or later. */
export type StepUrgency = 'overdue' | 'soon' | 'later' | 'done';

export function stepUrgency(
  step: Pick<StepResponse, 'dueDate' | 'status'>,
  now: number,
): StepUrgency {
  if (step.status === 'done') return 'done';
  if (!step.dueDate) return 'later';
  const due = Date.parse(`${step.dueDate.slice(0, 10)}T23:59:59Z`);
  if (due < now) return 'overdue';
  return due - now <= 7 * DAY ? 'soon' : 'later';
}

const URGENCY_ORDER: Record<StepUrgency, number> = { overdue: 0, soon: 1, later: 2, done: 3 };

/** Overdue first, then due soon, then by due date (no date last), done at the end. */
export function sortSteps<S extends Pick<StepResponse, 'dueDate' | 'status' | 'title'>>(
  steps: readonly S[],
  now: number,
): S[] {
  return [...steps].sort((a, b) => {
    const byUrgency = URGENCY_ORDER[stepUrgency(a, now)] - URGENCY_ORDER[stepUrgency(b, now)];
    if (byUrgency !== 0) return byUrgency;
    const da = a.dueDate ?? '9999';
    const db = b.dueDate ?? '9999';
    return da === db ? a.title.localeCompare(b.title) : da < db ? -1 : 1;
  });
}

/** Stale first, then by when the next reading is due. */
export function sortMeasures<M extends Pick<MeasureListItem, 'stale' | 'readingDueAt' | 'name'>>(
  measures: readonly M[],
): M[] {
  return [...measures].sort((a, b) => {
    if (a.stale !== b.stale) return a.stale ? -1 : 1;
    const da = a.readingDueAt ?? '9999';
    const db = b.readingDueAt ?? '9999';
    return da === db ? a.name.localeCompare(b.name) : da < db ? -1 : 1;
  });
}

/**
 * My work: the steps assigned to me that can still change (`GET /api/steps?assigneeId=me&open=true`)
 * and the measures I record (`GET /api/measures?recorderId=me&sort=due`), one request each, paged
 * with "Show more"; and my notifications.
 */
@Injectable()
export class MyWorkStore {
  private readonly stepsApi = inject(StepsApi);
  private readonly measuresApi = inject(MeasuresApi);
  private readonly notificationsApi = inject(NotificationsApi);
  private readonly auth = inject(AuthStore);

  readonly userId = computed(() => this.auth.user()?.id ?? null);

  /** My open steps: not done first, then by due date (the API's order). */
  readonly stepList = new PagedList<MyStep>(
    (page) => this.stepsApi.search({ assigneeId: 'me', open: true, ...page }),
    MY_WORK_PAGE_SIZE,
  );

  /** The measures I record: stale first, then by when the next reading is due. */
  readonly measureList = new PagedList<MyMeasure>(
    (page) => this.measuresApi.search({ recorderId: 'me', sort: 'due', ...page }),
    MY_WORK_PAGE_SIZE,
  );

  readonly notifications = resource({
    params: () => this.userId() ?? undefined,
    loader: () => this.notificationsApi.list({ limit: 20 }),
  });

  /** The time the lists are sorted against (refreshed on each load). */
  readonly now = signal(Date.now());

  readonly steps = computed(() => sortSteps(this.stepList.items(), this.now()));
  readonly measures = computed(() => sortMeasures(this.measureList.items()));

  constructor() {
    effect(() => {
      if (this.userId() !== null) untracked(() => this.reload());
    });
  }

  /** PATCH /api/steps/:id with the version read; replaces the step in the list. */
  async setStepStatus(step: MyStep, status: StepStatus): Promise<void> {
    const updated = await this.stepsApi.update(step, { status });
    this.stepList.update((steps) =>
      steps.map((s) => (s.id === step.id ? { ...s, ...updated } : s)),
    );
  }

  /** POST /api/measures/:id/readings (with an Idempotency-Key), then reloads the measures. */
  async recordReading(measureId: string, request: CreateReadingRequest): Promise<ReadingResponse> {
    const reading = await this.measuresApi.recordReading(measureId, request);
    this.now.set(Date.now());
    void this.measureList.reload();
    return reading;
  }

  async markRead(id: string): Promise<void> {
    await this.notificationsApi.markRead(id);
    this.notifications.reload();
  }

  async markAllRead(): Promise<void> {
    await this.notificationsApi.markAllRead();
    this.notifications.reload();
  }

  /** Both lists again (as many items as were shown). */
  reload(): void {
    this.now.set(Date.now());
    void this.stepList.reload();
    void this.measureList.reload();
  }
}
