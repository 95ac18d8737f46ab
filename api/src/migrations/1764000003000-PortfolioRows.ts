import { CADENCE_VALUES } from '@waypoint/contracts';
import { CADENCE_WINDOWS } from '@waypoint/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `CASE m.cadence WHEN … THEN interval … END`: interval plus grace (libs/domain staleness.ts). */
const STALE_WINDOW = `CASE m.cadence ${CADENCE_VALUES.map(
  (c) =>
    `WHEN '${c}' THEN interval '${(CADENCE_WINDOWS[c].intervalDays + CADENCE_WINDOWS[c].graceDays) * 24} hours'`,
).join(' ')} END`;

/** The tables whose writes change the rows, with the function that refreshes them. */
const TRIGGERS: ReadonlyArray<{ table: string; fn: string; events: ReadonlyArray<string> }> = [
  {
    table: 'milestones',
    fn: 'portfolio_initiatives_of_rows',
    events: ['INSERT', 'UPDATE', 'DELETE'],
  },
  {
    table: 'initiative_team',
    fn: 'portfolio_initiatives_of_rows',
    events: ['INSERT', 'UPDATE', 'DELETE'],
  },
  {
    table: 'initiatives',
    fn: 'portfolio_initiatives_of_initiatives',
    events: ['INSERT', 'UPDATE'],
  },
  { table: 'users', fn: 'portfolio_initiatives_of_users', events: ['UPDATE'] },
  { table: 'measures', fn: 'portfolio_measures_of_measures', events: ['INSERT', 'UPDATE'] },
  {
    table: 'value_measure_now',
    fn: 'portfolio_measures_of_value_rows',
    events: ['INSERT', 'UPDATE', 'DELETE'],
  },
  { table: 'initiatives', fn: 'portfolio_measures_of_initiatives', events: ['UPDATE'] },
];

/** The transition tables a statement trigger of this event may name. */
function referencing(event: string): string {
  if (event === 'INSERT') return 'REFERENCING NEW TABLE AS new_rows';
  if (event === 'DELETE') return 'REFERENCING OLD TABLE AS old_rows';
  return 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows';
}

/**
 * Per-initiative and per-measure rows of the portfolio summary (issue 13: the summary reads
 * stored rows instead of loading every initiative and milestone into the process):
 *
 * - `portfolio_initiatives`: each initiative's title and status, where it is on its gate track (the first milestone not
 *   approved, libs/domain `currentMilestoneIndex`, with its 1-based place in the track), its team
 *   size (owner not counted) and the distinct departments of the owner and the team.
 * - `portfolio_measures`: each measure's KPI class, perspective and pairing, whether its
 *   initiative is active, and the moment it goes stale (libs/domain `staleSince`: its latest
 *   effective reading, else its creation, plus its cadence's interval and grace), indexed so that
 *   "stale now" is a range count.
 *
 * Statement-level triggers with transition tables refresh the rows of the initiatives and
 * measures a statement touched, in the statement's transaction, whoever writes (the API, a
 * script, the seed); the work is in proportion to the rows written (index lookups from the
 * unnested ids: about a millisecond for a reading's five measures).
 */
