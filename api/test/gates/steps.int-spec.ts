import { createStep } from '../factories/domain';
import { auditCount, etag, NO_SUCH_ID, send } from '../support/http';
import { initiativeFor, milestoneAt } from '../factories/gates';
import { GATE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

interface StepBody {
  id: string;
  milestoneId: string;
  initiativeId: string;
  position: number;
  title: string;
  assignee: { id: string; displayName: string } | null;
  dueDate: string | null;
  status: string;
  version: number;
  errors?: Record<string, string[]>;
  detail?: string;
}
interface StepPage {
  items: StepBody[];
  total: number;
  limit: number;
  offset: number;
}

describe('steps: the work under a milestone, in order', () => {
  const t = useTestApp({ people: GATE_PEOPLE });
  const cast = t.people;

  const stepsOf = (milestoneId: string, query = '', session = cast.member) =>
    send<StepPage>(t, session, 'GET', `/api/milestones/${milestoneId}/steps${query}`);
  const add = (milestoneId: string, body: unknown, session = cast.member, headers = {}) =>
    send<StepBody>(t, session, 'POST', `/api/milestones/${milestoneId}/steps`, body, headers);
  const patch = (id: string, version: number, body: unknown, session = cast.member) =>
    send<StepBody>(t, session, 'PATCH', `/api/steps/${id}`, body, etag(version));
  const order = async (milestoneId: string): Promise<string[]> =>
    (await stepsOf(milestoneId)).body.items.map((s) => s.title);

  it('lets the team add steps at the end, assigned to the team or the owner (idempotent, audited)', async () => {
    const initiativeId = await initiativeFor(t, cast);
    const milestoneId = await milestoneAt(t, initiativeId, 1);
    const first = await add(milestoneId, {
      title: 'Map the call flow',
      assigneeId: cast.member.user.id,
      dueDate: '2026-04-15',
    });
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe('"1"');
    expect(first.body).toMatchObject({
      milestoneId,
      initiativeId,
      position: 1,
      status: 'todo',
      dueDate: '2026-04-15',
      assignee: { id: cast.member.user.id, displayName: 'Tim Team' },
    });
    const key = { 'Idempotency-Key': `step-${milestoneId}` };
    const body = { title: 'Interview callers', assigneeId: cast.owner.user.id, status: 'doing' };
    const second = await add(milestoneId, body, cast.owner, key);
    expect(second.body).toMatchObject({ position: 2, status: 'doing' });
    const replay = await add(milestoneId, body, cast.owner, key);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(replay.body.id).toBe(second.body.id);
    expect((await stepsOf(milestoneId)).body.total).toBe(2);
    const outsider = await add(milestoneId, { title: 'x', assigneeId: cast.outsider.user.id });
    expect(outsider.status).toBe(422);
    expect(outsider.body.detail).toBe(
      `The assignee ${cast.outsider.user.id} is not an active member of the initiative's team nor its owner.`,
    );
    const audit = await t.sql.query<{ initiative_id: string }>(
      `SELECT initiative_id FROM audit_events WHERE entity_id = $1 AND action = 'create'`,
      [first.body.id],
    );
    expect(audit.rows).toEqual([{ initiative_id: initiativeId }]);
    for (const session of [cast.outsider, cast.manager, cast.executive, cast.sponsor]) {
      const res = await add(milestoneId, { title: 'Not mine' }, session);
      expect({ role: session.user.role, status: res.status }).toEqual({
        role: session.user.role,
        status: 403,
      });
    }
    expect((await add(milestoneId, { title: 'By admin' }, cast.admin)).status).toBe(201);
  });

  it('moves a step within its milestone and renumbers the others', async () => {
    const initiativeId = await initiativeFor(t, cast);
    const milestoneId = await milestoneAt(t, initiativeId, 1);
    const ids: string[] = [];
    for (const [i, title] of ['A', 'B', 'C', 'D'].entries()) {
      ids.push(await createStep(t.sql, milestoneId, initiativeId, { title, position: i + 1 }));
    }
    const [a, b, , d] = ids as [string, string, string, string];
    const moved = await patch(d, 1, { position: 2 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ position: 2, version: 2 });
    expect(await order(milestoneId)).toEqual(['A', 'D', 'B', 'C']);
    const items = (await stepsOf(milestoneId)).body.items;
    expect(items.map((s) => [s.position, s.version])).toEqual([
      [1, 1],
      [2, 2],
      [3, 2],
      [4, 2],
    ]);
    expect((await patch(a, 1, { position: 4, status: 'done' })).body).toMatchObject({
      position: 4,
      status: 'done',
    });
    expect(await order(milestoneId)).toEqual(['D', 'B', 'C', 'A']);
    const range = await patch(b, 3, { position: 5 });
    expect(range.status).toBe(422);
    expect(range.body.detail).toBe('The position must be between 1 and 4.');

    const removed = await send(t, cast.member, 'DELETE', `/api/steps/${b}`, undefined, etag(3));
    expect(removed.status).toBe(204);
    expect((await stepsOf(milestoneId)).body.items.map((s) => [s.title, s.position])).toEqual([
      ['D', 1],
      ['C', 2],
      ['A', 3],
    ]);
    expect(await auditCount(t, b, 'delete')).toBe(1);
    expect(
      (await send(t, cast.member, 'DELETE', `/api/steps/${b}`, undefined, etag(3))).status,
    ).toBe(404);
  });

  it('changes title, assignee, due date and status; If-Match, access and bad input', async () => {
    const initiativeId = await initiativeFor(t, cast);
    const milestoneId = await milestoneAt(t, initiativeId, 1);
    const id = await createStep(t.sql, milestoneId, initiativeId, {
      assigneeId: cast.member.user.id,
      dueDate: '2026-04-01',
    });
    const changed = await patch(id, 1, {
      title: 'Map it again',
      status: 'blocked',
      assigneeId: null,
      dueDate: null,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      title: 'Map it again',
      status: 'blocked',
      assignee: null,
      dueDate: null,
      version: 2,
    });
    expect(changed.headers.get('etag')).toBe('"2"');
    expect((await send(t, cast.member, 'PATCH', `/api/steps/${id}`, { title: 'x' })).status).toBe(
      428,
    );
    expect((await patch(id, 1, { title: 'x' })).status).toBe(412);
    expect((await send(t, cast.member, 'DELETE', `/api/steps/${id}`)).status).toBe(428);
    expect(
      (await send(t, cast.member, 'DELETE', `/api/steps/${id}`, undefined, etag(1))).status,
    ).toBe(412);
    expect((await patch(id, 2, {})).status).toBe(400);
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ status: 'finished' }, 'status'],
      [{ assigneeId: 'bob' }, 'assigneeId'],
      [{ dueDate: '2026-13-01' }, 'dueDate'],
      [{ position: 0 }, 'position'],
      [{ position: 'first' }, 'position'],
      [{ milestoneId }, 'milestoneId'],
    ];
    for (const [body, field] of bad) {
      const res = await patch(id, 2, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(Object.keys(res.body.errors ?? {})).toContain(field);
    }
    const badCreates: Array<[Record<string, unknown>, string]> = [
      [{}, 'title'],
      [{ title: 7 }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ title: 'ok', assigneeId: null }, 'assigneeId'],
      [{ title: 'ok', status: 'later' }, 'status'],
      [{ title: 'ok', dueDate: 'tomorrow' }, 'dueDate'],
      [{ title: 'ok', position: 1 }, 'position'],
    ];
    for (const [body, field] of badCreates) {
      const res = await add(milestoneId, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(Object.keys(res.body.errors ?? {})).toContain(field);
    }
    expect((await patch(id, 2, { assigneeId: cast.outsider.user.id })).status).toBe(422);
    expect((await patch(id, 2, { title: 'x' }, cast.outsider)).status).toBe(403);
    expect((await patch(id, 2, { title: 'x' }, cast.manager)).status).toBe(403);
    expect(
      (await send(t, cast.outsider, 'DELETE', `/api/steps/${id}`, undefined, etag(2))).status,
    ).toBe(403);
    expect((await patch(NO_SUCH_ID, 1, { title: 'x' }, cast.admin)).status).toBe(404);
    expect((await patch('nope', 1, { title: 'x' }, cast.admin)).status).toBe(400);
    expect((await add(NO_SUCH_ID, { title: 'x' }, cast.admin)).status).toBe(404);
    expect((await stepsOf(NO_SUCH_ID, '', cast.admin)).status).toBe(404);
    expect((await stepsOf(milestoneId, '', cast.outsider)).status).toBe(403);
    expect(await auditCount(t, id, 'update')).toBe(1);
  });

  it('filters, sorts and pages the list', async () => {
    const initiativeId = await initiativeFor(t, cast);
    const milestoneId = await milestoneAt(t, initiativeId, 1);
    await createStep(t.sql, milestoneId, initiativeId, {
      title: 'Charlie',
      position: 1,
      status: 'done',
      dueDate: '2026-03-01',
    });
    await createStep(t.sql, milestoneId, initiativeId, {
      title: 'alpha',
      position: 2,
      assigneeId: cast.member.user.id,
      dueDate: '2026-01-01',
    });
    await createStep(t.sql, milestoneId, initiativeId, {
      title: 'Bravo',
      position: 3,
      status: 'done',
    });
    expect(await order(milestoneId)).toEqual(['Charlie', 'alpha', 'Bravo']);
    expect((await stepsOf(milestoneId, '?status=done')).body.items.map((s) => s.title)).toEqual([
      'Charlie',
      'Bravo',
    ]);
    expect(
      (await stepsOf(milestoneId, `?assigneeId=${cast.member.user.id}`)).body.items.map(
        (s) => s.title,
      ),
    ).toEqual(['alpha']);
    expect((await stepsOf(milestoneId, '?sort=title')).body.items.map((s) => s.title)).toEqual([
      'alpha',
      'Bravo',
      'Charlie',
    ]);
    expect(
      (await stepsOf(milestoneId, '?sort=dueDate&order=desc')).body.items.map((s) => s.title),
    ).toEqual(['Charlie', 'alpha', 'Bravo']);
    const page = await stepsOf(milestoneId, '?limit=2&offset=2');
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(page.body.items.map((s) => s.title)).toEqual(['Bravo']);
    for (const query of [
      '?status=late',
      '?sort=assignee',
      '?assigneeId=bob',
      '?limit=500',
      '?x=1',
    ]) {
      expect({ query, status: (await stepsOf(milestoneId, query)).status }).toEqual({
        query,
        status: 400,
      });
    }
  });

  it('closes the steps of an approved or rejected milestone and of a stopped initiative', async () => {
    const initiativeId = await initiativeFor(t, cast);
    const approved = await milestoneAt(t, initiativeId, 1, { state: 'approved' });
    const id = await createStep(t.sql, approved, initiativeId);
    const closed = await add(approved, { title: 'Too late' });
    expect(closed.status).toBe(422);
    expect(closed.body.detail).toBe('The milestone is approved: its steps do not change any more.');
    expect((await patch(id, 1, { status: 'done' })).status).toBe(422);
    expect(
      (await send(t, cast.member, 'DELETE', `/api/steps/${id}`, undefined, etag(1))).status,
    ).toBe(422);
    const stopped = await initiativeFor(t, cast, { status: 'stopped' });
    const planned = await milestoneAt(t, stopped, 1);
    const refused = await add(planned, { title: 'No more' });
    expect(refused.body.detail).toBe('The initiative is stopped: its plan cannot change any more.');
    expect((await stepsOf(approved)).body.total).toBe(1);
  });
});
