import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  WebhookDeliveryEvent,
  WebhookDeliveryStatus,
  WebhookFormat,
} from '@waypoint/contracts';
import { type PageRequest, returnedRows } from '../common';
import type { WebhookPayload } from './webhook-payloads';

/** One line of the delivery log as stored. */
export interface DeliveryRow {
  id: string;
  event: WebhookDeliveryEvent;
  status: WebhookDeliveryStatus;
  attempts: number;
  responseCode: number | null;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  dueAt: Date;
}

/** A delivery a worker holds the lease of, with its webhook as it is now. */
export interface ClaimedDelivery {
  id: string;
  event: WebhookDeliveryEvent;
  payload: WebhookPayload;
  attempts: number;
  url: string;
  secret: string;
  format: WebhookFormat;
  /** False: the webhook was disabled since the delivery was queued; nothing is sent. */
  enabled: boolean;
}

interface ClaimedSqlRow {
  id: string;
  event: WebhookDeliveryEvent;
  payload: WebhookPayload;
  attempts: number;
  url: string;
  secret: string;
  format: WebhookFormat;
  enabled: boolean;
}

interface DeliverySqlRow {
  id: string;
  event: WebhookDeliveryEvent;
  status: WebhookDeliveryStatus;
  attempts: number;
  response_code: number | null;
  last_error: string | null;
  created_at: Date;
  last_attempt_at: Date | null;
  delivered_at: Date | null;
  due_at: Date;
}

const CLAIMED_COLUMNS = `d.id, d.event, d.payload, d.attempts, w.url, w.secret, w.format, w.enabled`;

