import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLE_VALUES, type Role } from '@waypoint/contracts';
import { SCOPE_EXTENSION } from '../../src/app/auth/permission.decorator';
import {
  declaredEndpoints,
  type OpenApiLike,
  renderPermissionsDoc,
} from '../../src/app/auth/permissions-doc';
import { PERMISSIONS, type Relation } from '../../src/app/auth/permissions';
import type { Scope } from '../../src/app/auth/initiative-relations.repository';
import {
  createCycle,
  createInitiative,
  createMeasure,
  createMilestone,
  createStep,
  insertRow,
} from '../factories/domain';
import { createUser } from '../factories/users';
import { call, type Session, signIn, signInAs } from '../support/auth';
import { type TestApp } from '../support/test-app';
import { useTestApp } from '../support/use-test-app';

const DOC_PATH = join(__dirname, '..', '..', '..', 'docs', 'permissions.md');

type Ids = Record<Scope, string>;

/** An initiative with one record of every scoped kind under it. */
async function initiativeWithEverything(
  t: TestApp,
  people: { owner: string; sponsor: string; team: string },
): Promise<Ids> {
  const initiative = await createInitiative(t.sql, {
    ownerId: people.owner,
    sponsorId: people.sponsor,
    teamIds: [people.team],
  });
  const milestone = await createMilestone(t.sql, initiative, { state: 'approved' });
  const step = await createStep(t.sql, milestone, initiative);
  const measure = await createMeasure(t.sql, initiative);
  const submission = await insertRow(t.sql, 'gate_submissions', {
    milestone_id: milestone,
    submitted_by: people.owner,
    snapshot: {},
  });
  const decision = await insertRow(t.sql, 'gate_decisions', {
    milestone_id: milestone,
    submission_id: submission,
    decider_id: people.sponsor,
    outcome: 'go_with_conditions',
    rationale: 'Go, with a condition.',
  });
  const condition = await insertRow(t.sql, 'decision_conditions', {
    decision_id: decision,
    initiative_id: initiative,
    text: 'Report churn monthly',
  });
  // An alert record needs a cycle: one per initiative, in a year the walk does not use.
  const year = 2001 + (alertCycles += 1);
  const alertCycle = await createCycle(t.sql, `${year}-Q1`, `${year}-01-01`, `${year}-03-31`);
  const alert = await insertRow(t.sql, 'alerts', {
    initiative_id: initiative,
    cycle_id: alertCycle,
    kind: 'protected_group_worsens',
    measure_id: measure,
    severity: 'critical',
    explanation: 'A protected group is worse off.',
    detail: {
      readings: [],
      indices: {
        customer: { opening: null, closing: null, change: null },
        business: { opening: null, closing: null, change: null },
      },
      moves: [],
    },
  });
  return { initiative, milestone, step, measure, condition, alert };
}
let alertCycles = 0;

interface Actor {
  name: string;
  session: Session;
  role: Role;
  /** The actor's relation to initiative A (none to B). */
  relation: Relation | null;
}

