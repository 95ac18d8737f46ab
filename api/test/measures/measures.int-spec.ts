import { randomUUID } from 'node:crypto';
import type { MeasureResponse, Page } from '@waypoint/contracts';
import { createCustomerGroup, createMeasure, createReading } from '../factories/domain';
import { DAY_MS, daysAgo } from '../support/time';
import { fieldErrors, idempotencyKey, send } from '../support/http';
import { measureBody, initiativeAround } from '../factories/measures';
import { INITIATIVE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

describe('measures: create, progress and staleness, lists, bad input and access', () => {
  const t = useTestApp({ people: INITIATIVE_PEOPLE, valueCheck: true });
  const c = t.people;
  let initiative: string;

  beforeAll(async () => {
    initiative = await initiativeAround(t, c);
  });

  const measuresPath = (): string => `/api/initiatives/${initiative}/measures`;
  const create = async (overrides: Record<string, unknown> = {}): Promise<MeasureResponse> => {
    const res = await send<MeasureResponse>(
      t,
      c.owner,
      'POST',
      measuresPath(),
      measureBody(overrides),
    );
    if (res.status !== 201) throw new Error(`create measure: ${res.status} ${res.text}`);
    return res.body;
  };
  const patch = (id: string, body: unknown, etag: string) =>
    send<MeasureResponse>(t, c.owner, 'PATCH', `/api/measures/${id}`, body, { 'If-Match': etag });

  it('lets the owner add a measure, answers it with an ETag and audits it with the initiative', async () => {
    const res = await send<MeasureResponse>(
      t,
      c.owner,
      'POST',
      measuresPath(),
      measureBody({ name: '  Calls answered in 20 s  ', targetDate: '2026-12-31', weight: 2 }),
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({
      initiativeId: initiative,
      name: 'Calls answered in 20 s',
      perspective: 'customer',
      baseline: 40,
      target: 20,
      targetDate: '2026-12-31',
      weight: 2,
      latestReading: null,
      progress: null,
      stale: false,
      baselineFrozenAt: null,
      counterMeasure: null,
      customerGroup: null,
      recorder: null,
    });
    const audit = await t.sql.query<{ action: string; initiative_id: string; actor_id: string }>(
      `SELECT action, initiative_id, actor_id FROM audit_events
        WHERE entity_type = 'measure' AND entity_id = $1`,
      [res.body.id],
    );
    expect(audit.rows).toEqual([
      { action: 'create', initiative_id: initiative, actor_id: c.owner.user.id },
    ]);
  });

  it('computes progress from the latest effective reading and tells staleness by cadence', async () => {
    const id = await createMeasure(t.sql, initiative, {
      name: 'Hold time',
      baseline: 40,
      target: 20,
      cadence: 'monthly',
    });
    await t.sql.query(`UPDATE measures SET created_at = $2 WHERE id = $1`, [id, daysAgo(200)]);
    const observed = daysAgo(50);
    const first = await createReading(t.sql, id, {
      value: 30,
      observedAt: observed,
      recordedBy: c.team.user.id,
    });
    let read = await send<MeasureResponse>(t, c.team, 'GET', `/api/measures/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.latestReading).toMatchObject({ id: first, value: 30 });
    expect(read.body.progress).toBeCloseTo(0.5);
    expect(read.body.stale).toBe(true);
    expect(read.body.staleSince).toBe(new Date(observed.getTime() + 38 * DAY_MS).toISOString());
    expect(read.body.readingDueAt).toBe(new Date(observed.getTime() + 31 * DAY_MS).toISOString());

    // A correction supersedes the first reading; a reading dated in the future does not count.
    const corrected = await createReading(t.sql, id, {
      value: 35,
      observedAt: daysAgo(5),
      recordedBy: c.team.user.id,
      supersedesId: first,
    });
    await createReading(t.sql, id, {
      value: 20,
      observedAt: new Date(Date.now() + 3 * DAY_MS),
      recordedBy: c.team.user.id,
    });
    read = await send<MeasureResponse>(t, c.team, 'GET', `/api/measures/${id}`);
    expect(read.body.latestReading).toMatchObject({ id: corrected, value: 35 });
    expect(read.body.progress).toBeCloseTo(0.25);
    expect(read.body.stale).toBe(false);

    // Never read: counted from creation, by cadence (weekly: stale after 9 days; quarterly: 106).
    const weekly = await createMeasure(t.sql, initiative, {
      name: 'Weekly',
      cadence: 'weekly',
    });
    const quarterly = await createMeasure(t.sql, initiative, {
      name: 'Quarterly',
      cadence: 'quarterly',
    });
    const created = daysAgo(10);
    await t.sql.query(`UPDATE measures SET created_at = $2 WHERE id = ANY($1::uuid[])`, [
      [weekly, quarterly],
      created,
    ]);
    const list = await send<Page<MeasureResponse>>(
      t,
      c.owner,
      'GET',
      `${measuresPath()}?limit=200`,
    );
    const byId = new Map(list.body.items.map((m) => [m.id, m]));
    expect(byId.get(weekly)).toMatchObject({ stale: true, latestReading: null, progress: null });
    expect(byId.get(quarterly)).toMatchObject({
      stale: false,
      readingDueAt: new Date(created.getTime() + 92 * DAY_MS).toISOString(),
    });
    expect(byId.get(id)?.progress).toBeCloseTo(0.25);
  });

  it('replays an idempotent create and refuses the key for another body', async () => {
    const key = idempotencyKey();
    const body = measureBody({ name: 'Once only' });
    const first = await send<MeasureResponse>(t, c.owner, 'POST', measuresPath(), body, key);
    const again = await send<MeasureResponse>(t, c.owner, 'POST', measuresPath(), body, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const rows = await t.sql.query(`SELECT 1 FROM measures WHERE name = 'Once only'`);
    expect(rows.rowCount).toBe(1);
    const other = await send(
      t,
      c.owner,
      'POST',
      measuresPath(),
      measureBody({ name: 'Other' }),
      key,
    );
    expect(other.status).toBe(422);
  });

  it('lists with filters, sorts and pages', async () => {
    const path = measuresPath();
    const group = await createCustomerGroup(t.sql, { name: 'Filtered group' });
    const cost = await create({
      name: 'Cost per contact',
      perspective: 'business',
      baseline: 8,
      target: 6,
      kpiClass: 'customer_toxic',
    });
    const grouped = await create({ name: 'Grouped wait', customerGroupId: group });
    const business = await send<Page<MeasureResponse>>(
      t,
      c.owner,
      'GET',
      `${path}?perspective=business`,
    );
    expect(business.body.items.length).toBeGreaterThan(0);
    expect(business.body.items.every((m) => m.perspective === 'business')).toBe(true);
    const named = await send<Page<MeasureResponse>>(t, c.owner, 'GET', `${path}?q=COST%20per`);
    expect(named.body.items.map((m) => m.id)).toEqual([cost.id]);
    const toxic = await send<Page<MeasureResponse>>(
      t,
      c.owner,
      'GET',
      `${path}?kpiClass=customer_toxic`,
    );
    expect(toxic.body.items.map((m) => m.id)).toEqual([cost.id]);
    const ofGroup = await send<Page<MeasureResponse>>(
      t,
      c.owner,
      'GET',
      `${path}?customerGroupId=${group}`,
    );
    expect(ofGroup.body).toMatchObject({ total: 1, items: [{ id: grouped.id }] });
    const newest = await send<Page<MeasureResponse>>(
      t,
      c.owner,
      'GET',
      `${path}?sort=-createdAt&limit=1`,
    );
    expect(newest.body.items.map((m) => m.id)).toEqual([grouped.id]);
    const sorted = await send<Page<MeasureResponse>>(
      t,
      c.owner,
      'GET',
      `${path}?sort=-name&limit=200`,
    );
    const names = sorted.body.items.map((m) => m.name.toLowerCase());
    expect(names).toEqual([...names].sort().reverse());
    const page = await send<Page<MeasureResponse>>(t, c.owner, 'GET', `${path}?limit=2&offset=1`);
    expect(page.body).toMatchObject({ limit: 2, offset: 1, total: sorted.body.total });
    expect(page.body.items).toHaveLength(2);
  });

  it('refuses bad input on every endpoint', async () => {
    const m = await create({ name: 'Target of bad input' });
    const wrong = await send(t, c.owner, 'POST', measuresPath(), {
      ...measureBody(),
      name: 'x'.repeat(201),
      unit: 5,
      perspective: 'shareholder',
      baseline: '40',
      targetDate: '2026-02-30',
      weight: -1,
      isSecret: true,
    });
    expect(wrong.status).toBe(400);
    expect(fieldErrors(wrong)).toEqual([
      'baseline',
      'isSecret',
      'name',
      'perspective',
      'targetDate',
      'unit',
      'weight',
    ]);
    const missing = await send(t, c.owner, 'POST', measuresPath(), { name: 'Only a name' });
    expect(fieldErrors(missing)).toEqual(
      expect.arrayContaining([
        'baseline',
        'cadence',
        'direction',
        'kpiClass',
        'perspective',
        'target',
        'unit',
      ]),
    );
    expect((await send(t, c.admin, 'GET', '/api/measures/not-a-uuid')).status).toBe(400);
    expect((await send(t, c.admin, 'GET', '/api/initiatives/nope/measures')).status).toBe(400);
    expect((await send(t, c.admin, 'GET', `/api/measures/${randomUUID()}`)).status).toBe(404);
    expect(
      (await send(t, c.admin, 'GET', `/api/initiatives/${randomUUID()}/measures`)).status,
    ).toBe(404);
    expect(
      (await send(t, c.admin, 'POST', `/api/initiatives/${randomUUID()}/measures`, measureBody()))
        .status,
    ).toBe(404);
    expect((await patch(randomUUID(), { name: 'x' }, '"1"')).status).toBe(404);
    expect((await patch(m.id, {}, '"1"')).status).toBe(400);
    const nulls = await patch(m.id, { name: null, baseline: null, targetDate: null }, '"1"');
    expect(nulls.status).toBe(400);
    expect(fieldErrors(nulls)).toEqual(['baseline', 'name']);
    for (const query of [
      'limit=0',
      'limit=201',
      'offset=-1',
      'sort=bogus',
      'perspective=x',
      `q=${'y'.repeat(201)}`,
      'customerGroupId=nope',
      'extra=1',
    ]) {
      expect([query, (await send(t, c.owner, 'GET', `${measuresPath()}?${query}`)).status]).toEqual(
        [query, 400],
      );
    }
  });

  it("opens an initiative's measures only to those the matrix allows (object-level)", async () => {
    const m = await create({ name: 'Private' });
    const path = `/api/measures/${m.id}`;
    // A member not on the initiative: 403 on every id of it.
    expect((await send(t, c.outsider, 'GET', measuresPath())).status).toBe(403);
    expect((await send(t, c.outsider, 'GET', path)).status).toBe(403);
    expect((await send(t, c.outsider, 'POST', measuresPath(), measureBody())).status).toBe(403);
    expect(
      (await send(t, c.outsider, 'PATCH', path, { name: 'x' }, { 'If-Match': '"1"' })).status,
    ).toBe(403);
    // The team member reads, but only the owner (and admins) change the plan.
    expect((await send(t, c.team, 'GET', measuresPath())).status).toBe(200);
    expect((await send(t, c.team, 'GET', path)).status).toBe(200);
    expect((await send(t, c.team, 'POST', measuresPath(), measureBody())).status).toBe(403);
    expect(
      (await send(t, c.team, 'PATCH', path, { name: 'x' }, { 'If-Match': '"1"' })).status,
    ).toBe(403);
    // Managers and executives see every initiative but do not plan someone else's.
    expect((await send(t, c.manager, 'GET', path)).status).toBe(200);
    expect(
      (await send(t, c.executive, 'PATCH', path, { name: 'x' }, { 'If-Match': '"1"' })).status,
    ).toBe(403);
    expect(
      (await send(t, c.admin, 'PATCH', path, { name: 'By admin' }, { 'If-Match': '"1"' })).status,
    ).toBe(200);
    expect((await send(t, null, 'GET', path)).status).toBe(401);
  });
});
