/**
 * Prints {table: {rows, md5}} for every table of an embedded data folder, as one JSON line:
 * `node -r @swc-node/register scripts/reliability/digest.ts <folder>` (the backup test compares
 * a source folder with its restored copy).
 */
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

async function main(): Promise<void> {
  const folder = resolve(process.argv[2] ?? '.data');
  const db = await PGlite.create({ dataDir: join(folder, 'pg') });
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const digest: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables.rows) {
    const result = await db.query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM "${name}" t`,
    );
    const row = result.rows[0];
    if (row) digest[name] = row;
  }
  await db.close();
  process.stdout.write(`${JSON.stringify(digest)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`digest: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
