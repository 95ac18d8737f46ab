// The benchmark's baseline: the best SQL this machine can run for the app's hot requests, behind
// a bare node:http + pg server (same pool size), answering the same requests with the same JSON:
//
//   GET  /api/initiatives?limit=&offset=   the list's page (newest change first)
//   GET  /api/initiatives/:id              one initiative's detail
//   POST /api/measures/:id/readings        recording a reading ({ value, observedAt, note?, evidenceUrl? })
//
// Each request is the session lookup (same cookie, same sessions table, touched at most once a
// minute as the app does) plus ONE statement that authorises, reads or writes, and builds the
// JSON answer in PostgreSQL (json_build_object keeps the app's key order; LATERAL joins and
// correlated aggregates for the related rows). Node only passes the text on. Statements are sent
// unprepared, as the app sends its own. The write inserts the reading and its audit event and
// sends the live notification in the same statement; it does NOT recompute the stored value rows
// and alerts, which the app does in the write's transaction (the bench runs the app's writes
// after the baseline's, on the same measures, so the rows end up right for value:check).
//
// The rules it cannot know without the app's code (who reads what, the next statuses, the
// template ids, who acts as sponsor) come from BASELINE_RULES, which the bench builds from
// libs/domain and the permission table (api/test/support/baseline-answers.ts).
//
// Usage: DATABASE_URL=... DATABASE_POOL_SIZE=10 PORT=0 BASELINE_RULES='{...}' \
//          BASELINE_ORIGINS=http://127.0.0.1:3000 node scripts/perf/baseline-server.mjs
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';

const rules = JSON.parse(process.env.BASELINE_RULES ?? 'null');
if (!rules) throw new Error('BASELINE_RULES is required (the bench builds it).');
const origins = (process.env.BASELINE_ORIGINS ?? '').split(',').filter(Boolean);

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  application_name: 'waypoint-baseline',
  options: '-c jit=off',
  // As the app's pool: connections live through the other server's load phases.
  idleTimeoutMillis: 30000,
});

const ISO = (column) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// --- the session lookup: one statement (the touch is a data-modifying CTE, run when due) ---
const SESSION = `WITH s AS (
    SELECT s.id, s.last_seen_at, u.id AS user_id, u.role
      FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND u.active
       AND s.expires_at > now() AND s.last_seen_at + make_interval(secs => $2) > now()),
  touch AS (
    UPDATE sessions t SET last_seen_at = now() FROM s
     WHERE t.id = s.id AND s.last_seen_at < now() - interval '60 seconds')
  SELECT user_id, role FROM s`;
const IDLE_SECONDS = Number(process.env.SESSION_IDLE_MINUTES ?? 480) * 60;

async function session(req) {
  const cookie = /(?:^|;\s*)wp_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (!cookie) return null;
  const hash = createHash('sha256').update(decodeURIComponent(cookie), 'utf8').digest('hex');
  const { rows } = await pool.query(SESSION, [hash, IDLE_SECONDS]);
  return rows[0] ?? null;
}

/** The relations that count for this role (RELATION_ROLES). */
const effective = (relations, role) =>
  relations.filter((r) => rules.relationRoles[r].includes(role));
const allowed = (permission, role, flags) =>
  rules.permissions[permission].roles.includes(role) ||
  effective(rules.permissions[permission].relations ?? [], role).some((r) => flags[r]);

// --- the list: one statement for the page, its related rows and the total ---
const RELATION_SQL = {
  owner: (me) => `i.owner_id = ${me}`,
  sponsor: (me) => `i.sponsor_id = ${me}`,
  team: (me) =>
    `EXISTS (SELECT 1 FROM initiative_team t WHERE t.initiative_id = i.id AND t.user_id = ${me})`,
};

const SPONSOR_OF = (alias, user) =>
  `'sponsor', CASE WHEN ${alias}.sponsor_id IS NULL THEN NULL
     ELSE json_build_object('id', ${alias}.sponsor_id, 'displayName', coalesce(${user}.display_name, '')) END,
   'needsSponsor', ${alias}.sponsor_id IS NOT NULL
     AND NOT coalesce(${user}.active AND ${user}.role = ANY($SPONSOR::text[]), false)`;

