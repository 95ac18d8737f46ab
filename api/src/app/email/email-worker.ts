import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { retryDelayMs } from '@waypoint/domain';
import { PublicOrigin } from '../auth';
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
/** How long shutdown waits for an email being sent before it closes the connection. */
const STOP_WAIT_MS = 3_000;
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
  /** Who holds a lease: this process. */
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly outbox: EmailOutboxRepository,
    private readonly transport: EmailTransport,
    private readonly links: UnsubscribeLinks,
    private readonly origin: PublicOrigin,
  ) {}

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
    this.schedule(0);
  }

  /** Stops polling and waits (a few seconds at most) for the email being sent. */
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
    this.transport.close();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.sendDue()
        .catch((error: unknown) => {
          this.logger.error({ error: errorText(error) }, 'email outbox run failed');
        })
        .finally(() => {
          this.running = null;
          this.schedule(this.config.outbox.pollMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  /** One run: every immediate row due, then every digest due. */
  private async sendDue(): Promise<void> {
    while (!this.stopped) {
      const batch = await this.claim('immediate', BATCH);
      for (const [index, row] of batch.entries()) {
        if (this.stopped) {
          await this.outbox.release(
            batch.slice(index).map((r) => r.id),
            this.workerId,
          );
          return;
        }
        await this.deliver([row], 'immediate');
      }
      if (batch.length < BATCH) break;
    }
    if (this.stopped) return;
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
      const { retryBaseMs, retryMaxMs, maxAttempts } = this.config.outbox;
      const retryAt =
        attempts >= maxAttempts
          ? null
          : new Date(Date.now() + retryDelayMs(attempts, retryBaseMs, retryMaxMs));
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

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
