import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { PeriodicJob } from '../common';
import { EmailOutbox } from '../email';
import { NotificationsRepository } from './notifications.repository';
import { SweepRepository } from './sweep.repository';
import {
  distinctDrafts,
  type NotificationDraft,
  overdueStepDrafts,
  staleMeasureDrafts,
  utcToday,
} from './sweep-rules';

/** Candidates read and written at a time (a transaction each). */
export const SWEEP_PAGE = 500;

/** How often the sweep runs for everyone. */
export const SWEEP_EVERY_MS = 15 * 60 * 1000;

export interface SweepResult {
  /** Notifications written (those a user had already are not counted). */
  stepOverdue: number;
  measureStale: number;
}

/**
 * The time-based notifications: steps past their due date (to the assignee, once per step) and
 * stale measures (to the recorder, else the owner, once per stale period). Runs once at
 * bootstrap and every 15 minutes for everyone, and for one user whenever they open their inbox.
 * Each run is a few set-based statements; dedupe keys make repeated runs harmless. What it writes
 * is also emailed (the outbox), once per item: per step, and per measure and stale period.
 */
@Injectable()
export class NotificationSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job = new PeriodicJob({
    name: 'notification sweep',
    everyMs: SWEEP_EVERY_MS,
    logger: new Logger('NotificationSweep'),
    work: () => this.run(),
    report: (result) => (result.stepOverdue + result.measureStale > 0 ? { ...result } : null),
  });
  /** Candidates read and written at a time (tests make it small). */
  pageSize = SWEEP_PAGE;

  constructor(
    private readonly sweep: SweepRepository,
    private readonly notifications: NotificationsRepository,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly email: EmailOutbox,
  ) {}

  onApplicationBootstrap(): void {
    this.job.start();
  }

  /** Stops the timer and lets a run in progress finish before the pool closes. */
  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** One sweep, for everyone or for one user (`userId`), at `now`. */
  async run(options: { userId?: string; now?: Date } = {}): Promise<SweepResult> {
    const now = options.now ?? new Date();
    const userId = options.userId ?? null;
    // A page at a time: on a large portfolio (or the first start on imported data) the candidates
    // run to tens of thousands, and the process's memory should not grow with them.
    const today = utcToday(now);
    let stepOverdue = 0;
    let afterStep: { dueDate: string; stepId: string } | null = null;
    for (;;) {
      const rows = await this.sweep.overdueSteps(today, userId, {
        after: afterStep,
        limit: this.pageSize,
      });
      stepOverdue += await this.write(overdueStepDrafts(rows));
      const last = rows.at(-1);
      if (!last || rows.length < this.pageSize) break;
      afterStep = { dueDate: last.dueDate, stepId: last.stepId };
    }
    let measureStale = 0;
    let afterMeasureId: string | null = null;
    for (;;) {
      const rows = await this.sweep.staleCandidates(now, userId, {
        afterMeasureId,
        limit: this.pageSize,
      });
      measureStale += await this.write(staleMeasureDrafts(rows, now));
      const last = rows.at(-1);
      if (!last || rows.length < this.pageSize) break;
      afterMeasureId = last.measureId;
    }
    return { stepOverdue, measureStale };
  }

  /**
   * Writes the drafts not written before and queues their email, in one transaction: the dedupe
   * keys make a repeated run (or two instances at once) write and email nothing twice.
   */
  private write(drafts: readonly NotificationDraft[]): Promise<number> {
    return this.txHost.withTransaction(async () => {
      const written = await this.notifications.insertDrafts(distinctDrafts(drafts));
      await this.email.enqueue(written);
      return written.length;
    });
  }
}
