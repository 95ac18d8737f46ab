import { auditCount, etag, NO_SUCH_ID, send } from '../support/http';
import {
  getMilestone,
  initiativeFor,
  measureOf,
  type MilestoneBody,
  milestoneAt,
  transition,
} from '../factories/gates';
import { GATE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('milestones: planning the gate track', () => {
  const t = useTestApp({ people: GATE_PEOPLE });
  const cast = t.people;

  const create = (initiativeId: string, body: unknown, headers: Record<string, string> = {}) =>
    send<MilestoneBody & { title: string; goal: string; dueDate: string | null }>(
      t,
      cast.owner,
      'POST',
      `/api/initiatives/${initiativeId}/milestones`,
      body,
      headers,
    );
  const patch = (id: string, version: number, body: unknown) =>
    send<
      MilestoneBody & { title: string; dueDate: string | null; errors?: Record<string, string[]> }
    >(t, cast.owner, 'PATCH', `/api/milestones/${id}`, body, etag(version));

  it('appends a milestone with generated criterion ids and linked measures (idempotent, audited)', async () => {
    const initiativeId = await initiativeFor(t, cast);
    await milestoneAt(t, initiativeId, 1);
    const wait = await measureOf(t, initiativeId, 'Average wait');
    const body = {
      title: '  Analyse  ',
      goal: 'Find the root causes of long waits.',
      dueDate: '2026-06-30',
      criteria: [{ label: 'Root causes agreed' }, { label: 'Quick wins listed' }],
      measureIds: [wait],
    };
    const key = { 'Idempotency-Key': `create-${initiativeId}` };
    const created = await create(initiativeId, body, key);
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      title: 'Analyse',
      position: 2,
      state: 'planned',
      startable: false,
      dueDate: '2026-06-30',
      measureIds: [wait],
      latestSubmission: null,
      decisions: [],
    });
    expect(created.body.criteria.map((c) => [c.label, c.checked])).toEqual([
      ['Root causes agreed', false],
      ['Quick wins listed', false],
    ]);
    expect(created.body.criteria.every((c) => UUID.test(c.id))).toBe(true);
    const replay = await create(initiativeId, body, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(replay.body.id).toBe(created.body.id);
    expect((await create(initiativeId, { ...body, title: 'Other' }, key)).status).toBe(422);
    const count = await t.sql.query(`SELECT 1 FROM milestones WHERE initiative_id = $1`, [
      initiativeId,
    ]);
    expect(count.rowCount).toBe(2);
    const audit = await t.sql.query<{ initiative_id: string }>(
      `SELECT initiative_id FROM audit_events WHERE entity_id = $1 AND action = 'create'`,
      [created.body.id],
    );
    expect(audit.rows).toEqual([{ initiative_id: initiativeId }]);
  });

  it('refuses measures of another initiative, a closed initiative, and bad input', async () => {
    const initiativeId = await initiativeFor(t, cast);
    const foreign = await measureOf(t, await initiativeFor(t, cast), 'Elsewhere');
    const valid = { title: 'Measure', goal: 'Know today.', criteria: [], measureIds: [] };
    const wrong = await create(initiativeId, { ...valid, measureIds: [foreign] });
    expect(wrong.status).toBe(422);
    expect(wrong.body['errors' as never]).toEqual({
      measureIds: [`No measure with the id ${foreign} on this initiative.`],
    });
    const done = await initiativeFor(t, cast, { status: 'completed' });
    const closed = await create(done, valid);
    expect(closed.status).toBe(422);
    expect(closed.body['detail' as never]).toBe(
      'The initiative is completed: its plan cannot change any more.',
    );
    expect(
      (await send(t, cast.admin, 'POST', `/api/initiatives/${NO_SUCH_ID}/milestones`, valid))
        .status,
    ).toBe(404);
    expect(
      (await send(t, cast.admin, 'POST', '/api/initiatives/nope/milestones', valid)).status,
    ).toBe(400);
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ ...valid, colour: 'red' }, 'colour'],
      [{ ...valid, title: '' }, 'title'],
      [{ ...valid, title: 'x'.repeat(201) }, 'title'],
      [{ ...valid, title: 5 }, 'title'],
      [{ ...valid, goal: undefined }, 'goal'],
      [{ ...valid, goal: 'x'.repeat(4001) }, 'goal'],
      [{ ...valid, dueDate: '2026-02-30' }, 'dueDate'],
      [{ ...valid, dueDate: '30/06/2026' }, 'dueDate'],
      [{ ...valid, criteria: 'none' }, 'criteria'],
      [{ ...valid, criteria: [{ label: 'x'.repeat(301) }] }, 'criteria.0.label'],
      [{ ...valid, criteria: [{ label: 'ok', checked: true }] }, 'criteria.0.checked'],
      [{ ...valid, criteria: Array(31).fill({ label: 'c' }) }, 'criteria'],
      [{ ...valid, measureIds: ['nope'] }, 'measureIds'],
      [{ ...valid, measureIds: [foreign, foreign] }, 'measureIds'],
      [{ ...valid, measureIds: undefined }, 'measureIds'],
    ];
    for (const [body, field] of bad) {
      const res = await create(initiativeId, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(Object.keys(res.body['errors' as never] as object)).toContain(field);
    }
    expect(
      (await send(t, cast.member, 'POST', `/api/initiatives/${initiativeId}/milestones`, valid))
        .status,
    ).toBe(403);
    expect(
      (await send(t, cast.manager, 'POST', `/api/initiatives/${initiativeId}/milestones`, valid))
        .status,
    ).toBe(403);
  });

  it("lists the gate track in order, filtered, sorted and paged, to the initiative's people", async () => {
    const initiativeId = await initiativeFor(t, cast);
    const ids = [];
    for (const position of [1, 2, 3]) ids.push(await milestoneAt(t, initiativeId, position));
    await t.sql.query(
      `UPDATE milestones SET due_date = ('2026-0' || (10 - position) || '-01')::date WHERE initiative_id = $1`,
      [initiativeId],
    );
    await transition(t, cast.owner, ids[0] ?? '', 'start');
    const path = `/api/initiatives/${initiativeId}/milestones`;
    const all = await send<{ items: MilestoneBody[]; total: number }>(t, cast.member, 'GET', path);
    expect(all.status).toBe(200);
    expect(all.body.items.map((m) => [m.id, m.position])).toEqual([
      [ids[0], 1],
      [ids[1], 2],
      [ids[2], 3],
    ]);
    const planned = await send<{ items: MilestoneBody[]; total: number }>(
      t,
      cast.owner,
      'GET',
      `${path}?state=planned`,
    );
    expect(planned.body.items.map((m) => m.id)).toEqual([ids[1], ids[2]]);
    const byDue = await send<{ items: MilestoneBody[] }>(
      t,
      cast.owner,
      'GET',
      `${path}?sort=dueDate&order=asc`,
    );
    expect(byDue.body.items.map((m) => m.id)).toEqual([ids[2], ids[1], ids[0]]);
    const paged = await send<{ items: MilestoneBody[]; total: number }>(
      t,
      cast.owner,
      'GET',
      `${path}?limit=1&offset=1`,
    );
    expect(paged.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(paged.body.items.map((m) => m.id)).toEqual([ids[1]]);
    expect((await send(t, cast.outsider, 'GET', path)).status).toBe(403);
    expect((await send(t, cast.outsider, 'GET', `/api/milestones/${ids[0] ?? ''}`)).status).toBe(
      403,
    );
    for (const query of ['?state=done', '?sort=title', '?order=up', '?limit=0', '?x=1']) {
      expect({
        query,
        status: (await send(t, cast.owner, 'GET', `${path}${query}`)).status,
      }).toEqual({ query, status: 400 });
    }
    const one = await send(t, cast.member, 'GET', `/api/milestones/${ids[0] ?? ''}`);
    expect(one.status).toBe(200);
    expect(one.headers.get('etag')).toBe('"2"');
    expect((await send(t, cast.admin, 'GET', `/api/milestones/${NO_SUCH_ID}`)).status).toBe(404);
    expect((await send(t, cast.admin, 'GET', '/api/milestones/nope')).status).toBe(400);
    expect(
      (await send(t, cast.admin, 'GET', `/api/initiatives/${NO_SUCH_ID}/milestones`)).status,
    ).toBe(404);
  });

  it('changes title, goal, due date and measures conditionally on the version read', async () => {
    const initiativeId = await initiativeFor(t, cast);
    const id = await milestoneAt(t, initiativeId, 1);
    const wait = await measureOf(t, initiativeId, 'Average wait');
    const changed = await patch(id, 1, {
      title: 'Define',
      goal: 'Agree.',
      dueDate: '2026-05-01',
      measureIds: [wait],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      title: 'Define',
      dueDate: '2026-05-01',
      measureIds: [wait],
      version: 2,
    });
    expect(changed.headers.get('etag')).toBe('"2"');
    const cleared = await patch(id, 2, { dueDate: null, measureIds: [] });
    expect(cleared.body).toMatchObject({ dueDate: null, measureIds: [], version: 3 });
    expect(
      (await send(t, cast.owner, 'PATCH', `/api/milestones/${id}`, { title: 'X' })).status,
    ).toBe(428);
    expect((await patch(id, 1, { title: 'X' })).status).toBe(412);
    expect((await patch(id, 3, {})).status).toBe(400);
    for (const [body, field] of [
      [{ title: '' }, 'title'],
      [{ title: null }, 'title'],
      [{ goal: 'x'.repeat(4001) }, 'goal'],
      [{ dueDate: 'soon' }, 'dueDate'],
      [{ measureIds: 'x' }, 'measureIds'],
      [{ criteria: [{ id: 'x'.repeat(65), label: 'a' }] }, 'criteria.0.id'],
      [{ criteria: [{ label: 'a', checked: 'yes' }] }, 'criteria.0.checked'],
      [{ position: 2 }, 'position'],
    ] as Array<[Record<string, unknown>, string]>) {
      const res = await patch(id, 3, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(Object.keys(res.body.errors ?? {})).toContain(field);
    }
    expect(
      (await send(t, cast.member, 'PATCH', `/api/milestones/${id}`, { title: 'X' }, etag(3)))
        .status,
    ).toBe(403);
    expect(
      (await send(t, cast.admin, 'PATCH', `/api/milestones/${NO_SUCH_ID}`, { title: 'X' }, etag(1)))
        .status,
    ).toBe(404);
    expect(await auditCount(t, id, 'update')).toBe(2);
    expect((await getMilestone(t, cast.owner, id)).version).toBe(3);
  });
});
