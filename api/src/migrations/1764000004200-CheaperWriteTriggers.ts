import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The refresh functions of the portfolio rows (1764000003000-PortfolioRows). */
const REFRESH_FUNCTIONS = ['portfolio_measures_refresh', 'portfolio_initiatives_refresh'];

/** What the PL/pgSQL versions put around the SQL functions' one statement. */
const PLPGSQL_HEAD = `
      BEGIN
        -- Nothing touched (a statement trigger fires for zero rows too): nothing to refresh.
        IF coalesce(cardinality(ids), 0) = 0 THEN RETURN; END IF;`;
const PLPGSQL_TAIL = `;
      END`;

/** The first reading's baseline (1764000003600-BaselineFromFirstReading), unchanged. */
const SET_BASELINE = `
        UPDATE measures m
           SET baseline = first.value,
               baseline_frozen_at = COALESCE(m.baseline_frozen_at, now()),
               version = m.version + 1,
               updated_at = now()
          FROM (SELECT DISTINCT ON (measure_id) measure_id, value
                  FROM new_rows
                 ORDER BY measure_id, observed_at, recorded_at) first
         WHERE m.id = first.measure_id AND m.baseline IS NULL;`;

/**
 * Recording a reading (issue 18: its p99 at 50 connections) spent more of PostgreSQL's time in
 * the portfolio rows' statement triggers than in its own statements (pg_stat_statements with
 * track = all, the bench's write load, 10,000 initiatives):
 *
 * - the refresh functions were `LANGUAGE sql`, and a SQL function that cannot be inlined is
 *   planned again at every call: ~0.6-1 ms each, four times per reading, for an insert that then
 *   ran in 0.05 ms, most often on no id at all (a statement trigger fires for zero rows). In
 *   PL/pgSQL the same statement's plan is kept per connection, and an empty call returns at once;
 * - the first reading's baseline ran its `UPDATE measures` on every reading: when it updated
 *   nothing, it still fired the statement triggers of `measures` (a portfolio change and a
 *   refresh). It now runs only when one of the readings' measures is still without a baseline.
 *
 * The statements are those of the earlier migrations, unchanged: the refresh functions' bodies
 * are taken from the database as they are and wrapped.
 */
export class CheaperWriteTriggers1764000004200 implements MigrationInterface {
  name = 'CheaperWriteTriggers1764000004200';

  async up(q: QueryRunner): Promise<void> {
    for (const fn of REFRESH_FUNCTIONS) {
      const body = await bodyOf(q, fn, 'sql');
      await q.query(`
        CREATE OR REPLACE FUNCTION ${fn}(ids uuid[]) RETURNS void
        LANGUAGE plpgsql AS $$${PLPGSQL_HEAD}${body.replace(/;?\s*$/, '')}${PLPGSQL_TAIL}$$`);
    }
    await q.query(`
      CREATE OR REPLACE FUNCTION measures_baseline_from_first_reading() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM new_rows n JOIN measures m ON m.id = n.measure_id
                    WHERE m.baseline IS NULL) THEN${SET_BASELINE}
        END IF;
        RETURN NULL;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const fn of REFRESH_FUNCTIONS) {
      const wrapped = await bodyOf(q, fn, 'plpgsql');
      if (!wrapped.startsWith(PLPGSQL_HEAD) || !wrapped.endsWith(PLPGSQL_TAIL)) {
        throw new Error(`${fn} is not the one this migration wrote: not reverting it.`);
      }
      const body = wrapped.slice(PLPGSQL_HEAD.length, -PLPGSQL_TAIL.length);
      await q.query(`
        CREATE OR REPLACE FUNCTION ${fn}(ids uuid[]) RETURNS void
        LANGUAGE sql AS $$${body}$$`);
    }
    await q.query(`
      CREATE OR REPLACE FUNCTION measures_baseline_from_first_reading() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN${SET_BASELINE}
        RETURN NULL;
      END
      $$`);
  }
}

/** The source of a function of one `uuid[]` argument, checked to be in the expected language. */
async function bodyOf(q: QueryRunner, fn: string, language: string): Promise<string> {
  const rows = (await q.query(
    `SELECT p.prosrc, l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
      WHERE p.proname = $1 AND p.pronamespace = current_schema()::regnamespace`,
    [fn],
  )) as Array<{ prosrc: string; lanname: string }>;
  const row = rows[0];
  if (rows.length !== 1 || !row || row.lanname !== language) {
    throw new Error(`Expected one ${language} function ${fn}, found ${rows.length}.`);
  }
  return row.prosrc;
}
