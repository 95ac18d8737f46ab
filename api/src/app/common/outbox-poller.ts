import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '@nestjs/common';
import { retryDelayMs } from '@waypoint/domain';
import type { OutboxSettings } from '../config';

/** How long `stop()` waits for the run in progress before it gives up waiting. */
export const OUTBOX_STOP_WAIT_MS = 3_000;

/** A worker's way of sending claimed rows: one after the other, or a whole batch side by side. */
export type OutboxSending = 'one-by-one' | 'side-by-side';

/** What `drain` needs to know of one outbox. */
export interface OutboxBatches<Row extends { id: string }> {
  /** Rows claimed at a time. */
  size: number;
  /** Takes the lease of up to `limit` due rows. */
  claim(limit: number): Promise<Row[]>;
  /** Gives claimed rows back unsent (the poller is stopping). */
  release(ids: string[]): Promise<void>;
  /** Sends one row and settles it. */
  deliver(row: Row): Promise<void>;
  sending: OutboxSending;
}

/**
 * The poll loop of an outbox worker (email, webhooks), outside any request: `start()` runs `run`
 * at once, then again `pollMs` after each run ends (a run that fails is logged, the next one comes
 * all the same); `stop()` schedules no more and waits a few seconds at most for the run in
 * progress, which sees `stopped` and gives back what it has claimed but not sent. `workerId`
 * names this process as the holder of a lease.
 */
export class OutboxPoller {
  /** Who holds a lease: this process (and the outbox, when `suffix` is given). */
  readonly workerId: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private halted = false;

  constructor(
    private readonly options: {
      /** Named in the log line of a failed run: `<name> outbox run failed`. */
      name: string;
      logger: Logger;
      pollMs: number;
      run: () => Promise<void>;
      suffix?: string;
      stopWaitMs?: number;
    },
  ) {
    const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.workerId = options.suffix ? `${id}:${options.suffix}` : id;
  }

  /** True once `stop()` was called: a run finishes early. */
  get stopped(): boolean {
    return this.halted;
  }

  start(): void {
    this.schedule(0);
  }

  /** Stops polling and waits (`stopWaitMs` at most) for the run in progress. */
  async stop(): Promise<void> {
    this.halted = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.running) return;
    let waited: NodeJS.Timeout | undefined;
    await Promise.race([
      this.running,
      new Promise((resolve) => {
        waited = setTimeout(resolve, this.options.stopWaitMs ?? OUTBOX_STOP_WAIT_MS);
      }),
    ]);
    clearTimeout(waited);
  }

  /**
   * Claims and sends batches until one comes back short, or the poller stops: rows claimed but
   * not yet sent when it stops are released, due again at once.
   */
  async drain<Row extends { id: string }>(outbox: OutboxBatches<Row>): Promise<void> {
    while (!this.halted) {
      const batch = await outbox.claim(outbox.size);
      if (outbox.sending === 'side-by-side') {
        if (this.halted) {
          await outbox.release(batch.map((row) => row.id));
          return;
        }
        await Promise.all(batch.map((row) => outbox.deliver(row)));
      } else {
        for (const [index, row] of batch.entries()) {
          if (this.halted) {
            await outbox.release(batch.slice(index).map((r) => r.id));
            return;
          }
          await outbox.deliver(row);
        }
      }
      if (batch.length < outbox.size) return;
    }
  }

  private schedule(delayMs: number): void {
    if (this.halted) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.options
        .run()
        .catch((error: unknown) => {
          this.options.logger.error(
            { error: errorText(error) },
            `${this.options.name} outbox run failed`,
          );
        })
        .finally(() => {
          this.running = null;
          this.schedule(this.options.pollMs);
        });
    }, delayMs);
    this.timer.unref();
  }
}

/**
 * When a row whose attempt number `attempts` just failed is due again: after the exponential
 * backoff of the outbox settings, or null (failed for good) once `maxAttempts` are spent.
 */
export function nextAttemptAt(
  attempts: number,
  settings: Pick<OutboxSettings, 'retryBaseMs' | 'retryMaxMs' | 'maxAttempts'>,
  now: number = Date.now(),
): Date | null {
  if (attempts >= settings.maxAttempts) return null;
  return new Date(now + retryDelayMs(attempts, settings.retryBaseMs, settings.retryMaxMs));
}

/** An error as one line of text for the log and the outbox row. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