function listSql(scope) {
  const where =
    scope === null
      ? 'true'
      : scope.length === 0
        ? 'false'
        : `(${scope.map((r) => RELATION_SQL[r]('$3')).join(' OR ')})`;
  const sponsorParam = scope === null ? '$3' : '$4';
  return `WITH page AS (
      SELECT i.id, i.title, i.status, i.approach, i.owner_id, i.sponsor_id,
             i.estimated_customer_value, i.estimated_business_value, i.version, i.updated_at
        FROM initiatives i WHERE ${where}
       ORDER BY i.updated_at DESC, i.id DESC LIMIT $1 OFFSET $2)
    SELECT json_build_object(
      'items', coalesce((
        SELECT json_agg(json_build_object(
          'id', p.id, 'title', p.title, 'status', p.status, 'approach', p.approach,
          'owner', json_build_object('id', p.owner_id, 'displayName', coalesce(o.display_name, '')),
          ${SPONSOR_OF('p', 's')},
          'teamSize', t.team_size, 'departmentCount', t.department_count,
          'currentMilestone', m.current,
          'estimatedCustomerValue', p.estimated_customer_value,
          'estimatedBusinessValue', p.estimated_business_value,
          'version', p.version, 'updatedAt', ${ISO('p.updated_at')})
          ORDER BY p.updated_at DESC, p.id DESC)
          FROM page p
          LEFT JOIN users o ON o.id = p.owner_id
          LEFT JOIN users s ON s.id = p.sponsor_id
          CROSS JOIN LATERAL (
            SELECT count(*)::int AS team_size, count(DISTINCT u.department_id)::int AS department_count
              FROM initiative_team it JOIN users u ON u.id = it.user_id
             WHERE it.initiative_id = p.id) t
          LEFT JOIN LATERAL (
            SELECT json_build_object('id', ms.id, 'title', ms.title, 'state', ms.state) AS current
              FROM milestones ms WHERE ms.initiative_id = p.id AND ms.state <> 'approved'
             ORDER BY ms.position LIMIT 1) m ON true), '[]'::json),
      'total', (SELECT count(*)::int FROM initiatives i WHERE ${where}),
      'limit', $1::int, 'offset', $2::int)::text AS body`.replaceAll('$SPONSOR', sponsorParam);
}

const LIST_SQL = new Map();
function listOf(user) {
  const rule = rules.permissions['initiatives.read'];
  const scope = rule.roles.includes(user.role)
    ? null
    : effective(rule.relations ?? [], user.role).filter((r) => r in RELATION_SQL);
  const key = scope === null ? '*' : scope.join(',');
  if (!LIST_SQL.has(key)) LIST_SQL.set(key, listSql(scope));
  return { text: LIST_SQL.get(key), scoped: scope !== null };
}

async function list(user, url) {
  const limit = Number(url.searchParams.get('limit') ?? 50);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  if (
    !Number.isInteger(limit) ||
    limit < 1 ||
    limit > 200 ||
    !Number.isInteger(offset) ||
    offset < 0
  )
    return [400, { title: 'limit or offset out of range' }];
  const { text, scoped } = listOf(user);
  const params = scoped
    ? [limit, offset, user.user_id, rules.sponsorRoles]
    : [limit, offset, rules.sponsorRoles];
  const { rows } = await pool.query(text, params);
  return [200, rows[0].body];
}

