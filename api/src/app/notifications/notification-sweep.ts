import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { NotificationsRepository } from './notifications.repository';
import { SweepRepository } from './sweep.repository';
import { distinctDrafts, overdueStepDrafts, staleMeasureDrafts, utcToday } from './sweep-rules';

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
 * Each run is a few set-based statements; dedupe keys make repeated runs harmless.
 */
@Injectable()
export class NotificationSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('NotificationSweep');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly sweep: SweepRepository,
    private readonly notifications: NotificationsRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.runInBackground();
    this.timer = setInterval(() => this.runInBackground(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  /** Stops the timer and lets a run in progress finish before the pool closes. */
  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One sweep, for everyone or for one user (`userId`), at `now`. */
  async run(options: { userId?: string; now?: Date } = {}): Promise<SweepResult> {
    const now = options.now ?? new Date();
    const userId = options.userId ?? null;
    const overdue = overdueStepDrafts(await this.sweep.overdueSteps(utcToday(now), userId));
    const stepOverdue = await this.notifications.insertDrafts(distinctDrafts(overdue));
    const stale = staleMeasureDrafts(await this.sweep.staleCandidates(now, userId), now);
    const measureStale = await this.notifications.insertDrafts(distinctDrafts(stale));
    return { stepOverdue, measureStale };
  }

  /** The periodic sweep for everyone; skipped while the previous one still runs. */
  private runInBackground(): void {
    if (this.running) return;
    this.running = this.run()
      .then((result) => {
        if (result.stepOverdue + result.measureStale > 0) {
          this.logger.log(result, 'notification sweep');
        }
      })
      .catch((error: unknown) => {
        this.logger.error(
          { error: error instanceof Error ? error.message : String(error) },
          'notification sweep failed',
        );
      })
      .finally(() => {
        this.running = null;
      });
  }
}
