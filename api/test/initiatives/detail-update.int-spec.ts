import type { InitiativeResponse } from '@waypoint/contracts';
import {
  createCustomerGroup,
  createInitiative as seedInitiative,
  createMeasure,
  createMilestone,
  insertRow,
} from '../factories/domain';
import { createUser } from '../factories/users';
import type { Session } from '../support/auth';
import { auditRows, detailOf, fieldErrors as fieldsOf, nothing, send } from '../support/http';
import { postInitiative, etagOf, person } from '../factories/initiatives';
import { useTestApp } from '../support/use-test-app';

describe('initiatives: the detail, changing the plan, and who may see and change it', () => {
  const t = useTestApp();
  let owner: Session;
  let otherManager: Session;
  let sponsor: Session;
  let otherExecutive: Session;
  let teamMember: Session;
  let outsider: Session;
  let admin: Session;
  let group1: string;
  let group2: string;
  let initiative: InitiativeResponse;

  beforeAll(async () => {
    owner = await person(t, 'manager', 'Mona Manager');
    otherManager = await person(t, 'manager', 'Otto Manager');
    sponsor = await person(t, 'executive', 'Eve Executive');
    otherExecutive = await person(t, 'executive', 'Ezra Executive');
    teamMember = await person(t, 'member', 'Max Member');
    outsider = await person(t, 'member', 'Olga Outsider');
    admin = await person(t, 'admin', 'Ada Admin');
    group1 = await createCustomerGroup(t.sql, { name: 'Alpha group', intent: 'grow' });
    group2 = await createCustomerGroup(t.sql, { name: 'Beta group' });
    initiative = await postInitiative(t, owner, {
      title: 'Clearer bills',
      template: 'dmaic',
      sponsorId: sponsor.user.id,
      teamIds: [teamMember.user.id],
      customerGroupIds: [group1],
    });
  });

  const path = (id = initiative.id): string => `/api/initiatives/${id}`;
  const patch = async (session: Session, body: unknown, id = initiative.id, etag?: string) =>
    send<InitiativeResponse>(t, session, 'PATCH', path(id), body, {
      'If-Match': etag ?? (await etagOf(t, admin, id)),
    });

  it('answers the full detail with its ETag: milestones with criteria counts, measures, conditions', async () => {
    await t.sql.query(
      `UPDATE milestones SET exit_criteria = jsonb_set(exit_criteria, '{0,checked}', 'true'),
              due_date = '2026-12-31'
        WHERE initiative_id = $1 AND position = 1`,
      [initiative.id],
    );
    const milestoneId = initiative.milestones[0]?.id ?? '';
    const submission = await insertRow(t.sql, 'gate_submissions', {
      milestone_id: milestoneId,
      submitted_by: owner.user.id,
      snapshot: {},
    });
    const decision = await insertRow(t.sql, 'gate_decisions', {
      milestone_id: milestoneId,
      submission_id: submission,
      decider_id: sponsor.user.id,
      outcome: 'go_with_conditions',
      rationale: 'Fine',
    });
    for (const closed of [false, false, true]) {
      await t.sql.query(
        `INSERT INTO decision_conditions (decision_id, initiative_id, text, closed_at, close_note)
         VALUES ($1, $2, 'Check', $3, $4)`,
        [decision, initiative.id, closed ? new Date() : null, closed ? 'Done' : null],
      );
    }
    const res = await send<InitiativeResponse>(t, owner, 'GET', path());
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${res.body.version}"`);
    expect(res.body.milestones[0]).toEqual({
      id: milestoneId,
      position: 1,
      title: 'Define',
      state: 'planned',
      dueDate: '2026-12-31',
      criteria: { total: 3, checked: 1 },
    });
    expect(res.body.milestones.map((m) => m.title)).toEqual([
      'Define',
      'Measure',
      'Analyse',
      'Improve',
      'Control',
    ]);
    expect(res.body.measures).toEqual([
      {
        id: expect.any(String),
        name: 'Defects per million opportunities',
        perspective: 'business',
      },
      { id: expect.any(String), name: 'First-contact resolution', perspective: 'customer' },
    ]);
    expect(res.body.openConditions).toBe(2);
    expect(res.body.customerGroups).toEqual([
      { id: group1, name: 'Alpha group', intent: 'grow', protected: false },
    ]);
  });

  it('lets overseers, the team and the sponsor read it; other members get 403; unknown ids 404', async () => {
    for (const session of [owner, otherManager, sponsor, otherExecutive, teamMember, admin]) {
      expect((await send(t, session, 'GET', path())).status).toBe(200);
    }
    expect((await send(t, outsider, 'GET', path())).status).toBe(403);
    expect((await send(t, teamMember, 'GET', path(nothing()))).status).toBe(404);
    expect((await send(t, owner, 'GET', path(nothing()))).status).toBe(404);
    expect((await send(t, owner, 'GET', '/api/initiatives/not-a-uuid')).status).toBe(400);
    expect((await send(t, null, 'GET', path())).status).toBe(401);
    // Being on one initiative gives no access to another.
    const other = await seedInitiative(t.sql, { ownerId: otherManager.user.id });
    expect((await send(t, teamMember, 'GET', path(other))).status).toBe(403);
    expect((await send(t, teamMember, 'GET', `${path(other)}/comments`)).status).toBe(403);
  });

  it('changes the plan with If-Match: fields, readiness, sponsor, team and groups replaced; audited', async () => {
    const etag = await etagOf(t, owner, initiative.id);
    const newcomer = await createUser(t.sql, { role: 'member', displayName: 'Nia Newcomer' });
    const res = await patch(
      owner,
      {
        title: 'Clearer bills, fewer calls',
        hypothesis: 'Plain bills cut calls.',
        sponsorId: otherExecutive.user.id,
        teamIds: [newcomer.id, teamMember.user.id],
        customerGroupIds: [group2],
        estimatedBusinessValue: 9,
        readiness: { score: 4 },
      },
      initiative.id,
      etag,
    );
    expect(res.status).toBe(200);
    const version = Number(etag.replaceAll('"', '')) + 1;
    expect(res.headers.get('etag')).toBe(`"${version}"`);
    expect(res.body).toMatchObject({
      title: 'Clearer bills, fewer calls',
      hypothesis: 'Plain bills cut calls.',
      problem: '',
      sponsor: { id: otherExecutive.user.id },
      customerGroups: [{ id: group2 }],
      estimatedBusinessValue: 9,
      readiness: { score: 4, notes: '' },
      version,
    });
    expect(res.body.team.map((m) => m.user.displayName)).toEqual(['Max Member', 'Nia Newcomer']);
    const update = (await auditRows(t, initiative.id)).filter((a) => a.action === 'update').pop();
    expect(update?.before).toMatchObject({
      title: 'Clearer bills',
      sponsorId: sponsor.user.id,
      teamIds: [teamMember.user.id],
      customerGroupIds: [group1],
    });
    expect(update?.after).toMatchObject({
      title: 'Clearer bills, fewer calls',
      sponsorId: otherExecutive.user.id,
      teamIds: [newcomer.id, teamMember.user.id].sort(),
      customerGroupIds: [group2],
      version,
    });
    // Readiness notes alone; the score stays. Emptying the team and groups.
    const again = await patch(owner, {
      readiness: { notes: 'Better now' },
      teamIds: [],
      customerGroupIds: [],
    });
    expect(again.body).toMatchObject({
      readiness: { score: 4, notes: 'Better now' },
      team: [],
      customerGroups: [],
    });
  });

  it('needs If-Match (428), refuses a stale one (412) and a malformed one (400)', async () => {
    const stale = await etagOf(t, owner, initiative.id);
    const noHeader = await send(t, owner, 'PATCH', path(), { title: 'X' });
    expect(noHeader.status).toBe(428);
    expect((await patch(owner, { title: 'First' }, initiative.id, stale)).status).toBe(200);
    const late = await patch(owner, { title: 'Second' }, initiative.id, stale);
    expect(late.status).toBe(412);
    expect((await send(t, owner, 'GET', path())).body).toMatchObject({ title: 'First' });
    expect((await patch(owner, { title: 'X' }, initiative.id, 'W/"1"')).status).toBe(400);
    expect((await patch(owner, { title: 'X' }, nothing(), '"1"')).status).toBe(404);
  });

  it('lets only the owner and admins change the plan', async () => {
    for (const session of [teamMember, sponsor, otherManager, otherExecutive, outsider]) {
      expect((await patch(session, { title: 'Mine now' })).status).toBe(403);
    }
    expect((await patch(admin, { problem: 'Bills confuse people.' })).status).toBe(200);
  });

  it('refuses unacceptable references (422) and a change to a finished initiative', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ sponsorId: teamMember.user.id }, /sponsorId: the sponsor must be an executive/],
      [{ teamIds: [nothing()] }, /teamIds: no user has the id/],
      [{ customerGroupIds: [nothing()] }, /customerGroupIds: no customer group/],
    ];
    for (const [body, detail] of cases) {
      const res = await patch(owner, body);
      expect(res.status).toBe(422);
      expect(detailOf(res)).toMatch(detail);
    }
    const stopped = await seedInitiative(t.sql, { ownerId: owner.user.id, status: 'stopped' });
    const res = await patch(owner, { title: 'Revive' }, stopped);
    expect(res.status).toBe(422);
    expect(detailOf(res)).toBe('The initiative is stopped: its plan cannot change any more.');
  });

  it('validates the body: nothing to change, unknown fields, types, ranges, nulls', async () => {
    const empty = await patch(owner, {});
    expect(empty.status).toBe(400);
    expect(detailOf(empty)).toBe('Send at least one field to change.');
    const res = await patch(owner, {
      title: '',
      approach: 'road',
      sponsorId: null,
      teamIds: [1],
      estimatedCustomerValue: -1,
      readiness: { score: 6 },
      status: 'active',
      ownerId: owner.user.id,
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual([
      'approach',
      'estimatedCustomerValue',
      'ownerId',
      'readiness.score',
      'sponsorId',
      'status',
      'teamIds',
      'title',
    ]);
    expect(
      (
        await send(
          t,
          admin,
          'PATCH',
          '/api/initiatives/nope',
          { title: 'x' },
          { 'If-Match': '"1"' },
        )
      ).status,
    ).toBe(400);
  });

  it('summarises measures of a seeded initiative too (no template)', async () => {
    const id = await seedInitiative(t.sql, {
      ownerId: owner.user.id,
      teamIds: [teamMember.user.id],
    });
    await createMilestone(t.sql, id, { position: 1, criteria: [] });
    await createMeasure(t.sql, id, { name: 'Wait', perspective: 'customer' });
    const res = await send<InitiativeResponse>(t, teamMember, 'GET', path(id));
    expect(res.body).toMatchObject({
      template: null,
      status: 'active',
      nextStatuses: ['on_hold', 'completed', 'stopped'],
      milestones: [{ position: 1, criteria: { total: 0, checked: 0 } }],
      measures: [{ name: 'Wait', perspective: 'customer' }],
    });
  });
});
