import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildValueRows } from '../app/value/value-rebuild';

/**
 * The stored value picture (issue 13), kept up to date on write by the value engine
 * (api/src/app/value): each measure's standing per cycle and now, each initiative's indices per
 * cycle (opening, closing, change, and its threshold-independent tension alerts) and now. Rows exist for the measures and the initiatives that
 * have measures; they go with their measure, initiative or cycle. The rows of the existing data
 * are built here, a batch of initiatives at a time, with the engine's own computation.
 */
export class ValueEngine1764000001700 implements MigrationInterface {
  name = 'ValueEngine1764000001700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE value_standings (
        measure_id uuid NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
        cycle_id uuid NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
        opening_reading_id uuid,
        opening_observed_at timestamptz,
        opening_value double precision,
        closing_reading_id uuid,
        closing_observed_at timestamptz,
        closing_value double precision,
        progress_opening double precision,
        progress_closing double precision,
        improvement double precision,
        PRIMARY KEY (measure_id, cycle_id)
      )`);
    await q.query(
      `CREATE INDEX value_standings_initiative_idx ON value_standings (initiative_id, cycle_id)`,
    );
    await q.query(
      `CREATE INDEX value_standings_worsening_idx ON value_standings (cycle_id, initiative_id)
        WHERE improvement < 0`,
    );
    await q.query(`
      CREATE TABLE value_measure_now (
        measure_id uuid PRIMARY KEY REFERENCES measures (id) ON DELETE CASCADE,
        initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
        reading_id uuid,
        value double precision,
        observed_at timestamptz,
        progress double precision
      )`);
    await q.query(
      `CREATE INDEX value_measure_now_initiative_idx ON value_measure_now (initiative_id)`,
    );
    await q.query(`
      CREATE TABLE value_indices (
        initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
        cycle_id uuid NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        customer_opening double precision,
        customer_closing double precision,
        customer_change double precision,
        business_opening double precision,
        business_closing double precision,
        business_change double precision,
        counter_alerts integer NOT NULL,
        counter_critical integer NOT NULL,
        protected_alerts integer NOT NULL,
        PRIMARY KEY (initiative_id, cycle_id)
      )`);
    await q.query(`CREATE INDEX value_indices_cycle_idx ON value_indices (cycle_id)`);
    await q.query(`
      CREATE TABLE value_now (
        initiative_id uuid PRIMARY KEY REFERENCES initiatives (id) ON DELETE CASCADE,
        customer double precision,
        business double precision
      )`);
    await rebuildValueRows((text, params = []) => q.query(text, [...params]) as Promise<unknown[]>);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE value_now`);
    await q.query(`DROP TABLE value_indices`);
    await q.query(`DROP TABLE value_measure_now`);
    await q.query(`DROP TABLE value_standings`);
  }
}
