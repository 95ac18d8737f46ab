import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Show the money and wins (issue 17): an initiative's money case, the value per unit of
 * improvement of its business measures, realised benefit entered per cycle with evidence (append
 * only: the latest entry of a cycle counts), and the win a completed initiative publishes.
 * Amounts are bigint minor units of the organisation's currency, never floats.
 */
export class MoneyAndWins1764000003900 implements MigrationInterface {
  name = 'MoneyAndWins1764000003900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE initiative_money (
        initiative_id uuid PRIMARY KEY REFERENCES initiatives (id) ON DELETE CASCADE,
        expected_yearly_benefit_minor bigint NOT NULL CHECK (expected_yearly_benefit_minor >= 0),
        one_off_cost_minor bigint NOT NULL CHECK (one_off_cost_minor >= 0),
        running_cost_minor bigint NOT NULL CHECK (running_cost_minor >= 0),
        assumptions text NOT NULL DEFAULT '',
        benefit_starts_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE measure_values (
        measure_id uuid PRIMARY KEY REFERENCES measures (id) ON DELETE CASCADE,
        initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
        value_per_unit_minor bigint NOT NULL CHECK (value_per_unit_minor > 0),
        basis text NOT NULL DEFAULT '',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX measure_values_initiative_idx ON measure_values (initiative_id)`);
    await q.query(`
      CREATE TABLE realised_benefits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
        cycle_id uuid NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        amount_minor bigint NOT NULL,
        evidence_url varchar(2048) NOT NULL,
        note text NOT NULL,
        entered_by uuid NOT NULL REFERENCES users (id),
        entered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX realised_benefits_initiative_idx ON realised_benefits (initiative_id, cycle_id, entered_at DESC)`,
    );
    await q.query(`
      CREATE TABLE wins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL UNIQUE REFERENCES initiatives (id) ON DELETE CASCADE,
        published_by uuid NOT NULL REFERENCES users (id),
        published_at timestamptz NOT NULL DEFAULT now(),
        learned text NOT NULL,
        you_told_us text NOT NULL,
        we_changed text NOT NULL,
        snapshot jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX wins_published_idx ON wins (published_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE wins`);
    await q.query(`DROP TABLE realised_benefits`);
    await q.query(`DROP TABLE measure_values`);
    await q.query(`DROP TABLE initiative_money`);
  }
}