// --- the detail: one statement for the relations (authorisation), the row and everything under it ---
const DETAIL = `SELECT i.owner_id = $2 AS owner, coalesce(i.sponsor_id = $2, false) AS sponsor,
    EXISTS (SELECT 1 FROM initiative_team t WHERE t.initiative_id = i.id AND t.user_id = $2) AS team,
    json_build_object(
      'id', i.id, 'title', i.title, 'problem', i.problem, 'hypothesis', i.hypothesis,
      'approach', i.approach, 'status', i.status,
      'nextStatuses', coalesce($3::json -> i.status, '[]'::json),
      'template', CASE WHEN i.template = ANY($4::text[]) THEN i.template END,
      'owner', json_build_object('id', i.owner_id, 'displayName', coalesce(o.display_name, '')),
      ${SPONSOR_OF('i', 's').replaceAll('$SPONSOR', '$5')},
      'team', coalesce((
        SELECT json_agg(json_build_object(
                 'user', json_build_object('id', u.id, 'displayName', u.display_name),
                 'department', CASE WHEN d.id IS NULL THEN NULL
                                    ELSE json_build_object('id', d.id, 'name', d.name) END)
                 ORDER BY lower(u.display_name), u.id)
          FROM initiative_team t JOIN users u ON u.id = t.user_id
          LEFT JOIN departments d ON d.id = u.department_id
         WHERE t.initiative_id = i.id), '[]'::json),
      'customerGroups', coalesce((
        SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'intent', g.intent,
                                          'protected', g.protected) ORDER BY lower(g.name), g.id)
          FROM initiative_customer_groups ig JOIN customer_groups g ON g.id = ig.customer_group_id
         WHERE ig.initiative_id = i.id), '[]'::json),
      'milestones', coalesce((
        SELECT json_agg(json_build_object(
                 'id', m.id, 'position', m.position, 'title', m.title, 'state', m.state,
                 'dueDate', m.due_date::text,
                 'criteria', json_build_object(
                   'total', jsonb_array_length(m.exit_criteria),
                   'checked', (SELECT count(*)::int FROM jsonb_array_elements(m.exit_criteria) c
                                WHERE c->>'checked' = 'true')))
                 ORDER BY m.position)
          FROM milestones m WHERE m.initiative_id = i.id), '[]'::json),
      'measures', coalesce((
        SELECT json_agg(json_build_object('id', x.id, 'name', x.name, 'perspective', x.perspective)
                        ORDER BY x.perspective, lower(x.name), x.id)
          FROM measures x WHERE x.initiative_id = i.id), '[]'::json),
      'openConditions', (SELECT count(*)::int FROM decision_conditions c
                          WHERE c.initiative_id = i.id AND c.closed_at IS NULL),
      'estimatedCustomerValue', i.estimated_customer_value,
      'estimatedBusinessValue', i.estimated_business_value,
      'readiness', json_build_object('score', i.readiness_score, 'notes', i.readiness_notes),
      'version', i.version,
      'createdAt', ${ISO('i.created_at')}, 'updatedAt', ${ISO('i.updated_at')})::text AS body
  FROM initiatives i
  LEFT JOIN users o ON o.id = i.owner_id
  LEFT JOIN users s ON s.id = i.sponsor_id
 WHERE i.id = $1`;
const NEXT_STATUSES = JSON.stringify(rules.nextStatuses);

async function detail(user, id) {
  const { rows } = await pool.query(DETAIL, [
    id,
    user.user_id,
    NEXT_STATUSES,
    rules.templateIds,
    rules.sponsorRoles,
  ]);
  const row = rows[0];
  if (!row) return [404, { title: 'No such initiative.' }];
  if (!allowed('initiatives.read', user.role, row)) return [403, { title: 'Not allowed.' }];
  return [200, row.body];
}

