import type { DataSource } from 'typeorm';

/**
 * The key of the session-level advisory lock that serialises start-up migrations between
 * instances (any constant bigint; "waypoint" in ASCII, trimmed to fit).
 */
export const MIGRATION_LOCK_KEY = '8672331047812212';

/**
 * Runs the pending migrations while holding a PostgreSQL advisory lock, so that several instances
 * starting at once migrate one after the other: the first applies them, the others wait, then find
 * nothing left to do. The lock is held on a connection of its own and released (also when a
 * migration fails). Each migration still runs in its own transaction.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
