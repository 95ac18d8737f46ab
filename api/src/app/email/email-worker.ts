import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { PublicOrigin } from '../auth';
import { errorText, nextAttemptAt, OutboxPoller } from '../common';
import { AppConfig } from '../config';
import { type ClaimedEmail, EmailOutboxRepository } from './email-outbox.repository';
import { type EmailFrame, renderDigest, renderMessage } from './email-render';
import { EmailTransport, SEND_TIMEOUT_MS } from './email-transport';
import { UnsubscribeLinks } from './unsubscribe-links';

/** Rows claimed at a time; the lease covers a whole batch sent one after the other. */
const BATCH = 10;
const LEASE_MS = BATCH * SEND_TIMEOUT_MS + 60_000;
/** Digest rows claimed at a time (grouped into one email per person). */
const DIGEST_BATCH = 500;
export const PREFERENCES_PATH = '/profile';

/**
 * Sends the outbox, outside any request: every OUTBOX_POLL_MS it claims the rows that are due
 * (a lease, `FOR UPDATE SKIP LOCKED`, so instances side by side never send one row twice), sends
 * each at once or gathers a person's digest rows into one email, and marks them sent, or due
 * again after an exponential backoff, or failed after OUTBOX_MAX_ATTEMPTS. Without SMTP settings
 * it says so once at start-up and never runs.
 */
@Injectable()
export class EmailWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Email');
  private readonly poller: OutboxPoller;

  constructor(
    private readonly config: AppConfig,
    private readonly outbox: EmailOutboxRepository,
    private readonly transport: EmailTransport,
    private readonly links: UnsubscribeLinks,
    private readonly origin: PublicOrigin,
  ) {
    this.poller = new OutboxPoller({
      name: 'email',
      logger: this.logger,
      pollMs: config.outbox.pollMs,
      run: () => this.sendDue(),
    });
  }

  /** Who holds a lease: this process. */
  get workerId(): string {
    return this.poller.workerId;
  }

  onApplicationBootstrap(): void {
    const smtp = this.config.email.smtp;
    if (!smtp) {
      this.logger.warn('email is off: SMTP_HOST is not set, so no email will be sent');
      return;
    }
    this.logger.log(
      { host: smtp.host, port: smtp.port, tls: smtp.tls },
      'email is on: the outbox is sent through SMTP',
    );
    this.poller.start();
  }

  /** Stops polling and waits (a few seconds at most) for the email being sent. */
  async onModuleDestroy(): Promise<void> {
    await this.poller.stop();
    this.transport.close();
  }

  /** One run: every immediate row due, then every digest due. */
  private async sendDue(): Promise<void> {
    await this.poller.drain({
      size: BATCH,
      claim: (limit) => this.claim('immediate', limit),
      release: (ids) => this.outbox.release(ids, this.workerId),
      deliver: (row) => this.deliver([row], 'immediate'),
      sending: 'one-by-one',
    });
    if (this.poller.stopped) return;
    const digestRows = await this.claim('digest', DIGEST_BATCH);
    const byPerson = new Map<string, ClaimedEmail[]>();
    for (const row of digestRows)
      byPerson.set(row.userId, [...(byPerson.get(row.userId) ?? []), row]);
    for (const rows of byPerson.values()) await this.deliver(rows, 'digest');
  }

  private claim(delivery: 'immediate' | 'digest', limit: number): Promise<ClaimedEmail[]> {
    return this.outbox.claim({ delivery, limit, leaseMs: LEASE_MS, worker: this.workerId });
  }

  /** Sends one email of the rows (one person's), then settles them. */
  private async deliver(rows: ClaimedEmail[], mode: 'immediate' | 'digest'): Promise<void> {
    const unwanted = rows.filter((row) => !row.active || row.delivery === 'never');
    await this.outbox.markDropped(
      unwanted.map((row) => row.id),
      this.workerId,
      'the recipient is inactive or has unsubscribed',
    );
    const wanted = rows.filter((row) => !unwanted.includes(row));
    const first = wanted[0];
    if (!first) return;
    const ids = wanted.map((row) => row.id);
    try {
      const unsubscribeUrl = await this.links.url(
        first.userId,
        mode === 'digest' ? 'all' : first.kind,
      );
      const frame: EmailFrame = {
        organisationName: this.config.email.organisationName,
        origin: this.origin.primary(),
        recipientName: first.displayName,
        unsubscribeUrl,
        preferencesPath: PREFERENCES_PATH,
      };
      const rendered =
        mode === 'digest' ? renderDigest(wanted, frame) : renderMessage(first, frame);
      await this.transport.send({
        to: { name: first.displayName, address: first.email },
        ...rendered,
        unsubscribeUrl,
      });
    } catch (error) {
      const attempts = Math.max(...wanted.map((row) => row.attempts));
      const retryAt = nextAttemptAt(attempts, this.config.outbox);
      await this.outbox.markFailed(ids, this.workerId, errorText(error), retryAt);
      this.logger.warn(
        { error: errorText(error), attempts, retryAt: retryAt?.toISOString() ?? null, ids },
        retryAt ? 'email not sent: will retry' : 'email not sent: gave up',
      );
      return;
    }
    await this.outbox.markSent(ids, this.workerId);
  }
}
