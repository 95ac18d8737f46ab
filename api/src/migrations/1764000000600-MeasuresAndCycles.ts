import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measures, cycles and the portfolio:
 * - no two improvement cycles share a day (both ends included), even when two are created at
 *   the same time (the API checks first and names the overlapping cycle; this is the backstop);
 * - the cycle reviews of a cycle, for the portfolio's cycle-over-cycle series;
 * - the measures that name a counter-measure, for the counter-measure rules.
 */
export class MeasuresAndCycles1764000000600 implements MigrationInterface {
  name = 'MeasuresAndCycles1764000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cycles ADD CONSTRAINT cycles_no_overlap
        EXCLUDE USING gist (daterange(starts_on, ends_on, '[]') WITH &&)`);
    await q.query(`CREATE INDEX cycle_reviews_cycle_idx ON cycle_reviews (cycle_id)`);
    await q.query(
      `CREATE INDEX measures_counter_measure_idx ON measures (counter_measure_id)
         WHERE counter_measure_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX measures_counter_measure_idx`);
    await q.query(`DROP INDEX cycle_reviews_cycle_idx`);
    await q.query(`ALTER TABLE cycles DROP CONSTRAINT cycles_no_overlap`);
  }
}
