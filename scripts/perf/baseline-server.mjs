// The benchmark's baseline: the fastest thing this machine can do for the initiatives list and
// one initiative's detail — bare node:http + pg (same pool size), no framework, no auth, no
// validation, running the same SQL statements as the app (see docs/performance.md).
// Usage: DATABASE_URL=... DATABASE_POOL_SIZE=10 PORT=0 node scripts/perf/baseline-server.mjs
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  application_name: 'waypoint-baseline',
});

const LIST = `SELECT "i"."id" AS "i_id", "i"."title" AS "i_title", "i"."status" AS "i_status",
  "i"."approach" AS "i_approach", "i"."owner_id" AS "i_owner_id", "i"."sponsor_id" AS "i_sponsor_id",
  "i"."estimated_customer_value" AS "i_estimated_customer_value",
  "i"."estimated_business_value" AS "i_estimated_business_value", "i"."version" AS "i_version",
  "i"."updated_at" AS "i_updated_at"
  FROM "initiatives" "i" ORDER BY i.updated_at DESC, "i"."id" DESC LIMIT $1 OFFSET $2`;
const COUNT = `SELECT count(*)::int AS "n" FROM "initiatives" "i"`;
const USERS = `SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`;
const TEAM_STATS = `SELECT t.initiative_id, count(*)::int AS team_size,
  count(DISTINCT u.department_id)::int AS department_count
  FROM initiative_team t JOIN users u ON u.id = t.user_id
  WHERE t.initiative_id = ANY($1::uuid[]) GROUP BY t.initiative_id`;
const MILESTONE_STATES = `SELECT initiative_id, id, title, state FROM milestones
  WHERE initiative_id = ANY($1::uuid[]) ORDER BY initiative_id, position`;

const ONE = `SELECT * FROM initiatives WHERE id = $1 LIMIT 1`;
const TEAM = `SELECT u.id, u.display_name, d.id AS department_id, d.name AS department_name
  FROM initiative_team t JOIN users u ON u.id = t.user_id
  LEFT JOIN departments d ON d.id = u.department_id
  WHERE t.initiative_id = $1 ORDER BY lower(u.display_name), u.id`;
const GROUPS = `SELECT g.id, g.name, g.intent, g.protected
  FROM initiative_customer_groups ig JOIN customer_groups g ON g.id = ig.customer_group_id
  WHERE ig.initiative_id = $1 ORDER BY lower(g.name), g.id`;
const MILESTONES = `SELECT m.id, m.position, m.title, m.state, m.due_date::text AS due_date,
  jsonb_array_length(m.exit_criteria)::int AS total,
  (SELECT count(*)::int FROM jsonb_array_elements(m.exit_criteria) c
    WHERE c->>'checked' = 'true') AS checked
  FROM milestones m WHERE m.initiative_id = $1 ORDER BY m.position`;
const MEASURES = `SELECT id, name, perspective FROM measures
  WHERE initiative_id = $1 ORDER BY perspective, lower(name), id`;
const CONDITIONS = `SELECT count(*)::int AS n FROM decision_conditions
  WHERE initiative_id = $1 AND closed_at IS NULL`;

async function list(limit, offset) {
  const [page, count] = await Promise.all([pool.query(LIST, [limit, offset]), pool.query(COUNT)]);
  const rows = page.rows;
  const total = Number(count.rows[0].n);
  const ids = rows.map((r) => r.i_id);
  const people = [...new Set(rows.flatMap((r) => [r.i_owner_id, r.i_sponsor_id]).filter(Boolean))];
  const users = new Map((await pool.query(USERS, [people])).rows.map((u) => [u.id, u]));
  const stats = new Map(
    (await pool.query(TEAM_STATS, [ids])).rows.map((s) => [s.initiative_id, s]),
  );
  const milestones = new Map();
  for (const m of (await pool.query(MILESTONE_STATES, [ids])).rows) {
    milestones.set(m.initiative_id, [...(milestones.get(m.initiative_id) ?? []), m]);
  }
  const items = rows.map((r) => {
    const track = milestones.get(r.i_id) ?? [];
    const current = track.find((m) => m.state !== 'approved') ?? null;
    return {
      id: r.i_id,
      title: r.i_title,
      status: r.i_status,
      approach: r.i_approach,
      owner: { id: r.i_owner_id, displayName: users.get(r.i_owner_id)?.display_name ?? '' },
      sponsor: r.i_sponsor_id
        ? { id: r.i_sponsor_id, displayName: users.get(r.i_sponsor_id)?.display_name ?? '' }
        : null,
      estimatedCustomerValue: r.i_estimated_customer_value,
      estimatedBusinessValue: r.i_estimated_business_value,
      teamSize: stats.get(r.i_id)?.team_size ?? 0,
      departmentCount: stats.get(r.i_id)?.department_count ?? 0,
      currentMilestone: current
        ? { id: current.id, title: current.title, state: current.state }
        : null,
      version: r.i_version,
      updatedAt: r.i_updated_at,
    };
  });
  return { items, total, limit, offset };
}

async function detail(id) {
  const entity = (await pool.query(ONE, [id])).rows[0];
  if (!entity) return null;
  const users = (await pool.query(USERS, [[entity.owner_id, entity.sponsor_id].filter(Boolean)]))
    .rows;
  const team = (await pool.query(TEAM, [id])).rows;
  const customerGroups = (await pool.query(GROUPS, [id])).rows;
  const milestones = (await pool.query(MILESTONES, [id])).rows;
  const measures = (await pool.query(MEASURES, [id])).rows;
  const openConditions = (await pool.query(CONDITIONS, [id])).rows[0].n;
  return { ...entity, users, team, customerGroups, milestones, measures, openConditions };
}

const UUID = /^\/initiatives\/([0-9a-f-]{36})$/;

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const answer = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const work =
    url.pathname === '/initiatives'
      ? list(
          Number(url.searchParams.get('limit') ?? 50),
          Number(url.searchParams.get('offset') ?? 0),
        )
      : UUID.test(url.pathname)
        ? detail(UUID.exec(url.pathname)[1])
        : Promise.resolve(undefined);
  work.then(
    (body) =>
      body === undefined ? answer(404, {}) : body === null ? answer(404, {}) : answer(200, body),
    (error) => answer(500, { detail: String(error) }),
  );
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end();
});
