import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Withdrawn readings (issue 14): a reading stays in `readings` (append-only) and a row here says
 * that it no longer counts, why, who withdrew it and when. One withdrawal per reading, never
 * changed (the append-only trigger refuses UPDATE); it goes only with its measure's readings.
 */
export class ReadingWithdrawals1764000001750 implements MigrationInterface {
  name = 'ReadingWithdrawals1764000001750';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reading_withdrawals (
        reading_id uuid PRIMARY KEY REFERENCES readings (id) ON DELETE CASCADE,
        reason varchar(500) NOT NULL CHECK (length(btrim(reason)) > 0),
        withdrawn_by uuid NOT NULL REFERENCES users (id),
        withdrawn_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TRIGGER reading_withdrawals_append_only BEFORE UPDATE ON reading_withdrawals
        FOR EACH ROW EXECUTE FUNCTION waypoint_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reading_withdrawals`);
  }
}
