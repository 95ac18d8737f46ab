import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { nextAttemptAt, OutboxPoller } from '../common';
import { AppConfig } from '../config';
import { type ClaimedDelivery, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { SEND_TIMEOUT_MS, WebhookSender } from './webhook-sender';

/** Deliveries claimed at a time; they are sent side by side, so one lease covers them. */
const BATCH = 10;
export const LEASE_MS = SEND_TIMEOUT_MS + 60_000;

/**
 * Sends the webhooks' outbox, outside any request: every OUTBOX_POLL_MS it claims the deliveries
 * that are due (a lease, `FOR UPDATE SKIP LOCKED`: instances side by side never send one twice),
 * posts them, and marks each delivered, or due again after an exponential backoff
 * (OUTBOX_RETRY_BASE_SECONDS, doubling, up to an hour), or failed after OUTBOX_MAX_ATTEMPTS.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Webhooks');
  private readonly poller: OutboxPoller;

  constructor(
    private readonly config: AppConfig,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly sender: WebhookSender,
  ) {
    this.poller = new OutboxPoller({
      name: 'webhook',
      logger: this.logger,
      pollMs: config.outbox.pollMs,
      run: () => this.sendDue(),
      suffix: 'webhooks',
    });
  }

  /** Who holds a lease: this process. */
  get workerId(): string {
    return this.poller.workerId;
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.poller.stop();
  }

  /** One run: every delivery due, a batch at a time. */
  private sendDue(): Promise<void> {
    return this.poller.drain({
      size: BATCH,
      claim: (limit) => this.deliveries.claim({ limit, leaseMs: LEASE_MS, worker: this.workerId }),
      release: (ids) => this.deliveries.release(ids, this.workerId),
      deliver: (row) => this.deliver(row, { retry: true }),
      sending: 'side-by-side',
    });
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
    const retryAt = options.retry ? nextAttemptAt(row.attempts, this.config.outbox) : null;
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