export class PortfolioRows1764000003000 implements MigrationInterface {
  name = 'PortfolioRows1764000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE portfolio_initiatives (
        initiative_id uuid PRIMARY KEY REFERENCES initiatives (id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        status varchar(20) NOT NULL,
        stage_kind varchar(20) NOT NULL,
        stage_position integer,
        milestone_title varchar(200),
        milestone_state varchar(20),
        team_size integer NOT NULL,
        departments integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE portfolio_measures (
        measure_id uuid PRIMARY KEY REFERENCES measures (id) ON DELETE CASCADE,
        initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
        active boolean NOT NULL,
        perspective varchar(16) NOT NULL,
        kpi_class varchar(20) NOT NULL,
        has_counter boolean NOT NULL,
        stale_after timestamptz NOT NULL
      )`);
    // The summary's first items of each stage, in the initiatives' order (lower(title), id).
    await q.query(
      `CREATE INDEX portfolio_initiatives_stage_idx ON portfolio_initiatives
         (stage_kind, coalesce(stage_position, 0), lower(title), initiative_id)`,
    );
    await q.query(
      `CREATE INDEX portfolio_measures_initiative_idx ON portfolio_measures (initiative_id)`,
    );
    // The KPI review's counts: an index-only scan.
    await q.query(
      `CREATE INDEX portfolio_measures_class_idx ON portfolio_measures
         (perspective, kpi_class, has_counter)`,
    );
    await q.query(
      `CREATE INDEX portfolio_measures_stale_idx ON portfolio_measures (stale_after) WHERE active`,
    );
    await q.query(`
      CREATE FUNCTION portfolio_initiatives_refresh(ids uuid[]) RETURNS void
      LANGUAGE sql AS $$
        INSERT INTO portfolio_initiatives AS p
          (initiative_id, title, status, stage_kind, stage_position, milestone_title,
           milestone_state, team_size, departments)
        SELECT i.id, i.title, i.status,
               CASE WHEN c.n IS NOT NULL THEN 'gate'
                    WHEN EXISTS (SELECT 1 FROM milestones x WHERE x.initiative_id = i.id)
                      THEN 'all_approved'
                    ELSE 'no_milestones' END,
               c.n, c.title, c.state,
               (SELECT count(*)::int FROM initiative_team t WHERE t.initiative_id = i.id),
               (SELECT count(DISTINCT d.department_id)::int FROM (
                  SELECT o.department_id FROM users o WHERE o.id = i.owner_id
                  UNION ALL
                  SELECT u.department_id FROM initiative_team t JOIN users u ON u.id = t.user_id
                   WHERE t.initiative_id = i.id) d)
          FROM unnest(ids) AS x(id) JOIN initiatives i ON i.id = x.id
          LEFT JOIN LATERAL (
            SELECT r.n, r.title, r.state FROM (
              SELECT x.title, x.state, row_number() OVER (ORDER BY x.position)::int AS n
                FROM milestones x WHERE x.initiative_id = i.id) r
             WHERE r.state <> 'approved' ORDER BY r.n LIMIT 1) c ON true
        ON CONFLICT (initiative_id) DO UPDATE SET
          title = excluded.title, status = excluded.status, stage_kind = excluded.stage_kind, stage_position = excluded.stage_position,
          milestone_title = excluded.milestone_title, milestone_state = excluded.milestone_state,
          team_size = excluded.team_size, departments = excluded.departments
        WHERE (p.title, p.status, p.stage_kind, p.stage_position, p.milestone_title,
               p.milestone_state, p.team_size, p.departments)
              IS DISTINCT FROM (excluded.title, excluded.status, excluded.stage_kind, excluded.stage_position,
               excluded.milestone_title, excluded.milestone_state, excluded.team_size,
               excluded.departments)
      $$`);
    await q.query(`
      CREATE FUNCTION portfolio_measures_refresh(ids uuid[]) RETURNS void
      LANGUAGE sql AS $$
        INSERT INTO portfolio_measures AS p
          (measure_id, initiative_id, active, perspective, kpi_class, has_counter, stale_after)
        SELECT m.id, m.initiative_id, i.status = 'active', m.perspective, m.kpi_class,
               m.counter_measure_id IS NOT NULL,
               coalesce(v.observed_at, m.created_at) + ${STALE_WINDOW}
          FROM unnest(ids) AS x(id) JOIN measures m ON m.id = x.id
          JOIN initiatives i ON i.id = m.initiative_id
          LEFT JOIN value_measure_now v ON v.measure_id = m.id
        ON CONFLICT (measure_id) DO UPDATE SET
          initiative_id = excluded.initiative_id, active = excluded.active,
          perspective = excluded.perspective, kpi_class = excluded.kpi_class,
          has_counter = excluded.has_counter, stale_after = excluded.stale_after
        WHERE (p.initiative_id, p.active, p.perspective, p.kpi_class, p.has_counter, p.stale_after)
              IS DISTINCT FROM (excluded.initiative_id, excluded.active, excluded.perspective,
               excluded.kpi_class, excluded.has_counter, excluded.stale_after)
      $$`);
    // Trigger functions: the ids a statement touched, from its transition tables.
    await q.query(`
      CREATE FUNCTION portfolio_initiatives_of_rows() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM portfolio_initiatives_refresh(ARRAY(SELECT DISTINCT initiative_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM portfolio_initiatives_refresh(ARRAY(SELECT DISTINCT initiative_id FROM old_rows));
        ELSE
          PERFORM portfolio_initiatives_refresh(ARRAY(
            SELECT initiative_id FROM new_rows UNION SELECT initiative_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION portfolio_initiatives_of_initiatives() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM portfolio_initiatives_refresh(ARRAY(SELECT id FROM new_rows));
        ELSE
          PERFORM portfolio_initiatives_refresh(ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.owner_id, n.title, n.status) IS DISTINCT FROM (o.owner_id, o.title, o.status)));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION portfolio_initiatives_of_users() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM portfolio_initiatives_refresh(ARRAY(
          WITH moved AS (
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE n.department_id IS DISTINCT FROM o.department_id)
          SELECT i.id FROM initiatives i JOIN moved ON moved.id = i.owner_id
          UNION SELECT t.initiative_id FROM initiative_team t JOIN moved ON moved.id = t.user_id));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION portfolio_measures_of_measures() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM portfolio_measures_refresh(ARRAY(SELECT id FROM new_rows));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION portfolio_measures_of_value_rows() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM portfolio_measures_refresh(ARRAY(SELECT measure_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM portfolio_measures_refresh(ARRAY(SELECT measure_id FROM old_rows));
        ELSE
          PERFORM portfolio_measures_refresh(ARRAY(
            SELECT n.measure_id FROM new_rows n JOIN old_rows o ON o.measure_id = n.measure_id
             WHERE n.observed_at IS DISTINCT FROM o.observed_at));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION portfolio_measures_of_initiatives() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM portfolio_measures_refresh(ARRAY(
          SELECT m.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            JOIN measures m ON m.initiative_id = n.id
           WHERE n.status IS DISTINCT FROM o.status));
        RETURN NULL;
      END $$`);
    for (const { table, fn, events } of TRIGGERS) {
      for (const event of events) {
        await q.query(
          `CREATE TRIGGER ${fn}_${event.toLowerCase()} AFTER ${event} ON ${table}
             ${referencing(event)} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
        );
      }
    }
    await q.query(`SELECT portfolio_initiatives_refresh(ARRAY(SELECT id FROM initiatives))`);
    await q.query(`SELECT portfolio_measures_refresh(ARRAY(SELECT id FROM measures))`);
    await q.query(`ANALYZE portfolio_initiatives, portfolio_measures`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table, fn, events } of TRIGGERS) {
      for (const event of events) {
        await q.query(`DROP TRIGGER ${fn}_${event.toLowerCase()} ON ${table}`);
      }
    }
    for (const fn of new Set(TRIGGERS.map((t) => t.fn))) await q.query(`DROP FUNCTION ${fn}()`);
    await q.query(`DROP FUNCTION portfolio_measures_refresh(uuid[])`);
    await q.query(`DROP FUNCTION portfolio_initiatives_refresh(uuid[])`);
    await q.query(`DROP TABLE portfolio_measures`);
    await q.query(`DROP TABLE portfolio_initiatives`);
  }
}
