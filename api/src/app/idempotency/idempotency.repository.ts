import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A record still in flight after this long is taken to be abandoned (its process died). */
export const IN_FLIGHT_TIMEOUT_SECONDS = 60;
/** Keys are kept at least 24 h; older than this they are deleted. */
export const KEY_RETENTION_HOURS = 48;
const CLEANUP_EVERY_MS = 10 * 60 * 1000;

export interface IdempotencyClaim {
  userId: string;
  key: string;
  method: string;
  path: string;
  fingerprint: string;
  attemptId: string;
}

export type ClaimOutcome =
  | { kind: 'claimed' }
  | { kind: 'in_flight' }
  | { kind: 'mismatch' }
  | { kind: 'completed'; status: number; body: unknown };

interface KeyRow {
  fingerprint: string;
  state: 'in_flight' | 'completed';
  response_status: number | null;
  response_body: string | null;
}

/**
 * Idempotency keys in PostgreSQL (the API may run as several instances). Each statement runs on
 * its own (autocommit): no transaction is held open while the handler runs.
 */
@Injectable()
export class IdempotencyRepository {
  private lastCleanup = 0;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes the key for this attempt: a new key, an expired one, or an abandoned in-flight record of
   * the same request. Otherwise says what holds it.
   */
  async claim(claim: IdempotencyClaim): Promise<ClaimOutcome> {
    await this.cleanupNowAndThen();
    for (let round = 0; round < 3; round++) {
      const taken: unknown[] = await this.dataSource.query(
        `INSERT INTO idempotency_keys AS k
           (user_id, key, method, path, fingerprint, attempt_id, state)
         VALUES ($1, $2, $3, $4, $5, $6, 'in_flight')
         ON CONFLICT (user_id, key) DO UPDATE
           SET method = EXCLUDED.method, path = EXCLUDED.path,
               fingerprint = EXCLUDED.fingerprint, attempt_id = EXCLUDED.attempt_id,
               state = 'in_flight', response_status = NULL, response_body = NULL,
               created_at = now(), completed_at = NULL
           WHERE (k.state = 'in_flight'
                  AND k.fingerprint = EXCLUDED.fingerprint
                  AND k.created_at < now() - make_interval(secs => $7))
              OR k.created_at < now() - make_interval(hours => $8)
         RETURNING 1`,
        [
          claim.userId,
          claim.key,
          claim.method,
          claim.path,
          claim.fingerprint,
          claim.attemptId,
          IN_FLIGHT_TIMEOUT_SECONDS,
          KEY_RETENTION_HOURS,
        ],
      );
      if (taken.length === 1) return { kind: 'claimed' };
      const rows: KeyRow[] = await this.dataSource.query(
        `SELECT fingerprint, state, response_status, response_body
           FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
        [claim.userId, claim.key],
      );
      const row = rows[0];
      // Released by a failed attempt in between: try to take it again.
      if (!row) continue;
      if (row.fingerprint !== claim.fingerprint) return { kind: 'mismatch' };
      if (row.state === 'in_flight' || row.response_status === null) return { kind: 'in_flight' };
      return {
        kind: 'completed',
        status: row.response_status,
        body: row.response_body === null ? null : (JSON.parse(row.response_body) as unknown),
      };
    }
    return { kind: 'in_flight' };
  }

  /** Stores the answer of a successful attempt, for replays. */
  async complete(claim: IdempotencyClaim, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys
          SET state = 'completed', response_status = $4, response_body = $5, completed_at = now()
        WHERE user_id = $1 AND key = $2 AND attempt_id = $3`,
      [claim.userId, claim.key, claim.attemptId, status, JSON.stringify(body ?? null)],
    );
  }

  /** Forgets a failed attempt, so that the client can retry with the same key. */
  async release(claim: IdempotencyClaim): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND attempt_id = $3`,
      [claim.userId, claim.key, claim.attemptId],
    );
  }

  /** Deletes keys past retention; returns how many. */
  async deleteExpired(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
      [KEY_RETENTION_HOURS],
    );
    return result[1];
  }

  private async cleanupNowAndThen(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = now;
    await this.deleteExpired();
  }
}
