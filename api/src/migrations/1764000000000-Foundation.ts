import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The installation record, departments and customer groups. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE installation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        singleton boolean NOT NULL DEFAULT true UNIQUE CHECK (singleton),
        created_at timestamptz NOT NULL DEFAULT now(),
        demo boolean NOT NULL DEFAULT false
      )`);
    await q.query(`
      CREATE TABLE departments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX departments_name_key ON departments (lower(name))`);
    await q.query(`
      CREATE TABLE customer_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL,
        description varchar(2000) NOT NULL DEFAULT '',
        intent varchar(32) NOT NULL
          CHECK (intent IN ('grow', 'nurture', 'retain', 'reduce_cost_to_serve')),
        value_proposition varchar(2000) NOT NULL DEFAULT '',
        protected boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX customer_groups_name_key ON customer_groups (lower(name))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE customer_groups`);
    await q.query(`DROP TABLE departments`);
    await q.query(`DROP TABLE installation`);
  }
}
