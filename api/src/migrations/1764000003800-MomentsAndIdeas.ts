import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer moments and the opportunity backlog (issue 17, parts 1 and 2).
 *
 * - customer_moments: the moments that matter along a customer group's journey, in order, each
 *   with how customers experience it now (a rating 1-5, who gave it and when);
 * - moment_measures: the measures that track a moment; initiative_moments: the moments an
 *   initiative improves;
 * - ideas: anyone's idea, tied to a group and a moment, with its estimates and the stored
 *   priority (libs/domain ideaPriority) the backlog sorts by; idea_me_toos: one "me too" per
 *   person and idea (the unique key is the last word under concurrency).
 */
export class MomentsAndIdeas1764000003800 implements MigrationInterface {
  name = 'MomentsAndIdeas1764000003800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customer_moments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_group_id uuid NOT NULL REFERENCES customer_groups (id),
        name varchar(80) NOT NULL,
        description varchar(2000) NOT NULL DEFAULT '',
        position integer NOT NULL CHECK (position >= 1),
        rating smallint CHECK (rating BETWEEN 1 AND 5),
        rating_note varchar(2000) NOT NULL DEFAULT '',
        rated_by uuid REFERENCES users (id),
        rated_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX customer_moments_name_key ON customer_moments (customer_group_id, lower(name))`,
    );
    await q.query(
      `CREATE INDEX customer_moments_group_idx ON customer_moments (customer_group_id, position)`,
    );
    await q.query(`
      CREATE TABLE moment_measures (
        moment_id uuid NOT NULL REFERENCES customer_moments (id) ON DELETE CASCADE,
        measure_id uuid NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
        PRIMARY KEY (moment_id, measure_id)
      )`);
    await q.query(`
      CREATE TABLE initiative_moments (
        initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
        moment_id uuid NOT NULL REFERENCES customer_moments (id) ON DELETE CASCADE,
        PRIMARY KEY (initiative_id, moment_id)
      )`);
    await q.query(`CREATE INDEX initiative_moments_moment_idx ON initiative_moments (moment_id)`);
    await q.query(`
      CREATE TABLE ideas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(160) NOT NULL,
        customer_group_id uuid NOT NULL REFERENCES customer_groups (id),
        moment_id uuid REFERENCES customer_moments (id) ON DELETE SET NULL,
        pain varchar(4000) NOT NULL,
        evidence varchar(4000) NOT NULL DEFAULT '',
        customer_impact smallint NOT NULL CHECK (customer_impact BETWEEN 0 AND 10),
        business_value smallint NOT NULL CHECK (business_value BETWEEN 0 AND 10),
        effort smallint NOT NULL CHECK (effort BETWEEN 1 AND 5),
        priority numeric(6, 1) NOT NULL DEFAULT 0,
        status varchar(20) NOT NULL DEFAULT 'open'
          CHECK (status IN ('open', 'merged', 'declined', 'promoted')),
        submitted_by uuid NOT NULL REFERENCES users (id),
        decline_reason varchar(2000),
        merged_into_id uuid REFERENCES ideas (id),
        initiative_id uuid REFERENCES initiatives (id) ON DELETE SET NULL,
        triaged_by uuid REFERENCES users (id),
        triaged_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'declined') = (decline_reason IS NOT NULL)),
        CHECK ((status = 'merged') = (merged_into_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ideas_priority_idx ON ideas (status, priority DESC, created_at)`);
    await q.query(`CREATE INDEX ideas_moment_idx ON ideas (moment_id) WHERE status = 'open'`);
    await q.query(
      `CREATE UNIQUE INDEX ideas_initiative_key ON ideas (initiative_id) WHERE initiative_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE idea_me_toos (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idea_id uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        evidence varchar(2000) NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT idea_me_toos_person_key UNIQUE (idea_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idea_me_toos`);
    await q.query(`DROP TABLE ideas`);
    await q.query(`DROP TABLE initiative_moments`);
    await q.query(`DROP TABLE moment_measures`);
    await q.query(`DROP TABLE customer_moments`);
  }
}
