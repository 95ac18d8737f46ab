import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One claimed sign-in attempt: how many the key has counted in its window, and for how long it waits. */
export interface ClaimedAttempt {
  key: string;
  /** The attempts counted in the window, this one included. */
  count: number;
  /** Seconds until the key may try again, for when count is over the limit. */
  retryAfterSeconds: number;
}

/**
 * Sign-in counters in PostgreSQL, so every API instance sees the same ones. An attempt is
 * counted (claimed) in one statement before the password is checked: the row lock of
 * `ON CONFLICT ... DO UPDATE` gives concurrent attempts distinct counts, so at most the limit
 * is ever verified within a window, however many arrive at once.
 */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Counts one attempt for the key. A window that has ended (and holds no block) starts again
   * at 1; a block set by recordFailure outlasts the window it was set in.
   */
  async claim(key: string, windowMs: number): Promise<ClaimedAttempt> {
    const rows: Array<{ failures: number; seconds: string }> = await this.dataSource.query(
      `INSERT INTO login_throttle AS t (key, failures, window_started_at, blocked_until)
       VALUES ($1, 1, now(), NULL)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < now() - make_interval(secs => $2 / 1000.0)
                          AND (t.blocked_until IS NULL OR t.blocked_until <= now())
                       THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => $2 / 1000.0)
                                   AND (t.blocked_until IS NULL OR t.blocked_until <= now())
                                THEN now() ELSE t.window_started_at END
       RETURNING failures,
         greatest(1, ceil(extract(epoch FROM greatest(
           blocked_until, window_started_at + make_interval(secs => $2 / 1000.0)) - now())))::text
           AS seconds`,
      [key, windowMs],
    );
    const row = rows[0];
    return { key, count: row?.failures ?? 1, retryAfterSeconds: Number(row?.seconds ?? 1) };
  }

  /** Gives back a claimed attempt that was not a failure (refused unchecked, or a success). */
  async release(key: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = $1`,
      [key],
    );
  }

  /** A claimed attempt failed: at the limit, the key is blocked for a window from now. */
  async recordFailure(attempt: ClaimedAttempt, limit: number, windowMs: number): Promise<void> {
    if (attempt.count < limit) return;
    await this.dataSource.query(
      `UPDATE login_throttle SET blocked_until = now() + make_interval(secs => $2 / 1000.0)
        WHERE key = $1`,
      [attempt.key, windowMs],
    );
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE key = $1`, [key]);
  }
}
