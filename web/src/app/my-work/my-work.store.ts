import { computed, inject, Injectable, resource, signal } from '@angular/core';
import type {
  CreateReadingRequest,
  MeasureResponse,
  ReadingResponse,
  StepResponse,
  StepStatus,
} from '@waypoint/contracts';
import { isFinalMilestoneState } from '@waypoint/domain';
import { AuthStore } from '../auth/auth.store';
import {
  InitiativesApi,
  MeasuresApi,
  MilestonesApi,
  NotificationsApi,
  StepsApi,
} from '../shared/api';

/** A step assigned to me, with the initiative it belongs to. */
export interface MyStep extends StepResponse {
  initiativeTitle: string;
  milestoneTitle: string;
}

/** A measure I record, with the initiative it belongs to. */
export interface MyMeasure extends MeasureResponse {
  initiativeTitle: string;
}

export interface MyWork {
  steps: MyStep[];
  measures: MyMeasure[];
}

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
export function sortMeasures<M extends Pick<MeasureResponse, 'stale' | 'readingDueAt' | 'name'>>(
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
 * My work: the steps assigned to me and the measures I record, gathered from the initiatives I
 * can see (one request per initiative for milestones and measures, one per open milestone for my
 * steps), and my notifications.
 */
@Injectable()
export class MyWorkStore {
  private readonly initiativesApi = inject(InitiativesApi);
  private readonly milestonesApi = inject(MilestonesApi);
  private readonly stepsApi = inject(StepsApi);
  private readonly measuresApi = inject(MeasuresApi);
  private readonly notificationsApi = inject(NotificationsApi);
  private readonly auth = inject(AuthStore);

  readonly userId = computed(() => this.auth.user()?.id ?? null);

  readonly work = resource({
    params: () => this.userId() ?? undefined,
    loader: ({ params: userId }) => this.loadWork(userId),
  });

  readonly notifications = resource({
    params: () => this.userId() ?? undefined,
    loader: () => this.notificationsApi.list({ limit: 20 }),
  });

  /** The time the lists are sorted against (refreshed on each load). */
  readonly now = signal(Date.now());

  readonly steps = computed(() =>
    this.work.hasValue() ? sortSteps(this.work.value().steps, this.now()) : [],
  );
  readonly measures = computed(() =>
    this.work.hasValue() ? sortMeasures(this.work.value().measures) : [],
  );

  private async loadWork(userId: string): Promise<MyWork> {
    this.now.set(Date.now());
    const initiatives = await this.initiativesApi.list({ limit: 100 });
    const perInitiative = await Promise.all(
      initiatives.items.map(async (initiative) => {
        const [milestones, measures] = await Promise.all([
          this.initiativesApi.milestones(initiative.id, { limit: 100 }),
          this.initiativesApi.measures(initiative.id, { limit: 100 }),
        ]);
        // Steps are still worth doing unless their gate is final (approved or rejected).
        const open = milestones.items.filter((m) => !isFinalMilestoneState(m.state));
        const steps = await Promise.all(
          open.map(async (milestone) => {
            const page = await this.milestonesApi.steps(milestone.id, {
              limit: 100,
              assigneeId: userId,
            });
            return page.items
              .filter((step) => step.assignee?.id === userId)
              .map((step) => ({
                ...step,
                initiativeTitle: initiative.title,
                milestoneTitle: milestone.title,
              }));
          }),
        );
        return {
          steps: steps.flat(),
          measures: measures.items
            .filter((measure) => measure.recorder?.id === userId)
            .map((measure) => ({ ...measure, initiativeTitle: initiative.title })),
        };
      }),
    );
    return {
      steps: perInitiative.flatMap((x) => x.steps),
      measures: perInitiative.flatMap((x) => x.measures),
    };
  }

  /** PATCH /api/steps/:id with the version read; replaces the step in the list. */
  async setStepStatus(step: MyStep, status: StepStatus): Promise<void> {
    const updated = await this.stepsApi.update(step, { status });
    this.work.update((work) =>
      work
        ? {
            ...work,
            steps: work.steps.map((s) => (s.id === step.id ? { ...s, ...updated } : s)),
          }
        : work,
    );
  }

  /** POST /api/measures/:id/readings (with an Idempotency-Key), then reloads the measures. */
  async recordReading(measureId: string, request: CreateReadingRequest): Promise<ReadingResponse> {
    const reading = await this.measuresApi.recordReading(measureId, request);
    this.work.reload();
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

  reload(): void {
    this.work.reload();
  }
}
