/**
 * `npm run seed:large -- --initiatives 10000 [--database-url URL] [--reset]`
 *
 * Fills a PostgreSQL database with a large organisation (see seed-plan.ts): runs the app's
 * migrations first, refuses a database that already holds data unless --reset, and prints the
 * time taken and the row counts.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../../api/src/migrations';
import { hashPassword } from '../../api/src/app/auth/secrets';
import { rebuildValueRows } from '../../api/src/app/value/value-rebuild';
import { clearPendingRefreshes } from '../../api/src/app/value/value-store.repository';
import { CliArgs, fail, ProgressBar } from './cli-args';
import { scaleFor, SEED_PASSWORD, seedSteps } from './seed-plan';

export const COUNTED_TABLES = [
  'users',
  'departments',
  'customer_groups',
  'cycles',
  'initiatives',
  'initiative_team',
  'initiative_customer_groups',
  'milestones',
  'gate_submissions',
  'gate_decisions',
  'decision_conditions',
  'steps',
  'measures',
  'readings',
  'cycle_reviews',
] as const;

export async function rowCounts(client: Client): Promise<Record<string, number>> {
  const sql = COUNTED_TABLES.map((t) => `SELECT '${t}' AS name, count(*)::int AS n FROM ${t}`).join(
    ' UNION ALL ',
  );
  const rows = (await client.query<{ name: string; n: number }>(sql)).rows;
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}

export async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations,
    migrationsTransactionMode: 'each',
    logging: false,
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

async function holdsData(client: Client): Promise<boolean> {
  const rows = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
  );
  if ((rows.rows[0]?.n ?? 0) === 0) return false;
  const users = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('public.users') IS NOT NULL AS exists`,
  );
  if (!users.rows[0]?.exists) return true;
  const n = await client.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM users)::int + (SELECT count(*) FROM initiatives)::int AS n`,
  );
  return (n.rows[0]?.n ?? 0) > 0;
}

export interface SeedOptions {
  url: string;
  initiatives: number;
  reset: boolean;
  quiet?: boolean;
}

/** Seeds the database; returns the row counts and the seconds taken. */
export async function seedLarge(
  options: SeedOptions,
): Promise<{ counts: Record<string, number>; seconds: number }> {
  const started = process.hrtime.bigint();
  const client = new Client({ connectionString: options.url, application_name: 'waypoint-seed' });
  await client.connect();
  try {
    if (await holdsData(client)) {
      if (!options.reset) {
        throw new Error(
          'The database already holds data: seed:large fills only an empty one. Pass --reset to wipe it first.',
        );
      }
      await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    }
    await migrate(options.url);
    const scale = scaleFor(options.initiatives);
    const steps = seedSteps(scale, await hashPassword(SEED_PASSWORD));
    const VALUE_WEIGHT = 8;
    const bar = new ProgressBar(steps.reduce((sum, s) => sum + s.weight, 0) + VALUE_WEIGHT);
    bar.advance(0, 'migrated');
    await client.query('BEGIN');
    await client.query(
      "SET LOCAL synchronous_commit = off; SET LOCAL maintenance_work_mem = '256MB'; SET LOCAL work_mem = '64MB'",
    );
    for (const step of steps) {
      const stepStarted = Date.now();
      if (step.label === 'analyse') {
        await client.query('COMMIT');
        await client.query(step.sql);
      } else {
        await client.query(step.sql);
      }
      bar.advance(
        step.weight,
        `${step.label} (${((Date.now() - stepStarted) / 1000).toFixed(1)} s)`,
      );
    }
    // The readings went in behind the API's back: build the stored value rows (standings and
    // indices per cycle and now) as the API's writes would have kept them.
    const valueStarted = Date.now();
    const sql = async (text: string, params: readonly unknown[] = []) =>
      (await client.query(text, [...params])).rows as unknown[];
    // Every initiative is rebuilt here: none is left for the API's start to recompute.
    await clearPendingRefreshes(sql);
    await rebuildValueRows(sql);
    await client.query('ANALYZE value_standings, value_measure_now, value_indices, value_now');
    bar.advance(VALUE_WEIGHT, `value rows (${((Date.now() - valueStarted) / 1000).toFixed(1)} s)`);
    bar.finish();
    const counts = await rowCounts(client);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { counts, seconds };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

export function databaseUrl(args: CliArgs): string {
  const url = args.text('database-url') ?? process.env['DATABASE_URL'];
  if (!url) {
    fail(
      'seed:large needs a PostgreSQL server: pass --database-url postgres://... or set DATABASE_URL. ' +
        'It does not fill the embedded database (a million readings belong on a real server).',
    );
  }
  return url;
}

async function main(): Promise<void> {
  const args = new CliArgs(process.argv.slice(2));
  const url = databaseUrl(args);
  const initiatives = args.positiveInt('initiatives', 10_000);
  const { counts, seconds } = await seedLarge({ url, initiatives, reset: args.flag('reset') });
  process.stdout.write(`Seeded ${initiatives} initiatives in ${seconds.toFixed(1)} s\n`);
  for (const [table, n] of Object.entries(counts)) {
    process.stdout.write(`  ${table.padEnd(28)} ${String(n).padStart(9)}\n`);
  }
  process.stdout.write(`Sign in as executive@bench.waypoint.test / ${SEED_PASSWORD}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) =>
    fail(`seed:large failed: ${error instanceof Error ? error.message : String(error)}`),
  );
}
