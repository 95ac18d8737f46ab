import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Failed-login counters in PostgreSQL, so every API instance sees the same ones. */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Seconds until the longest block among the keys ends; 0 when none is blocked. */
  async blockedForSeconds(keys: string[]): Promise<number> {
    const rows: Array<{ seconds: string | null }> = await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM max(blocked_until) - now()))::text AS seconds
         FROM login_throttle WHERE key = ANY($1) AND blocked_until > now()`,
      [keys],
    );
    return Number(rows[0]?.seconds ?? 0);
  }

  /** Counts one failure for the key within a rolling window; blocks the key at the limit. */
  async recordFailure(key: string, limit: number, windowMs: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_throttle AS t (key, failures, window_started_at, blocked_until)
       VALUES ($1, 1, now(), CASE WHEN $2 <= 1 THEN now() + make_interval(secs => $3 / 1000.0) END)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < now() - make_interval(secs => $3 / 1000.0) THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => $3 / 1000.0) THEN now() ELSE t.window_started_at END,
         blocked_until = CASE
           WHEN t.window_started_at >= now() - make_interval(secs => $3 / 1000.0) AND t.failures + 1 >= $2
             THEN now() + make_interval(secs => $3 / 1000.0)
           ELSE t.blocked_until END`,
      [key, limit, windowMs],
    );
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE key = $1`, [key]);
  }
}
