import type { Logger } from '@nestjs/common';

/**
 * A background job that runs once at start and then every `everyMs`: one run at a time (a tick
 * that comes while the previous run still works is skipped), a failure logged and the next tick
 * tried again, and a stop that lets the run in progress finish (so the pool it uses is still
 * open). The timer does not keep the process alive. Used by the notification sweep and the value
 * engine's sweep of pending recomputations.
 */
export class PeriodicJob<T> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly options: {
      /** What the log calls it ("notification sweep"). */
      name: string;
      everyMs: number;
      logger: Logger;
      work: () => Promise<T>;
      /** What to log of a run that succeeded, if anything. */
      report?: (result: T) => Record<string, unknown> | null;
    },
  ) {}

  /** Runs once now, then every `everyMs`. */
  start(): void {
    if (this.timer) return;
    this.runInBackground();
    this.timer = setInterval(() => this.runInBackground(), this.options.everyMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for the run in progress, if any. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One run, unless one is in progress. */
  runInBackground(): void {
    if (this.running) return;
    const { name, logger, work, report } = this.options;
    this.running = work()
      .then((result) => {
        const logged = report?.(result) ?? null;
        if (logged) logger.log(logged, name);
      })
      .catch((error: unknown) => {
        logger.error(
          { error: error instanceof Error ? error.message : String(error) },
          `${name} failed`,
        );
      })
      .finally(() => {
        this.running = null;
      });
  }
}
