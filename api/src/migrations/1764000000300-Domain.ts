import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: string[]): string => values.map((v) => `'${v}'`).join(', ');

/**
 * The domain of DOMAIN.md: initiatives with their team and customer groups, milestones (stage
 * gates) with evidence snapshots, decisions and conditions, steps, measures and their
 * append-only readings, improvement cycles and cycle reviews, comments and notifications.
 */
export class Domain1764000000300 implements MigrationInterface {
  name = 'Domain1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE initiatives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(200) NOT NULL,
        problem varchar(4000) NOT NULL DEFAULT '',
        hypothesis varchar(4000) NOT NULL DEFAULT '',
        approach varchar(32) NOT NULL CHECK (approach IN (${list([
          'engineering',
          'strategic_differentiator',
          'consumer_insight',
          'best_customer',
          'competing_values',
        ])})),
        status varchar(16) NOT NULL DEFAULT 'draft'
          CHECK (status IN (${list(['draft', 'proposed', 'active', 'on_hold', 'completed', 'stopped'])})),
        owner_id uuid NOT NULL REFERENCES users (id),
        sponsor_id uuid REFERENCES users (id),
        estimated_customer_value smallint CHECK (estimated_customer_value BETWEEN 0 AND 10),
        estimated_business_value smallint CHECK (estimated_business_value BETWEEN 0 AND 10),
        readiness_score smallint CHECK (readiness_score BETWEEN 1 AND 5),
        readiness_notes varchar(4000) NOT NULL DEFAULT '',
        template varchar(40),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX initiatives_status_idx ON initiatives (status, updated_at DESC)`);
    await q.query(`CREATE INDEX initiatives_owner_idx ON initiatives (owner_id)`);
    await q.query(`CREATE INDEX initiatives_sponsor_idx ON initiatives (sponsor_id)`);
    await q.query(`
      CREATE TABLE initiative_team (
        initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        PRIMARY KEY (initiative_id, user_id)
      )`);
    await q.query(`CREATE INDEX initiative_team_user_idx ON initiative_team (user_id)`);
    await q.query(`
      CREATE TABLE initiative_customer_groups (
        initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
        customer_group_id uuid NOT NULL REFERENCES customer_groups (id),
        PRIMARY KEY (initiative_id, customer_group_id)
      )`);

    await q.query(`
      CREATE TABLE cycles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(40) NOT NULL UNIQUE,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on > starts_on)
      )`);
    await q.query(`CREATE INDEX cycles_starts_idx ON cycles (starts_on)`);

    await q.query(`
      CREATE TABLE measures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        unit varchar(40) NOT NULL DEFAULT '',
        perspective varchar(16) NOT NULL CHECK (perspective IN ('customer', 'business')),
        direction varchar(20) NOT NULL
          CHECK (direction IN ('higher_is_better', 'lower_is_better', 'target_is_best')),
        baseline double precision NOT NULL,
        target double precision NOT NULL,
        target_date date,
        cadence varchar(16) NOT NULL DEFAULT 'monthly' CHECK (cadence IN ('weekly', 'monthly', 'quarterly')),
        kpi_class varchar(20) NOT NULL DEFAULT 'neutral'
          CHECK (kpi_class IN ('customer_centric', 'neutral', 'customer_toxic')),
        customer_group_id uuid REFERENCES customer_groups (id),
        counter_measure_id uuid REFERENCES measures (id),
        recorder_id uuid REFERENCES users (id),
        weight double precision NOT NULL DEFAULT 1 CHECK (weight >= 0),
        baseline_frozen_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (counter_measure_id IS NULL OR counter_measure_id <> id)
      )`);
    await q.query(`CREATE INDEX measures_initiative_idx ON measures (initiative_id)`);
    await q.query(`CREATE INDEX measures_recorder_idx ON measures (recorder_id)`);
    await q.query(`
      CREATE TABLE readings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        measure_id uuid NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
        value double precision NOT NULL,
        observed_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        note varchar(2000) NOT NULL DEFAULT '',
        evidence_url varchar(2000),
        supersedes_id uuid REFERENCES readings (id),
        CHECK (evidence_url IS NULL OR evidence_url ~* '^https?://')
      )`);
    await q.query(
      `CREATE INDEX readings_measure_idx ON readings (measure_id, observed_at DESC, recorded_at DESC)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX readings_supersedes_key ON readings (supersedes_id) WHERE supersedes_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE milestones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
        position integer NOT NULL,
        title varchar(200) NOT NULL,
        goal varchar(4000) NOT NULL DEFAULT '',
        exit_criteria jsonb NOT NULL DEFAULT '[]',
        due_date date,
        state varchar(20) NOT NULL DEFAULT 'planned' CHECK (state IN (${list([
          'planned',
          'in_progress',
          'submitted',
          'approved',
          'changes_requested',
          'on_hold',
          'rejected',
        ])})),
        started_at timestamptz,
        submitted_at timestamptz,
        submitted_by uuid REFERENCES users (id),
        decided_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (initiative_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(`CREATE INDEX milestones_state_idx ON milestones (state, submitted_at)`);
    await q.query(`
      CREATE TABLE milestone_measures (
        milestone_id uuid NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
        measure_id uuid NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
        PRIMARY KEY (milestone_id, measure_id)
      )`);
    await q.query(`
      CREATE TABLE gate_submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        milestone_id uuid NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
        submitted_by uuid NOT NULL REFERENCES users (id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        snapshot jsonb NOT NULL
      )`);
    await q.query(
      `CREATE INDEX gate_submissions_milestone_idx ON gate_submissions (milestone_id, submitted_at DESC)`,
    );
    await q.query(`
      CREATE TABLE gate_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        milestone_id uuid NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
        submission_id uuid NOT NULL UNIQUE REFERENCES gate_submissions (id),
        decider_id uuid NOT NULL REFERENCES users (id),
        outcome varchar(24) NOT NULL
          CHECK (outcome IN ('go', 'go_with_conditions', 'changes_requested', 'on_hold', 'rejected')),
        rationale varchar(4000) NOT NULL DEFAULT '',
        decided_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX gate_decisions_milestone_idx ON gate_decisions (milestone_id, decided_at)`,
    );
    await q.query(`
      CREATE TABLE decision_conditions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        decision_id uuid NOT NULL REFERENCES gate_decisions (id) ON DELETE CASCADE,
        initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
        text varchar(1000) NOT NULL,
        closed_at timestamptz,
        closed_by uuid REFERENCES users (id),
        close_note varchar(2000),
        version integer NOT NULL DEFAULT 1,
        CHECK ((closed_at IS NULL) = (close_note IS NULL))
      )`);
    await q.query(
      `CREATE INDEX decision_conditions_open_idx ON decision_conditions (initiative_id) WHERE closed_at IS NULL`,
    );
    await q.query(`
      CREATE FUNCTION waypoint_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['gate_submissions', 'gate_decisions', 'readings']) {
      await q.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION waypoint_refuse_change()`);
    }

    await q.query(`
      CREATE TABLE steps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        milestone_id uuid NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
        initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
        position integer NOT NULL,
        title varchar(200) NOT NULL,
        assignee_id uuid REFERENCES users (id),
        due_date date,
        status varchar(16) NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'blocked', 'done')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX steps_milestone_idx ON steps (milestone_id, position)`);
    await q.query(`CREATE INDEX steps_assignee_idx ON steps (assignee_id, status, due_date)`);

    await q.query(`
      CREATE TABLE cycle_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
        cycle_id uuid NOT NULL REFERENCES cycles (id),
        intent varchar(4000) NOT NULL DEFAULT '',
        predicted_change varchar(4000) NOT NULL DEFAULT '',
        decision varchar(16) CHECK (decision IN ('adopt', 'adapt', 'abandon')),
        learnings varchar(4000) NOT NULL DEFAULT '',
        next_intent varchar(4000) NOT NULL DEFAULT '',
        author_id uuid NOT NULL REFERENCES users (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (initiative_id, cycle_id)
      )`);

    await q.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
        target_type varchar(16) NOT NULL CHECK (target_type IN ('initiative', 'milestone', 'step')),
        target_id uuid NOT NULL,
        author_id uuid NOT NULL REFERENCES users (id),
        body varchar(4000) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX comments_target_idx ON comments (target_type, target_id, created_at)`,
    );

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        kind varchar(40) NOT NULL,
        title varchar(300) NOT NULL,
        body varchar(2000) NOT NULL DEFAULT '',
        link varchar(500) NOT NULL DEFAULT '',
        initiative_id uuid REFERENCES initiatives (id) ON DELETE CASCADE,
        dedupe_key varchar(200),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX notifications_dedupe_key ON notifications (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'notifications',
      'comments',
      'cycle_reviews',
      'steps',
      'decision_conditions',
      'gate_decisions',
      'gate_submissions',
      'milestone_measures',
      'milestones',
      'readings',
      'measures',
      'cycles',
      'initiative_customer_groups',
      'initiative_team',
      'initiatives',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION waypoint_refuse_change()`);
  }
}