/**
 * The webhooks' outbox and delivery log: rows written in the transaction of the change, claimed
 * by a worker with `FOR UPDATE SKIP LOCKED` and a lease, so that two instances never send one
 * delivery (the email outbox's pattern, api/src/app/email).
 */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** One delivery of `payload` per webhook, in the current transaction. */
  async enqueue(webhookIds: readonly string[], payload: WebhookPayload): Promise<void> {
    if (webhookIds.length === 0) return;
    await this.txHost.tx.query(
      `INSERT INTO webhook_deliveries (webhook_id, event, payload)
       SELECT id, $2, $3::jsonb FROM unnest($1::uuid[]) AS id`,
      [[...webhookIds], payload.type, JSON.stringify(payload)],
    );
  }

  /** A delivery already held by `worker` (a test sent at once, not through the queue). */
  async insertClaimed(
    webhookId: string,
    payload: WebhookPayload,
    worker: string,
    leaseMs: number,
  ): Promise<ClaimedDelivery | null> {
    const rows = returnedRows<ClaimedSqlRow>(
      await this.txHost.tx.query(
        `WITH d AS (
           INSERT INTO webhook_deliveries (webhook_id, event, payload, attempts, claimed_by, lease_until)
           VALUES ($1, $2, $3::jsonb, 1, $4, now() + $5 * interval '1 millisecond')
           RETURNING *)
         SELECT ${CLAIMED_COLUMNS} FROM d JOIN webhooks w ON w.id = d.webhook_id`,
        [webhookId, payload.type, JSON.stringify(payload), worker, leaseMs],
      ),
    );
    return rows[0] ?? null;
  }

  /**
   * Takes the lease of up to `limit` due deliveries that nobody holds (a lease that ran out is
   * free again), counting the attempt. `SKIP LOCKED` lets instances claim side by side.
   */
  async claim(options: {
    limit: number;
    leaseMs: number;
    worker: string;
  }): Promise<ClaimedDelivery[]> {
    const result: unknown = await this.txHost.tx.query(
      `UPDATE webhook_deliveries d
          SET lease_until = now() + $2 * interval '1 millisecond',
              claimed_by = $3,
              attempts = d.attempts + 1
         FROM webhooks w
        WHERE d.id IN (SELECT id FROM webhook_deliveries
                        WHERE status = 'pending' AND due_at <= now()
                          AND (lease_until IS NULL OR lease_until < now())
                        ORDER BY due_at, created_at, id
                        LIMIT $1
                          FOR UPDATE SKIP LOCKED)
          AND w.id = d.webhook_id
       RETURNING ${CLAIMED_COLUMNS}`,
      [options.limit, options.leaseMs, options.worker],
    );
    return returnedRows<ClaimedSqlRow>(result);
  }

  /** Delivered: the receiver answered 2xx (only while this worker still holds the row). */
  async markDelivered(id: string, worker: string, responseCode: number): Promise<void> {
    await this.settle(
      id,
      worker,
      `status = 'delivered', delivered_at = now(), response_code = $3, last_error = NULL`,
      [responseCode],
    );
  }

  /** Not sent, and never will be (the webhook was disabled since). */
  async markDropped(id: string, worker: string, reason: string): Promise<void> {
    await this.settle(id, worker, `status = 'dropped', last_error = $3`, [reason]);
  }

  /** The attempt failed: due again at `retryAt`, or failed for good when null. */
  async markFailed(
    id: string,
    worker: string,
    failure: { responseCode: number | null; error: string },
    retryAt: Date | null,
  ): Promise<void> {
    const params = [failure.responseCode, failure.error.slice(0, 1000)];
    if (retryAt) {
      await this.settle(id, worker, `response_code = $3, last_error = $4, due_at = $5`, [
        ...params,
        retryAt.toISOString(),
      ]);
    } else {
      await this.settle(
        id,
        worker,
        `status = 'failed', response_code = $3, last_error = $4`,
        params,
      );
    }
  }

  /** Gives claimed rows back unsent (at shutdown): due again at once, the attempt not counted. */
  async release(ids: readonly string[], worker: string): Promise<void> {
    if (ids.length === 0) return;
    await this.txHost.tx.query(
      `UPDATE webhook_deliveries SET attempts = attempts - 1, lease_until = NULL
        WHERE id = ANY($1::uuid[]) AND claimed_by = $2 AND status = 'pending'`,
      [[...ids], worker],
    );
  }

  /** A webhook's delivery log, newest first. */
  async log(webhookId: string, page: PageRequest): Promise<{ rows: DeliveryRow[]; total: number }> {
    const rows: DeliverySqlRow[] = await this.txHost.tx.query(
      `SELECT id, event, status, attempts, response_code, last_error, created_at,
              last_attempt_at, delivered_at, due_at
         FROM webhook_deliveries WHERE webhook_id = $1
        ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
      [webhookId, page.limit, page.offset],
    );
    const counted: { n: number }[] = await this.txHost.tx.query(
      `SELECT count(*)::int AS n FROM webhook_deliveries WHERE webhook_id = $1`,
      [webhookId],
    );
    return { rows: rows.map(deliveryOf), total: counted[0]?.n ?? 0 };
  }

  async findOne(id: string): Promise<DeliveryRow | null> {
    const rows: DeliverySqlRow[] = await this.txHost.tx.query(
      `SELECT id, event, status, attempts, response_code, last_error, created_at,
              last_attempt_at, delivered_at, due_at
         FROM webhook_deliveries WHERE id = $1`,
      [id],
    );
    return rows[0] ? deliveryOf(rows[0]) : null;
  }

  private async settle(
    id: string,
    worker: string,
    set: string,
    params: readonly unknown[] = [],
  ): Promise<void> {
    await this.txHost.tx.query(
      `UPDATE webhook_deliveries SET ${set}, lease_until = NULL, last_attempt_at = now()
        WHERE id = $1 AND claimed_by = $2 AND status = 'pending'`,
      [id, worker, ...params],
    );
  }
}

function deliveryOf(row: DeliverySqlRow): DeliveryRow {
  return {
    id: row.id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    responseCode: row.response_code,
    lastError: row.last_error,
    createdAt: row.created_at,
    lastAttemptAt: row.last_attempt_at,
    deliveredAt: row.delivered_at,
    dueAt: row.due_at,
  };
}