describe('the permission matrix, enforced on every endpoint', () => {
  const t = useTestApp();
  let doc: OpenApiLike;
  const actors: Actor[] = [];
  let ours: Ids;
  let others: Ids;
  let cycleId: string;

  beforeAll(async () => {
    doc = (await (await fetch(`${t.baseUrl}/api/docs-json`)).json()) as OpenApiLike;
    for (const role of ROLE_VALUES)
      actors.push({ name: role, session: await signIn(t, role), role, relation: null });
    const owner = await createUser(t.sql, { role: 'manager' });
    const sponsor = await createUser(t.sql, { role: 'executive' });
    const team = await createUser(t.sql, { role: 'member' });
    ours = await initiativeWithEverything(t, {
      owner: owner.id,
      sponsor: sponsor.id,
      team: team.id,
    });
    const strangers = {
      owner: (await createUser(t.sql, { role: 'manager' })).id,
      sponsor: (await createUser(t.sql, { role: 'executive' })).id,
      team: (await createUser(t.sql, { role: 'member' })).id,
    };
    others = await initiativeWithEverything(t, strangers);
    cycleId = await createCycle(t.sql, '2026-Q4', '2026-10-01', '2027-01-01');
    actors.push({
      name: 'owner (manager)',
      session: await signInAs(t, owner),
      role: 'manager',
      relation: 'owner',
    });
    actors.push({
      name: 'sponsor (executive)',
      session: await signInAs(t, sponsor),
      role: 'executive',
      relation: 'sponsor',
    });
    actors.push({
      name: 'team (member)',
      session: await signInAs(t, team),
      role: 'member',
      relation: 'team',
    });
  });

  it('every endpoint declares a permission from the matrix or is public (deny by default)', () => {
    const endpoints = declaredEndpoints(doc);
    expect(endpoints.length).toBeGreaterThan(5);
    const undeclared = endpoints
      .filter((e) => !e.isPublic && !e.permission)
      .map((e) => `${e.method} ${e.path}`);
    expect(undeclared).toEqual([]);
    const unknown = endpoints.filter((e) => e.permission && !(e.permission in PERMISSIONS));
    expect(unknown).toEqual([]);
  });

  it('docs/permissions.md is generated from the declaration and up to date', () => {
    const expected = renderPermissionsDoc(doc);
    if (process.env['UPDATE_PERMISSIONS_DOC'] === '1') writeFileSync(DOC_PATH, expected);
    expect(existsSync(DOC_PATH)).toBe(true);
    expect(readFileSync(DOC_PATH, 'utf8')).toBe(expected);
  });

  it('answers 404 for an id that names nothing on a scoped endpoint', async () => {
    const admin = actors[0]?.session ?? null;
    expect((await call(t, admin, 'GET', `/api/initiatives/${randomUUID()}`)).status).toBe(404);
  });

  it('walks every endpoint with every role and relation, on our initiative and on another one', async () => {
    const failures: string[] = [];
    let checked = 0;
    const scopeOf = (method: string, path: string): Scope | undefined =>
      doc.paths[path]?.[method.toLowerCase()]?.[SCOPE_EXTENSION] as Scope | undefined;
    // Signing out ends the session the walk uses: the sign-outs go last, each with new sessions.
    const signOuts = new Set(['/api/auth/logout', '/api/auth/sso/logout']);
    const endpoints = declaredEndpoints(doc)
      .filter((e) => !e.isPublic)
      .sort((a, b) => Number(signOuts.has(a.path)) - Number(signOuts.has(b.path)));
    for (const endpoint of endpoints) {
      if (signOuts.has(endpoint.path)) {
        for (const actor of actors) actor.session = await signInAs(t, actor.session.user);
      }
      const scope = scopeOf(endpoint.method, endpoint.path);
      const rule = endpoint.permission ? PERMISSIONS[endpoint.permission] : null;
      const roles = (rule?.roles ?? []) as readonly string[];
      const relations = (rule && 'relations' in rule ? rule.relations : []) as readonly string[];
      const body = ['POST', 'PUT', 'PATCH'].includes(endpoint.method) ? {} : undefined;
      // A stale If-Match keeps conditional writes from changing anything during the walk.
      const headers = { 'If-Match': '"999999"' };
      for (const [label, ids] of [
        ['ours', ours],
        ['another initiative', others],
      ] as const) {
        const path = endpoint.path
          .replace('{id}', scope ? ids[scope] : randomUUID())
          .replace('{cycleId}', cycleId)
          .replace(/\{[^}]+\}/g, () => randomUUID());
        if (label === 'ours') {
          const anonymous = await call(t, null, endpoint.method, path, body, { Origin: t.baseUrl });
          if (anonymous.status !== 401)
            failures.push(`anonymous ${endpoint.method} ${endpoint.path}: ${anonymous.status}`);
        }
        for (const actor of actors) {
          const related = label === 'ours' && scope !== undefined && actor.relation !== null;
          const allowed =
            roles.includes(actor.role) || (related && relations.includes(actor.relation ?? ''));
          const res = await call(t, actor.session, endpoint.method, path, body, headers);
          checked += 1;
          const what = `${actor.name} ${endpoint.method} ${endpoint.path} (${label}): ${res.status}`;
          if (res.status === 401 || res.status >= 500) failures.push(what);
          else if (allowed && res.status === 403) failures.push(`${what}, expected access`);
          else if (!allowed && res.status !== 403) failures.push(`${what}, expected 403`);
        }
        if (!scope) break;
      }
    }
    console.log(`permission walk: ${checked} actor/endpoint/initiative combinations checked`);
    expect(failures).toEqual([]);
  });
});
