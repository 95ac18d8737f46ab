import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose changes can change a portfolio answer. */
const PORTFOLIO_TABLES = [
  'users',
  'customer_groups',
  'initiatives',
  'initiative_team',
  'initiative_customer_groups',
  'cycles',
  'measures',
  'readings',
  'milestones',
  'decision_conditions',
  'cycle_reviews',
];

/**
 * Performance at scale:
 * - `portfolio_changes`, a sequence that every statement changing a table the portfolio reads
 *   advances (statement-level triggers: no row lock, so concurrent writes never queue on it).
 *   The API keeps computed portfolio answers per instance and reuses one only while the
 *   sequence has not moved (and for at most a few seconds), so every instance sees every write;
 * - indexes for the default orders of the initiatives list (newest first, by title), so a page
 *   is an index range instead of a sort of every initiative.
 */
export class PortfolioPerformance1764000001000 implements MigrationInterface {
  name = 'PortfolioPerformance1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE portfolio_changes`);
    await q.query(`
      CREATE FUNCTION portfolio_touch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM nextval('portfolio_changes');
        RETURN NULL;
      END
      $$`);
    for (const table of PORTFOLIO_TABLES) {
      await q.query(`
        CREATE TRIGGER ${table}_portfolio_touch
          AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION portfolio_touch()`);
    }
    await q.query(`CREATE INDEX initiatives_updated_idx ON initiatives (updated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX initiatives_title_idx ON initiatives (lower(title), id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX initiatives_title_idx`);
    await q.query(`DROP INDEX initiatives_updated_idx`);
    for (const table of PORTFOLIO_TABLES) {
      await q.query(`DROP TRIGGER ${table}_portfolio_touch ON ${table}`);
    }
    await q.query(`DROP FUNCTION portfolio_touch()`);
    await q.query(`DROP SEQUENCE portfolio_changes`);
  }
}
