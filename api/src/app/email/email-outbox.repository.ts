import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { returnedRows } from '../common';
import {
  DEFAULT_EMAIL_DELIVERY,
  type EmailDelivery,
  type EmailKind,
  type NotificationKind,
} from '@waypoint/contracts';

/** A notification to be emailed to one person (the outbox decides at once or in the digest). */
export interface OutboxDraft {
  userId: string;
  kind: EmailKind;
  notificationKind: NotificationKind;
  title: string;
  body: string;
  link: string;
  initiativeId: string | null;
}

/** A row of the outbox a worker holds the lease of, with its recipient as they are now. */
export interface ClaimedEmail extends OutboxDraft {
  id: string;
  attempts: number;
  email: string;
  displayName: string;
  /** False: the person was deactivated since; nothing is sent. */
  active: boolean;
  /** The person's choice for the kind now (they may have unsubscribed since it was written). */
  delivery: EmailDelivery;
  createdAt: Date;
}

interface ClaimedRow {
  id: string;
  user_id: string;
  kind: EmailKind;
  notification_kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  initiative_id: string | null;
  attempts: number;
  email: string;
  display_name: string;
  active: boolean;
  delivery: EmailDelivery | null;
  created_at: Date;
}

/**
 * The email outbox: rows written in the transaction of the change that notifies, claimed by a
 * worker with `FOR UPDATE SKIP LOCKED` and a lease so that two instances never send one row.
 */
@Injectable()
export class EmailOutboxRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /**
   * One INSERT for the drafts, in the current transaction: each person's choice for the kind
   * decides (none chosen: DEFAULT_EMAIL_DELIVERY); `never` and inactive people are left out, a
   * digest row is due at `digestAt`. Answers how many rows were written.
   */
  async enqueue(drafts: readonly OutboxDraft[], digestAt: Date): Promise<number> {
    if (drafts.length === 0) return 0;
    const column = <K extends keyof OutboxDraft>(key: K): OutboxDraft[K][] =>
      drafts.map((draft) => draft[key]);
    const rows: unknown[] = await this.txHost.tx.query(
      `INSERT INTO email_outbox
              (user_id, kind, notification_kind, title, body, link, initiative_id, delivery, due_at)
       SELECT d.user_id, d.kind, d.notification_kind, d.title, d.body, d.link, d.initiative_id,
              coalesce(p.delivery, $8),
              CASE WHEN coalesce(p.delivery, $8) = 'digest' THEN $9::timestamptz ELSE now() END
         FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[],
                     $6::varchar[], $7::uuid[])
              AS d (user_id, kind, notification_kind, title, body, link, initiative_id)
         JOIN users u ON u.id = d.user_id AND u.active
         LEFT JOIN email_preferences p ON p.user_id = d.user_id AND p.kind = d.kind
        WHERE coalesce(p.delivery, $8) <> 'never'
       RETURNING id`,
      [
        column('userId'),
        column('kind'),
        column('notificationKind'),
        column('title'),
        column('body'),
        column('link'),
        column('initiativeId'),
        DEFAULT_EMAIL_DELIVERY,
        digestAt.toISOString(),
      ],
    );
    return rows.length;
  }

  /**
   * Takes the lease of up to `limit` due rows of one delivery that nobody holds (a lease that ran
   * out is free again), counting the attempt. `SKIP LOCKED` lets instances claim side by side
   * without waiting for, or taking, each other's rows.
   */
  async claim(options: {
    delivery: 'immediate' | 'digest';
    limit: number;
    leaseMs: number;
    worker: string;
  }): Promise<ClaimedEmail[]> {
    const result: unknown = await this.txHost.tx.query(
      `UPDATE email_outbox o
          SET lease_until = now() + $3 * interval '1 millisecond',
              claimed_by = $4,
              attempts = o.attempts + 1
         FROM users u
        WHERE o.id IN (SELECT id FROM email_outbox
                        WHERE status = 'pending' AND delivery = $1 AND due_at <= now()
                          AND (lease_until IS NULL OR lease_until < now())
                        ORDER BY due_at, created_at, id
                        LIMIT $2
                          FOR UPDATE SKIP LOCKED)
          AND u.id = o.user_id
       RETURNING o.id, o.user_id, o.kind, o.notification_kind, o.title, o.body, o.link,
                 o.initiative_id, o.attempts, o.created_at, u.email, u.display_name, u.active,
                 (SELECT p.delivery FROM email_preferences p
                   WHERE p.user_id = o.user_id AND p.kind = o.kind) AS delivery`,
      [options.delivery, options.limit, options.leaseMs, options.worker],
    );
    return returnedRows<ClaimedRow>(result).map((row) => ({
      id: row.id,
      userId: row.user_id,
      kind: row.kind,
      notificationKind: row.notification_kind,
      title: row.title,
      body: row.body,
      link: row.link,
      initiativeId: row.initiative_id,
      attempts: row.attempts,
      email: row.email,
      displayName: row.display_name,
      active: row.active,
      delivery: row.delivery ?? DEFAULT_EMAIL_DELIVERY,
      createdAt: row.created_at,
    }));
  }

  /** The rows were sent (only while this worker still holds them). */
  async markSent(ids: readonly string[], worker: string): Promise<void> {
    await this.settle(ids, worker, `status = 'sent', sent_at = now(), last_error = NULL`);
  }

  /** The rows are not sent and never will be (recipient gone, or unsubscribed since). */
  async markDropped(ids: readonly string[], worker: string, reason: string): Promise<void> {
    await this.settle(ids, worker, `status = 'dropped', last_error = $3`, [reason]);
  }

  /** Sending failed: the rows are due again at `retryAt`, or failed for good when null. */
  async markFailed(
    ids: readonly string[],
    worker: string,
    error: string,
    retryAt: Date | null,
  ): Promise<void> {
    if (retryAt) {
      await this.settle(ids, worker, `last_error = $3, due_at = $4`, [
        error.slice(0, 1000),
        retryAt.toISOString(),
      ]);
    } else {
      await this.settle(ids, worker, `status = 'failed', last_error = $3`, [error.slice(0, 1000)]);
    }
  }

  /** Gives claimed rows back unsent (at shutdown): due again at once, the attempt not counted. */
  async release(ids: readonly string[], worker: string): Promise<void> {
    await this.settle(ids, worker, `attempts = attempts - 1`);
  }

  private async settle(
    ids: readonly string[],
    worker: string,
    set: string,
    params: readonly unknown[] = [],
  ): Promise<void> {
    if (ids.length === 0) return;
    await this.txHost.tx.query(
      `UPDATE email_outbox SET ${set}, lease_until = NULL
        WHERE id = ANY($1::uuid[]) AND claimed_by = $2 AND status = 'pending'`,
      [[...ids], worker, ...params],
    );
  }
}
