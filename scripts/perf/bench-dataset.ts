/** The benchmark's database: created when missing, seeded unless it already holds the dataset. */
import { Client } from 'pg';
import { rowCounts, seedLarge } from './seed-large';
import { SEED_EXECUTIVE_EMAIL } from './seed-plan';

export interface Fixtures {
  readerEmail: string;
  recorderEmail: string;
  /** Initiatives to read the detail of (cycled through). */
  initiativeIds: string[];
  /** Measures the recorder may record readings of (cycled through). */
  measureIds: string[];
  counts: Record<string, number>;
}

export interface DatasetOptions {
  adminUrl: string;
  databaseName: string;
  initiatives: number;
  reseed: boolean;
}

function withDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T extends object>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function holdsDataset(url: string, initiatives: number): Promise<boolean> {
  try {
    const rows = await query<{ n: number; r: boolean }>(
      url,
      `SELECT (SELECT count(*) FROM initiatives)::int AS n,
              EXISTS (SELECT 1 FROM users WHERE email = $1) AS r`,
      [SEED_EXECUTIVE_EMAIL],
    );
    return (rows[0]?.n ?? 0) === initiatives && rows[0]?.r === true;
  } catch {
    return false;
  }
}

export async function ensureDataset(
  options: DatasetOptions,
): Promise<{ url: string; fixtures: Fixtures; seeded: boolean }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(options.databaseName)) {
    throw new Error(`--database must be a plain lower-case name (got "${options.databaseName}").`);
  }
  const exists = await query<{ n: number }>(
    options.adminUrl,
    `SELECT count(*)::int AS n FROM pg_database WHERE datname = $1`,
    [options.databaseName],
  );
  if ((exists[0]?.n ?? 0) === 0) {
    await query(options.adminUrl, `CREATE DATABASE ${options.databaseName}`);
  }
  const url = withDatabase(options.adminUrl, options.databaseName);
  let seeded = false;
  if (options.reseed || !(await holdsDataset(url, options.initiatives))) {
    process.stderr.write(
      `Seeding ${options.databaseName} with ${options.initiatives} initiatives...\n`,
    );
    const { seconds } = await seedLarge({ url, initiatives: options.initiatives, reset: true });
    process.stderr.write(`Seeded in ${seconds.toFixed(1)} s\n`);
    seeded = true;
  }
  const recorderEmail = 'manager@bench.waypoint.test';
  const initiatives = await query<{ id: string }>(
    url,
    `SELECT id FROM initiatives WHERE status = 'active' ORDER BY id LIMIT 50`,
  );
  const measures = await query<{ id: string }>(
    url,
    `SELECT m.id FROM measures m JOIN initiatives i ON i.id = m.initiative_id
       JOIN users u ON u.id = i.owner_id
      WHERE u.email = $1 AND i.status = 'active' ORDER BY m.id LIMIT 50`,
    [recorderEmail],
  );
  if (initiatives.length === 0 || measures.length === 0) {
    throw new Error(
      'The bench database has no active initiative of the seeded manager: use --reseed.',
    );
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  const counts = await rowCounts(client).finally(() => client.end());
  return {
    url,
    seeded,
    fixtures: {
      readerEmail: SEED_EXECUTIVE_EMAIL,
      recorderEmail,
      initiativeIds: initiatives.map((r) => r.id),
      measureIds: measures.map((r) => r.id),
      counts,
    },
  };
}
