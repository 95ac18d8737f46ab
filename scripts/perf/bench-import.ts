/**
 * The spreadsheet import target of issue 19: 10,000 rows of readings in under 10 s. Starts the
 * production build on a fresh database of the DATABASE_URL server, makes an initiative with 20
 * measures (by SQL) and an API token, then times the preview and the import of one CSV of 10,000
 * rows over HTTP, and prints the figures. Run: `npm run bench:import` (builds the API if needed).
 */
import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ensureBuilt, startApp } from './bench-servers';

const ROWS = 10_000;
const MEASURES = 20;
const TARGET_SECONDS = 10;

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** An owner with a read-write API token, an initiative with its measures; answers both. */
async function seed(databaseUrl: string): Promise<{ token: string; names: string[] }> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const user = await db.query<{ id: string }>(
      `INSERT INTO users (email, display_name, role) VALUES ('bench@example.test', 'Bench Owner', 'manager') RETURNING id`,
    );
    const userId = user.rows[0]?.id;
    const token = `wpt_${randomBytes(32).toString('base64url')}`;
    await db.query(
      `INSERT INTO api_tokens (user_id, name, prefix, token_hash, expires_at, scope)
       VALUES ($1, 'bench', 'wpt_', $2, now() + interval '1 day', 'read_write')`,
      [userId, createHash('sha256').update(token).digest('hex')],
    );
    const initiative = await db.query<{ id: string }>(
      `INSERT INTO initiatives (title, problem, hypothesis, approach, status, owner_id,
                                estimated_customer_value, estimated_business_value)
       VALUES ('Import bench', 'p', 'h', 'engineering', 'active', $1, 5, 5) RETURNING id`,
      [userId],
    );
    const names: string[] = [];
    for (let i = 0; i < MEASURES; i += 1) {
      const name = `Bench measure ${i + 1}`;
      names.push(name);
      await db.query(
        `INSERT INTO measures (initiative_id, name, unit, perspective, direction, baseline, target)
         VALUES ($1, $2, 'pts', $3, 'higher_is_better', 10, 50)`,
        [initiative.rows[0]?.id, name, i % 2 === 0 ? 'customer' : 'business'],
      );
    }
    return { token, names };
  } finally {
    await db.end();
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { seconds: (performance.now() - started) / 1000, value };
}

async function main(): Promise<void> {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl)
    throw new Error('Set DATABASE_URL to a PostgreSQL server (a database is made on it).');
  ensureBuilt(['api']);
  const name = `wp_bench_import_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const app = await startApp(url.toString(), 10);
  try {
    const { token, names } = await seed(url.toString());
    const lines = ['Measure,Observed date,Value,Note,Evidence link'];
    for (let i = 0; i < ROWS; i += 1) {
      const at = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString();
      lines.push(
        `${names[i % MEASURES]},${at},${10 + (i % 40)},Weekly figure ${i},https://example.test/r/${i}`,
      );
    }
    const body = JSON.stringify({
      fileName: 'bench.csv',
      content: Buffer.from(lines.join('\n'), 'utf8').toString('base64'),
    });
    const post = async (path: string): Promise<Record<string, unknown>> => {
      const res = await fetch(`${app.base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      const answer = (await res.json()) as Record<string, unknown>;
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(answer)}`);
      return answer;
    };
    const preview = await timed(() => post('/api/reading-imports/preview'));
    const imported = await timed(() => post('/api/reading-imports'));
    const again = await timed(() => post('/api/reading-imports'));
    const mb = (Buffer.byteLength(body) / 1024 / 1024).toFixed(1);
    process.stdout.write(
      [
        `Spreadsheet import, ${ROWS.toLocaleString('en')} rows over ${MEASURES} measures (${mb} MB request):`,
        `  preview  ${preview.seconds.toFixed(2)} s  (${String(preview.value['validCount'])} valid rows)`,
        `  import   ${imported.seconds.toFixed(2)} s  (${String(imported.value['importedCount'])} readings written, value picture updated)`,
        `  again    ${again.seconds.toFixed(2)} s  (${String(again.value['importedCount'])} written: the same file imports once)`,
        `  target   preview + import < ${TARGET_SECONDS} s: ${preview.seconds + imported.seconds < TARGET_SECONDS ? 'met' : 'NOT met'} (${(preview.seconds + imported.seconds).toFixed(2)} s)`,
        '',
      ].join('\n'),
    );
  } finally {
    await app.stop();
    await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