// --- recording a reading: one statement authorises, inserts the reading and its audit event,
// notifies the live channel (delivered on commit) and answers the reading ---
const RECORD = `WITH target AS (
    SELECT x.id, x.initiative_id,
           i.owner_id = $5 AS owner, coalesce(i.sponsor_id = $5, false) AS sponsor,
           EXISTS (SELECT 1 FROM initiative_team t WHERE t.initiative_id = i.id AND t.user_id = $5) AS team
      FROM measures x JOIN initiatives i ON i.id = x.initiative_id WHERE x.id = $1),
  permitted AS (
    SELECT * FROM target
     WHERE $8::boolean OR (owner AND 'owner' = ANY($9::text[])) OR (sponsor AND 'sponsor' = ANY($9::text[]))
        OR (team AND 'team' = ANY($9::text[]))),
  inserted AS (
    INSERT INTO readings (measure_id, value, observed_at, recorded_by, recorded_at, note, evidence_url)
    SELECT p.id, $2::float8, $3::timestamptz, $5, now(), $4::text, $6::text FROM permitted p
    RETURNING id, measure_id, value, observed_at, recorded_by, recorded_at, note, evidence_url, supersedes_id),
  answer AS (
    SELECT r.id, json_build_object(
             'id', r.id, 'measureId', r.measure_id, 'value', r.value,
             'observedAt', ${ISO('r.observed_at')},
             'recordedBy', json_build_object('id', r.recorded_by, 'displayName', coalesce(u.display_name, '')),
             'recordedAt', ${ISO('r.recorded_at')},
             'note', r.note, 'evidenceUrl', r.evidence_url, 'supersedesId', r.supersedes_id,
             'supersededById', NULL, 'superseded', false, 'withdrawal', NULL) AS body
      FROM inserted r LEFT JOIN users u ON u.id = r.recorded_by),
  audited AS (
    INSERT INTO audit_events (actor_id, request_id, action, entity_type, entity_id, after, initiative_id, occurred_at)
    SELECT $5, $7::text, 'record', 'reading', a.id::text, a.body::jsonb, p.initiative_id, now()
      FROM answer a CROSS JOIN permitted p),
  notified AS (
    SELECT pg_notify('waypoint_live', json_build_object(
             'event', json_build_object('kind', 'reading', 'initiativeId', p.initiative_id,
                                        'id', a.id, 'at', ${ISO('now()')}),
             'recipientId', NULL)::text) AS sent
      FROM answer a CROSS JOIN permitted p)
  SELECT (SELECT count(*) FROM target)::int AS found,
         (SELECT body::text FROM answer) AS body,
         (SELECT count(*) FROM notified)::int AS notified`;

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
}

async function record(user, measureId, req) {
  const origin = req.headers.origin;
  if (origin === undefined || !origins.includes(origin))
    return [403, { title: 'Cross-site request refused.' }];
  let body;
  try {
    body = await readBody(req);
  } catch {
    return [400, { title: 'The body is not JSON.' }];
  }
  const observedAt = new Date(body?.observedAt ?? '');
  if (
    typeof body?.value !== 'number' ||
    !Number.isFinite(body.value) ||
    typeof body.observedAt !== 'string' ||
    Number.isNaN(observedAt.getTime()) ||
    (body.note !== undefined && typeof body.note !== 'string') ||
    (body.evidenceUrl !== undefined && typeof body.evidenceUrl !== 'string')
  )
    return [400, { title: 'value (a number) and observedAt (a date-time) are required.' }];
  if (body.supersedesId !== undefined)
    return [400, { title: 'The baseline records readings; it does not correct them.' }];
  if (observedAt.getTime() > Date.now() + 60_000)
    return [422, { title: 'observedAt is in the future.' }];
  const rule = rules.permissions['readings.record'];
  const { rows } = await pool.query(RECORD, [
    measureId,
    body.value,
    observedAt,
    body.note ?? '',
    user.user_id,
    body.evidenceUrl ?? null,
    randomUUID(),
    rule.roles.includes(user.role),
    effective(rule.relations ?? [], user.role),
  ]);
  const row = rows[0];
  if (row.found === 0) return [404, { title: 'No such measure.' }];
  if (row.body === null) return [403, { title: 'Not allowed.' }];
  return [201, row.body];
}

const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const DETAIL_PATH = new RegExp(`^/api/initiatives/${UUID}$`, 'i');
const READINGS_PATH = new RegExp(`^/api/measures/${UUID}/readings$`, 'i');

async function route(req, url) {
  if (url.pathname === '/health') return [200, { status: 'ok' }];
  const user = await session(req);
  if (!user) return [401, { title: 'Sign in first.' }];
  if (req.method === 'GET' && url.pathname === '/api/initiatives') return list(user, url);
  const one = req.method === 'GET' ? DETAIL_PATH.exec(url.pathname) : null;
  if (one) return detail(user, one[1].toLowerCase());
  const reading = req.method === 'POST' ? READINGS_PATH.exec(url.pathname) : null;
  if (reading) return record(user, reading[1].toLowerCase(), req);
  return [404, { title: 'Not here.' }];
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  route(req, url).then(
    ([status, body]) => {
      // The statement's JSON text is passed on as PostgreSQL wrote it.
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    },
    (error) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ title: 'baseline failed', detail: String(error) }));
    },
  );
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end();
});
