import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A measure may be planned without a baseline, to take it from its first reading (issue 14: the
 * wizard's "baseline from the first reading"). `measures.baseline` becomes nullable: null means
 * "from the first reading", and nothing else.
 *
 * The first reading sets the baseline in SQL, by a statement trigger on `readings`, so whoever
 * writes readings (the readings service, the CSV import, a seed script, a faster write path) sets
 * it in the same statement's transaction without knowing the rule. The baseline is frozen at once
 * (it is a measured value, not a plan to revisit) and the measure's version moves on, so a copy
 * read before the reading is stale (412) rather than silently overwriting the new baseline. When
 * one statement inserts several readings of the same measure (an import), the earliest observed
 * one is the baseline. The value engine recomputes after the reading's insert in the same
 * transaction and so already sees the baseline.
 */
export class BaselineFromFirstReading1764000003600 implements MigrationInterface {
  name = 'BaselineFromFirstReading1764000003600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE measures ALTER COLUMN baseline DROP NOT NULL`);
    await q.query(`
      CREATE FUNCTION measures_baseline_from_first_reading() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE measures m
           SET baseline = first.value,
               baseline_frozen_at = COALESCE(m.baseline_frozen_at, now()),
               version = m.version + 1,
               updated_at = now()
          FROM (SELECT DISTINCT ON (measure_id) measure_id, value
                  FROM new_rows
                 ORDER BY measure_id, observed_at, recorded_at) first
         WHERE m.id = first.measure_id AND m.baseline IS NULL;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER readings_baseline_from_first_reading AFTER INSERT ON readings
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION measures_baseline_from_first_reading()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER readings_baseline_from_first_reading ON readings`);
    await q.query(`DROP FUNCTION measures_baseline_from_first_reading()`);
    await q.query(`UPDATE measures SET baseline = target WHERE baseline IS NULL`);
    await q.query(`ALTER TABLE measures ALTER COLUMN baseline SET NOT NULL`);
  }
}
