import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { retryDelayMs } from '@waypoint/domain';
import { AppConfig } from '../config';
import { type ClaimedDelivery, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { SEND_TIMEOUT_MS, WebhookSender } from './webhook-sender';

/** Deliveries claimed at a time; they are sent side by side, so one lease covers them. */
const BATCH = 10;
export const LEASE_MS = SEND_TIMEOUT_MS + 60_000;
/** How long shutdown waits for deliveries being sent. */
const STOP_WAIT_MS = 3_000;

/**
 * Sends the webhooks' outbox, outside any request: every OUTBOX_POLL_MS it claims the deliveries
 * that are due (a lease, `FOR UPDATE SKIP LOCKED`: instances side by side never send one twice),
 * posts them, and marks each delivered, or due again after an exponential backoff
 * (OUTBOX_RETRY_BASE_SECONDS, doubling, up to an hour), or failed after OUTBOX_MAX_ATTEMPTS.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Webhooks');
  /** Who holds a lease: this process. */
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}:webhooks`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly sender: WebhookSender,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running) {
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([
        this.running,
        new Promise((resolve) => {
          waited = setTimeout(resolve, STOP_WAIT_MS);
        }),
      ]);
      clearTimeout(waited);
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.sendDue()
        .catch((error: unknown) => {
          this.logger.error({ error: errorText(error) }, 'webhook outbox run failed');
        })
        .finally(() => {
          this.running = null;
          this.schedule(this.config.outbox.pollMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  /** One run: every delivery due, a batch at a time. */
  private async sendDue(): Promise<void> {
    while (!this.stopped) {
      const batch = await this.deliveries.claim({
        limit: BATCH,
        leaseMs: LEASE_MS,
        worker: this.workerId,
      });
      if (this.stopped) {
        await this.deliveries.release(
          batch.map((row) => row.id),
          this.workerId,
        );
        return;
      }
      await Promise.all(batch.map((row) => this.deliver(row, { retry: true })));
      if (batch.length < BATCH) return;
    }
  }

  /**
   * Sends one claimed delivery and settles it. `retry: false` (a test sent by hand): a failure is
   * final, the admin sees it at once.
   */
  async deliver(row: ClaimedDelivery, options: { retry: boolean }): Promise<void> {
    if (!row.enabled) {
      await this.deliveries.markDropped(row.id, this.workerId, 'The webhook was disabled');
      return;
    }
    const outcome = await this.sender.send(row);
    if (outcome.ok) {
      await this.deliveries.markDelivered(row.id, this.workerId, outcome.responseCode);
      return;
    }
    const { retryBaseMs, retryMaxMs, maxAttempts } = this.config.outbox;
    const retryAt =
      !options.retry || row.attempts >= maxAttempts
        ? null
        : new Date(Date.now() + retryDelayMs(row.attempts, retryBaseMs, retryMaxMs));
    await this.deliveries.markFailed(row.id, this.workerId, outcome, retryAt);
    this.logger.warn(
      {
        delivery: row.id,
        event: row.event,
        responseCode: outcome.responseCode,
        error: outcome.error,
        attempts: row.attempts,
        retryAt: retryAt?.toISOString() ?? null,
      },
      retryAt ? 'webhook not delivered: will retry' : 'webhook not delivered: gave up',
    );
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
