/**
 * The large dataset as set-based SQL: every table is filled by one `INSERT ... SELECT` over
 * `generate_series`, with ids drawn up front into temporary tables so rows can refer to each
 * other. Pseudo-random choices come from `hashint8` (deterministic: the same scale gives the
 * same shape). Everything is consistent with the schema's constraints and with the domain:
 * milestone states follow the initiative's status, decided gates have a submission with an
 * evidence snapshot and a decision, readings never lie in the future.
 */

export interface SeedScale {
  initiatives: number;
  users: number;
  departments: number;
  customerGroups: number;
  /** About how many readings in all (spread over the measures of started initiatives). */
  readings: number;
}

export function scaleFor(initiatives: number): SeedScale {
  return {
    initiatives,
    users: Math.max(40, Math.round(initiatives / 10)),
    departments: Math.max(4, Math.round(initiatives / 500)),
    customerGroups: Math.max(4, Math.round(initiatives / 1000)),
    readings: initiatives * 100,
  };
}

export interface SeedStep {
  label: string;
  /** Rough share of the total time, for the progress bar. */
  weight: number;
  sql: string;
}

/** A deterministic pseudo-random non-negative integer below `m` from an integer expression. */
const pick = (expr: string, salt: number, m: number | string): string =>
  `(abs(hashint8((${expr})::bigint * 7919 + ${salt})) % (${m}))`;

