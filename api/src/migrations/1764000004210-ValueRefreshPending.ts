import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The stored value rows (1764000001700-ValueEngine). */
const VALUE_TABLES = ['value_standings', 'value_measure_now', 'value_indices', 'value_now'];

/**
 * A reading is recorded in a short transaction of its own and the initiative's stored value rows
 * are recomputed right after it commits, once for all the readings of that initiative committed
 * meanwhile (ValueRefresh, api/src/app/value/value-refresh.ts). Issue 18: recomputing inside each
 * reading's transaction made every write to an initiative wait for the one before it, and at 50
 * connections the last of a burst waited seconds.
 *
 * - `value_refresh_pending`: a row per initiative whose readings changed after its rows were last
 *   computed. Statement triggers write it in the transaction of the reading or the withdrawal,
 *   whoever writes (the API, an import, a script), so a recomputation that never happened (the
 *   process stopped between the commit and the recomputation) is found and done later; the
 *   statement that loads an initiative's inputs deletes its rows, in the same snapshot, so a row
 *   goes only with the readings it stands for. No key: writers never wait for each other on it.
 * - The value tables now advance `portfolio_changes` like every table the portfolio reads: their
 *   rows no longer change only in the transaction of a write that already advanced it, and a
 *   portfolio answer computed in between must not be reused after they change.
 */
export class ValueRefreshPending1764000004210 implements MigrationInterface {
  name = 'ValueRefreshPending1764000004210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE value_refresh_pending (
        initiative_id uuid NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        queued_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX value_refresh_pending_initiative_idx ON value_refresh_pending (initiative_id)`,
    );
    await q.query(`
      CREATE FUNCTION value_refresh_pending_of_readings() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO value_refresh_pending (initiative_id)
        SELECT DISTINCT m.initiative_id FROM new_rows n JOIN measures m ON m.id = n.measure_id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION value_refresh_pending_of_withdrawals() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO value_refresh_pending (initiative_id)
        SELECT DISTINCT m.initiative_id FROM new_rows n
          JOIN readings r ON r.id = n.reading_id JOIN measures m ON m.id = r.measure_id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER readings_value_refresh_pending AFTER INSERT ON readings
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION value_refresh_pending_of_readings()`);
    await q.query(`
      CREATE TRIGGER reading_withdrawals_value_refresh_pending AFTER INSERT ON reading_withdrawals
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION value_refresh_pending_of_withdrawals()`);
    for (const table of VALUE_TABLES) {
      await q.query(`
        CREATE TRIGGER ${table}_portfolio_touch
          AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION portfolio_touch()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of VALUE_TABLES) {
      await q.query(`DROP TRIGGER ${table}_portfolio_touch ON ${table}`);
    }
    await q.query(`DROP TRIGGER reading_withdrawals_value_refresh_pending ON reading_withdrawals`);
    await q.query(`DROP TRIGGER readings_value_refresh_pending ON readings`);
    await q.query(`DROP FUNCTION value_refresh_pending_of_withdrawals()`);
    await q.query(`DROP FUNCTION value_refresh_pending_of_readings()`);
    await q.query(`DROP TABLE value_refresh_pending`);
  }
}
