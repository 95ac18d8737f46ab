import type { CycleResponse, Page } from '@waypoint/contracts';
import { createCycle } from '../factories/domain';
import { type Session, signIn } from '../support/auth';
import { detailOf, fieldErrors, idempotencyKey, send } from '../support/http';
import { quarter } from '../support/time';
import { useTestApp } from '../support/use-test-app';

describe('cycles: quarters that never overlap', () => {
  const t = useTestApp({ valueCheck: true });
  let executive: Session;
  let admin: Session;
  let manager: Session;
  let member: Session;

  beforeAll(async () => {
    executive = await signIn(t, 'executive');
    admin = await signIn(t, 'admin');
    manager = await signIn(t, 'manager');
    member = await signIn(t, 'member');
  });

  const next = (session: Session, body: unknown = {}, headers = {}) =>
    send<CycleResponse>(t, session, 'POST', '/api/cycles/next', body, headers);
  const create = (body: Record<string, unknown>, session = executive, headers = {}) =>
    send<CycleResponse>(t, session, 'POST', '/api/cycles', body, headers);

  it('creates the current quarter when there is no cycle, then the quarter after the latest', async () => {
    const first = await next(executive);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ...quarter(0), version: 1 });
    const second = await next(admin);
    expect(second.body).toMatchObject(quarter(1));
    const audit = await t.sql.query<{ action: string; actor_id: string }>(
      `SELECT action, actor_id FROM audit_events WHERE entity_type = 'cycle' AND entity_id = $1`,
      [second.body.id],
    );
    expect(audit.rows).toEqual([{ action: 'create', actor_id: admin.user.id }]);
  });

  it('replays an idempotent "next" instead of creating another quarter', async () => {
    const key = idempotencyKey();
    const first = await next(executive, {}, key);
    const again = await next(executive, {}, key);
    expect(first.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(first.body.name).toBe(quarter(2).name);
    const latest = await next(executive, { period: 'month' });
    const afterQ2 = quarter(3).startsOn.slice(0, 7);
    expect(latest.body).toMatchObject({ name: afterQ2, startsOn: `${afterQ2}-01` });
  });

  it('creates a cycle by dates and refuses overlaps, inverted or over-long spans, and taken names', async () => {
    const ok = await create({ name: '2020-Q1', startsOn: '2020-01-01', endsOn: '2020-03-31' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ startsOn: '2020-01-01', endsOn: '2020-03-31' });
    const overlap = await create({
      name: 'Spring 2020',
      startsOn: '2020-03-31',
      endsOn: '2020-05-31',
    });
    expect(overlap.status).toBe(422);
    expect(detailOf(overlap)).toBe(
      '31 Mar 2020 to 31 May 2020 overlaps the cycle "2020-Q1", which runs from 1 Jan 2020 to 31 Mar 2020; cycles must not overlap. Pick other dates.',
    );
    const inside = await create({ name: 'Inside', startsOn: '2020-02-01', endsOn: '2020-02-10' });
    expect(inside.status).toBe(422);
    const inverted = await create({
      name: 'Inverted',
      startsOn: '2019-05-01',
      endsOn: '2019-04-01',
    });
    expect(inverted.status).toBe(422);
    expect(detailOf(inverted)).toBe(
      'The cycle must end after it starts: 1 Apr 2019 is not after 1 May 2019.',
    );
    const long = await create({ name: 'Long', startsOn: '2017-01-01', endsOn: '2018-06-30' });
    expect(long.status).toBe(422);
    expect(detailOf(long)).toMatch(/at most 366 days/);
    const taken = await create({ name: '2020-Q1', startsOn: '2019-01-01', endsOn: '2019-03-31' });
    expect(taken.status).toBe(409);
    const adjacent = await create({
      name: '2020-Q2',
      startsOn: '2020-04-01',
      endsOn: '2020-06-30',
    });
    expect(adjacent.status).toBe(201);
  });

  it('the database refuses overlapping cycles too (concurrent writers)', async () => {
    await expect(createCycle(t.sql, 'Sneaky', '2020-06-01', '2020-07-31')).rejects.toThrow(
      /cycles_no_overlap/,
    );
  });

  it('lists cycles in date order, paged, with a day-range filter; anyone may list', async () => {
    const list = await send<Page<CycleResponse>>(t, member, 'GET', '/api/cycles');
    expect(list.status).toBe(200);
    const starts = list.body.items.map((c) => c.startsOn);
    expect(starts).toEqual([...starts].sort());
    expect(list.body.items[0]?.name).toBe('2020-Q1');
    const desc = await send<Page<CycleResponse>>(
      t,
      member,
      'GET',
      '/api/cycles?sort=-startsOn&limit=1',
    );
    expect(desc.body).toMatchObject({ total: list.body.total, limit: 1 });
    expect(desc.body.items[0]?.startsOn).toBe(starts[starts.length - 1]);
    const in2020 = await send<Page<CycleResponse>>(
      t,
      member,
      'GET',
      '/api/cycles?from=2020-02-01&to=2020-04-01',
    );
    expect(in2020.body.items.map((c) => c.name)).toEqual(['2020-Q1', '2020-Q2']);
  });

  it('lets only admins and executives create cycles', async () => {
    const body = { name: '2021-Q1', startsOn: '2021-01-01', endsOn: '2021-03-31' };
    expect((await create(body, manager)).status).toBe(403);
    expect((await create(body, member)).status).toBe(403);
    expect((await next(manager)).status).toBe(403);
    expect((await send(t, null, 'GET', '/api/cycles')).status).toBe(401);
    const key = idempotencyKey();
    expect((await create(body, admin, key)).status).toBe(201);
    const replay = await create(body, admin, key);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect((await create({ ...body, name: 'Other' }, admin, key)).status).toBe(422);
  });

  it('refuses bad input', async () => {
    const wrong = await create({
      name: 'x'.repeat(41),
      startsOn: '2022-13-01',
      endsOn: 20221231,
      colour: 'red',
    });
    expect(wrong.status).toBe(400);
    expect(fieldErrors(wrong)).toEqual(['colour', 'endsOn', 'name', 'startsOn']);
    expect(
      fieldErrors(await create({ name: '  ', startsOn: '2022-02-29', endsOn: '2022-1-31' })),
    ).toEqual(['endsOn', 'name', 'startsOn']);
    expect(fieldErrors(await next(executive, { period: 'decade' }))).toEqual(['period']);
    expect(fieldErrors(await next(executive, { period: 'month', extra: 1 }))).toEqual(['extra']);
    for (const query of ['sort=name', 'from=2020-1-1', 'limit=0', 'nope=1']) {
      expect([query, (await send(t, member, 'GET', `/api/cycles?${query}`)).status]).toEqual([
        query,
        400,
      ]);
    }
  });
});