const DEPARTMENTS = [
  'Customer Care',
  'Operations',
  'Sales',
  'Marketing',
  'Finance',
  'Product',
  'Logistics',
  'IT',
];
const GROUP_NAMES = ['Families', 'Small business', 'Students', 'Seniors', 'Enterprise', 'Visitors'];
const INITIATIVE_TOPICS = [
  'Faster onboarding',
  'Self-service returns',
  'Proactive delivery updates',
  'One-call resolution',
  'Simpler invoices',
  'Loyalty rework',
  'Store pickup',
  'Chat support',
];
const sqlArray = (values: readonly string[]): string =>
  `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;

/** The password every seeded user signs in with (a benchmark organisation, never production). */
export const SEED_PASSWORD = 'bench-waypoint-password-2026';
export const SEED_EXECUTIVE_EMAIL = 'executive@bench.waypoint.test';

export function seedSteps(scale: SeedScale, passwordHash: string): SeedStep[] {
  const { initiatives: N, users: U, departments: D, customerGroups: G } = scale;
  const hash = passwordHash.replace(/'/g, "''");
  return [
    {
      label: 'people',
      weight: 1,
      sql: `
        INSERT INTO installation (demo) VALUES (false) ON CONFLICT (singleton) DO NOTHING;
        CREATE TEMP TABLE s_departments AS
          SELECT n, gen_random_uuid() AS id FROM generate_series(1, ${D}) n;
        INSERT INTO departments (id, name)
          SELECT id, (${sqlArray(DEPARTMENTS)})[1 + (n - 1) % ${DEPARTMENTS.length}] || ' ' || n
            FROM s_departments;
        CREATE TEMP TABLE s_users AS
          SELECT n, gen_random_uuid() AS id,
                 CASE WHEN n = 1 THEN 'admin' WHEN n % 20 = 2 THEN 'executive'
                      WHEN n % 4 = 3 THEN 'manager' ELSE 'member' END AS role
            FROM generate_series(1, ${U}) n;
        INSERT INTO users (id, email, display_name, role, department_id, password_hash)
          SELECT u.id,
                 CASE u.n WHEN 1 THEN 'admin@bench.waypoint.test'
                          WHEN 2 THEN '${SEED_EXECUTIVE_EMAIL}'
                          WHEN 3 THEN 'manager@bench.waypoint.test'
                          WHEN 4 THEN 'member@bench.waypoint.test'
                          ELSE 'user' || u.n || '@bench.waypoint.test' END,
                 initcap(u.role) || ' ' || u.n, u.role,
                 CASE WHEN u.n = 1 THEN NULL ELSE d.id END, '${hash}'
            FROM s_users u LEFT JOIN s_departments d ON d.n = 1 + u.n % ${D};
        CREATE TEMP TABLE s_pick AS
          SELECT role, array_agg(id ORDER BY n) AS ids, count(*)::int AS cnt
            FROM s_users GROUP BY role
          UNION ALL SELECT 'any', array_agg(id ORDER BY n), count(*)::int FROM s_users;
        CREATE TEMP TABLE s_groups AS
          SELECT n, gen_random_uuid() AS id FROM generate_series(1, ${G}) n;
        INSERT INTO customer_groups (id, name, description, intent, value_proposition, protected)
          SELECT id, (${sqlArray(GROUP_NAMES)})[1 + (n - 1) % ${GROUP_NAMES.length}] || ' ' || n,
                 'Customers of segment ' || n,
                 (ARRAY['grow', 'nurture', 'retain', 'reduce_cost_to_serve'])[1 + n % 4],
                 'What segment ' || n || ' values most', n % 5 = 0
            FROM s_groups;
        CREATE TEMP TABLE s_group_ids AS SELECT array_agg(id ORDER BY n) AS ids FROM s_groups;
        INSERT INTO cycles (name, starts_on, ends_on)
          SELECT to_char(s, 'YYYY') || ' Q' || extract(quarter FROM s),
                 s::date, (s + interval '3 months' - interval '1 day')::date
            FROM generate_series(date_trunc('quarter', now()) - interval '27 months',
                                 date_trunc('quarter', now()) + interval '6 months',
                                 interval '3 months') s;`,
    },
    {
      label: 'initiatives',
      weight: 2,
      sql: `
        CREATE TEMP TABLE s_init AS
          SELECT n, gen_random_uuid() AS id,
                 CASE WHEN n % 20 < 2 THEN 'draft' WHEN n % 20 < 4 THEN 'proposed'
                      WHEN n % 20 < 14 THEN 'active' WHEN n % 20 < 16 THEN 'on_hold'
                      WHEN n % 20 < 19 THEN 'completed' ELSE 'stopped' END AS status,
                 now() - interval '1 day' * (30 + ${pick('n', 1, 800)}) AS created_at
            FROM generate_series(1, ${N}) n;
        ALTER TABLE s_init ADD PRIMARY KEY (n);
        INSERT INTO initiatives (id, title, problem, hypothesis, approach, status, owner_id,
                                 sponsor_id, estimated_customer_value, estimated_business_value,
                                 readiness_score, readiness_notes, template, created_at, updated_at)
          SELECT i.id,
                 (${sqlArray(INITIATIVE_TOPICS)})[1 + ${pick('i.n', 2, INITIATIVE_TOPICS.length)}]
                   || ' #' || i.n,
                 'Customers of segment ' || (1 + i.n % ${G}) || ' wait too long.',
                 'If we act, satisfaction rises and cost to serve falls.',
                 (ARRAY['engineering', 'strategic_differentiator', 'consumer_insight',
                        'best_customer', 'competing_values'])[1 + i.n % 5],
                 i.status,
                 m.ids[1 + ${pick('i.n', 3, 'm.cnt')}],
                 CASE WHEN i.status = 'draft' AND i.n % 2 = 0 THEN NULL
                      ELSE e.ids[1 + ${pick('i.n', 4, 'e.cnt')}] END,
                 ${pick('i.n', 5, 11)}, ${pick('i.n', 6, 11)}, 1 + ${pick('i.n', 7, 5)},
                 'Team and budget in place.', NULL,
                 i.created_at, i.created_at + (now() - i.created_at) * 0.9
            FROM s_init i, s_pick m, s_pick e
           WHERE m.role = 'manager' AND e.role = 'executive';
        INSERT INTO initiative_team (initiative_id, user_id)
          SELECT i.id, a.ids[1 + ${pick('i.n * 4 + k', 8, 'a.cnt')}]
            FROM s_init i, generate_series(1, 3) k, s_pick a WHERE a.role = 'any'
          ON CONFLICT DO NOTHING;
        INSERT INTO initiative_customer_groups (initiative_id, customer_group_id)
          SELECT i.id, g.ids[1 + (i.n + k) % ${G}]
            FROM s_init i, generate_series(0, i.n % 2) k, s_group_ids g;`,
    },
    {
      label: 'milestones',
      weight: 2,
      sql: `
        CREATE TEMP TABLE s_ms AS
          SELECT i.n AS init_n, i.id AS initiative_id, i.created_at, p, gen_random_uuid() AS id,
                 x.done, x.cur,
                 CASE
                   WHEN i.status IN ('draft', 'proposed') THEN 'planned'
                   WHEN i.status = 'completed' OR p <= x.done THEN 'approved'
                   WHEN p > x.done + 1 THEN 'planned'
                   WHEN i.status = 'on_hold' THEN 'on_hold'
                   WHEN i.status = 'stopped' THEN 'rejected'
                   ELSE (ARRAY['in_progress', 'submitted', 'changes_requested', 'in_progress'])[1 + x.cur]
                 END AS state
            FROM s_init i
            CROSS JOIN LATERAL (SELECT ${pick('i.n', 9, 3)} AS done, ${pick('i.n', 10, 4)} AS cur) x
            CROSS JOIN generate_series(1, 4) p;
        ALTER TABLE s_ms ADD COLUMN at timestamptz;
        UPDATE s_ms SET at = least(now() - interval '1 day', created_at + interval '40 days' * p);
        INSERT INTO milestones (id, initiative_id, position, title, goal, exit_criteria, due_date,
                                state, started_at, submitted_at, submitted_by, decided_at,
                                created_at, updated_at)
          SELECT s.id, s.initiative_id, s.p,
                 (ARRAY['Discover', 'Design', 'Pilot', 'Scale'])[s.p],
                 'Gate ' || s.p || ' of the value road',
                 jsonb_build_array(
                   jsonb_build_object('id', 'c1', 'label', 'Customer evidence gathered',
                                      'checked', s.state NOT IN ('planned')),
                   jsonb_build_object('id', 'c2', 'label', 'Measures have readings',
                                      'checked', s.state NOT IN ('planned', 'in_progress')),
                   jsonb_build_object('id', 'c3', 'label', 'Sponsor briefed',
                                      'checked', s.state = 'approved')),
                 (s.created_at + interval '45 days' * s.p)::date,
                 s.state,
                 CASE WHEN s.state <> 'planned' THEN s.at - interval '20 days' END,
                 CASE WHEN s.state NOT IN ('planned', 'in_progress') THEN s.at - interval '2 days' END,
                 CASE WHEN s.state NOT IN ('planned', 'in_progress') THEN i.owner_id END,
                 CASE WHEN s.state NOT IN ('planned', 'in_progress', 'submitted') THEN s.at END,
                 s.created_at, greatest(s.created_at, s.at)
            FROM s_ms s JOIN initiatives i ON i.id = s.initiative_id;`,
    },
    {
      label: 'gates',
      weight: 2,
      sql: `
        CREATE TEMP TABLE s_sub AS
          SELECT gen_random_uuid() AS sub_id, gen_random_uuid() AS decision_id, s.id AS ms_id,
                 s.init_n, s.initiative_id, s.p, s.state, s.at, s.created_at
            FROM s_ms s WHERE s.state NOT IN ('planned', 'in_progress');
        INSERT INTO gate_submissions (id, milestone_id, submitted_by, submitted_at, snapshot)
          SELECT s.sub_id, s.ms_id, i.owner_id, s.at - interval '2 days',
                 jsonb_build_object(
                   'takenAt', s.at - interval '2 days',
                   'milestone', jsonb_build_object('id', s.ms_id, 'position', s.p,
                     'title', (ARRAY['Discover', 'Design', 'Pilot', 'Scale'])[s.p],
                     'goal', 'Gate ' || s.p || ' of the value road',
                     'dueDate', (s.created_at + interval '45 days' * s.p)::date,
                     'startedAt', s.at - interval '20 days'),
                   'criteria', jsonb_build_array(
                     jsonb_build_object('id', 'c1', 'label', 'Customer evidence gathered', 'checked', true),
                     jsonb_build_object('id', 'c2', 'label', 'Measures have readings', 'checked', true),
                     jsonb_build_object('id', 'c3', 'label', 'Sponsor briefed', 'checked', false)),
                   'measures', '[]'::jsonb,
                   'steps', jsonb_build_object('total', 2 + s.p % 2, 'byStatus',
                     jsonb_build_object('todo', 0, 'doing', 0, 'blocked', 0, 'done', 2 + s.p % 2)),
                   'readiness', jsonb_build_object('score', i.readiness_score, 'notes', i.readiness_notes),
                   'openConditions', '[]'::jsonb)
            FROM s_sub s JOIN initiatives i ON i.id = s.initiative_id;
        INSERT INTO gate_decisions (id, milestone_id, submission_id, decider_id, outcome, rationale, decided_at)
          SELECT s.decision_id, s.ms_id, s.sub_id, coalesce(i.sponsor_id, e.ids[1]),
                 CASE s.state WHEN 'approved' THEN
                        CASE WHEN ${pick('s.init_n * 4 + s.p', 11, 5)} = 0 THEN 'go_with_conditions' ELSE 'go' END
                      ELSE s.state END,
                 'Decided on the evidence.', s.at
            FROM s_sub s JOIN initiatives i ON i.id = s.initiative_id, s_pick e
           WHERE e.role = 'executive' AND s.state <> 'submitted';
        INSERT INTO decision_conditions (decision_id, initiative_id, text, closed_at, closed_by, close_note)
          SELECT d.id, m.initiative_id, 'Report the pilot results monthly',
                 CASE WHEN abs(hashtext(d.id::text)) % 2 = 0 THEN d.decided_at + interval '10 days' END,
                 CASE WHEN abs(hashtext(d.id::text)) % 2 = 0 THEN d.decider_id END,
                 CASE WHEN abs(hashtext(d.id::text)) % 2 = 0 THEN 'Done, see the report' END
            FROM gate_decisions d JOIN milestones m ON m.id = d.milestone_id
           WHERE d.outcome = 'go_with_conditions';`,
    },
    {
      label: 'steps',
      weight: 3,
      sql: `
        INSERT INTO steps (milestone_id, initiative_id, position, title, assignee_id, due_date,
                           status, created_at, updated_at)
          SELECT s.id, s.initiative_id, k, 'Step ' || k || ' of gate ' || s.p,
                 CASE WHEN k = 1 THEN i.owner_id ELSE a.ids[1 + ${pick('s.init_n * 8 + s.p * 3 + k', 13, 'a.cnt')}] END,
                 (s.created_at + interval '45 days' * s.p - interval '7 days' * k)::date,
                 CASE WHEN s.state = 'approved' THEN 'done'
                      WHEN s.state = 'planned' THEN 'todo'
                      ELSE (ARRAY['done', 'doing', 'blocked', 'todo'])[k] END,
                 s.created_at, s.at
            FROM s_ms s JOIN initiatives i ON i.id = s.initiative_id
            CROSS JOIN LATERAL generate_series(1, 2 + s.p % 2) k, s_pick a
           WHERE a.role = 'any';`,
    },
    {
      label: 'measures',
      weight: 3,
      sql: `
        CREATE TEMP TABLE s_meas AS
          SELECT i.n AS init_n, i.id AS initiative_id, i.status, i.created_at, k,
                 gen_random_uuid() AS id
            FROM s_init i CROSS JOIN generate_series(1, 5) k;
        INSERT INTO measures (id, initiative_id, name, unit, perspective, direction, baseline,
                              target, target_date, cadence, kpi_class, customer_group_id,
                              recorder_id, weight, baseline_frozen_at, created_at, updated_at)
          SELECT m.id, m.initiative_id,
                 (ARRAY['Net promoter score (lagging)', 'Time to resolve (leading)',
                        'Repeat purchase rate (lagging)', 'Cost to serve per order (lagging)',
                        'Orders per week (leading)'])[m.k],
                 (ARRAY['points', 'hours', '%', 'EUR', 'orders'])[m.k],
                 CASE WHEN m.k <= 3 THEN 'customer' ELSE 'business' END,
                 (ARRAY['higher_is_better', 'lower_is_better', 'higher_is_better',
                        'lower_is_better', 'target_is_best'])[m.k],
                 (ARRAY[20, 48, 30, 12, 800])[m.k],
                 (ARRAY[45, 12, 45, 8, 1000])[m.k],
                 (m.created_at + interval '1 year')::date,
                 (ARRAY['monthly', 'weekly', 'quarterly', 'monthly', 'weekly'])[m.k],
                 CASE WHEN m.k <= 3 THEN 'customer_centric'
                      WHEN m.k = 5 AND m.init_n % 7 = 0 THEN 'customer_toxic' ELSE 'neutral' END,
                 CASE WHEN m.k <= 3 THEN g.ids[1 + m.init_n % ${G}] END,
                 i.owner_id, 1 + (m.k % 2),
                 CASE WHEN m.status NOT IN ('draft', 'proposed') THEN m.created_at + interval '1 day' END,
                 m.created_at, m.created_at
            FROM s_meas m JOIN initiatives i ON i.id = m.initiative_id, s_group_ids g;
        UPDATE measures c SET counter_measure_id = b.id
          FROM s_meas sc JOIN s_meas b ON b.initiative_id = sc.initiative_id AND b.k = 4
         WHERE c.id = sc.id AND sc.k = 1;
        INSERT INTO milestone_measures (milestone_id, measure_id)
          SELECT s.id, m.id FROM s_ms s JOIN s_meas m
            ON m.initiative_id = s.initiative_id AND m.k = s.p;`,
    },
    {
      label: 'readings',
      weight: 30,
      sql: `
        -- Built once after the load (same definition as the migration): cheaper than 1M inserts.
        DROP INDEX readings_measure_idx;
        CREATE TEMP TABLE s_per AS
          SELECT greatest(1, ceil(${scale.readings}::numeric /
                   greatest(1, (SELECT count(*) FROM s_meas WHERE status NOT IN ('draft', 'proposed')))))::int AS r;
        INSERT INTO readings (measure_id, value, observed_at, recorded_by, recorded_at, note)
          SELECT m.id,
                 round((me.baseline + (me.target - me.baseline) * (j::float8 / per.r)
                        * (0.6 + ${pick('j * 31 + m.init_n', 14, 80)} / 100.0))::numeric, 2)::float8,
                 m.created_at + (now() - interval '1 hour' - m.created_at) * (j::float8 / per.r),
                 me.recorder_id,
                 m.created_at + (now() - interval '1 hour' - m.created_at) * (j::float8 / per.r)
                   + interval '30 minutes',
                 ''
            FROM s_meas m JOIN measures me ON me.id = m.id, s_per per,
                 generate_series(1, per.r) j
           WHERE m.status NOT IN ('draft', 'proposed');`,
    },
    {
      label: 'corrections',
      weight: 3,
      sql: `
        INSERT INTO readings (measure_id, value, observed_at, recorded_by, recorded_at, note, supersedes_id)
          SELECT r.measure_id, r.value + 1, r.observed_at, r.recorded_by,
                 r.recorded_at + interval '5 minutes', 'Corrected a typo', r.id
            FROM readings r
           WHERE abs(hashtext(r.id::text)) % 100 = 0;
        CREATE INDEX readings_measure_idx ON readings (measure_id, observed_at DESC, recorded_at DESC);`,
    },
    {
      label: 'reviews',
      weight: 2,
      sql: `
        INSERT INTO cycle_reviews (initiative_id, cycle_id, intent, predicted_change, decision,
                                   learnings, next_intent, author_id, created_at, updated_at)
          SELECT i.id, c.id, 'Move the customer measures', 'Plus 5 points',
                 CASE WHEN c.ends_on < current_date
                      THEN (ARRAY['adopt', 'adapt', 'abandon'])[1 + ${pick('i.n + c.k', 16, 3)}] END,
                 CASE WHEN c.ends_on < current_date THEN 'We learned what moved the needle.' ELSE '' END,
                 '', ini.owner_id, c.starts_on + interval '3 days', c.starts_on + interval '3 days'
            FROM s_init i JOIN initiatives ini ON ini.id = i.id
            JOIN (SELECT id, starts_on, ends_on, row_number() OVER (ORDER BY starts_on DESC) AS k
                    FROM cycles WHERE starts_on <= current_date) c
              ON c.k <= 1 + i.n % 3 AND c.starts_on >= i.created_at::date - 90
           WHERE i.status NOT IN ('draft', 'proposed');`,
    },
    { label: 'analyse', weight: 4, sql: `ANALYZE;` },
  ];
}
