import type { InitiativeResponse, MeasureResponse, Page } from '@waypoint/contracts';
import { recomputeInitiatives } from '../../src/app/value/value-rebuild';
import { measureBody, initiativeAround } from '../factories/measures';
import { sqlOf } from '../factories/domain';
import { detailOf, fieldErrors, send } from '../support/http';
import { INITIATIVE_PEOPLE } from '../support/people';
import { daysAgo } from '../support/time';
import { useTestApp } from '../support/use-test-app';

/**
 * Issue 14: a measure planned "baseline from the first reading" has no baseline until its first
 * reading, which sets and freezes it (a trigger of migration 1764000003600); until then the value
 * engine, the lists and the KPI review read it without a baseline, and nothing divides by it.
 */
describe('baseline from the first reading', () => {
  const t = useTestApp({ people: INITIATIVE_PEOPLE, valueCheck: true });
  const c = t.people;
  let initiative: string;

  beforeAll(async () => {
    initiative = await initiativeAround(t, c);
  });

  const create = async (overrides: Record<string, unknown>): Promise<MeasureResponse> => {
    const res = await send<MeasureResponse>(
      t,
      c.owner,
      'POST',
      `/api/initiatives/${initiative}/measures`,
      measureBody(overrides),
    );
    if (res.status !== 201) throw new Error(`create measure: ${res.status} ${res.text}`);
    return res.body;
  };
  const get = async (id: string): Promise<MeasureResponse> =>
    (await send<MeasureResponse>(t, c.team, 'GET', `/api/measures/${id}`)).body;
  const record = (id: string, value: number, observedAt = daysAgo(2)) =>
    send(t, c.team, 'POST', `/api/measures/${id}/readings`, {
      value,
      observedAt: observedAt.toISOString(),
    });

  it('creates a measure without a baseline (null), and refuses a baseline left out or not a number', async () => {
    const created = await create({ name: 'Waiting time', baseline: null, target: 20 });
    expect(created).toMatchObject({ baseline: null, baselineFrozenAt: null, progress: null });

    const { baseline: _left, ...withoutBaseline } = measureBody({ name: 'No baseline field' });
    for (const body of [withoutBaseline, measureBody({ baseline: 'abc' })]) {
      const res = await send(t, c.owner, 'POST', `/api/initiatives/${initiative}/measures`, body);
      expect(res.status).toBe(400);
      expect(fieldErrors(res)).toContain('baseline');
    }
    // An update cannot take a baseline away.
    const cleared = await send(
      t,
      c.owner,
      'PATCH',
      `/api/measures/${created.id}`,
      { baseline: null },
      { 'If-Match': `"${created.version}"` },
    );
    expect(cleared.status).toBe(400);
  });

  it('reads a measure still waiting for its baseline in the lists, the KPI review and the value picture', async () => {
    const waiting = await create({ name: 'Callers helped', baseline: null, target: 90 });
    const list = await send<Page<MeasureResponse>>(
      t,
      c.team,
      'GET',
      `/api/initiatives/${initiative}/measures`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.find((m) => m.id === waiting.id)).toMatchObject({ baseline: null });
    const review = await send<Page<MeasureResponse>>(t, c.executive, 'GET', '/api/measures');
    expect(review.status).toBe(200);
    expect(review.body.items.find((m) => m.id === waiting.id)).toMatchObject({
      baseline: null,
      progress: null,
    });
    const value = await send(t, c.team, 'GET', `/api/initiatives/${initiative}/value`);
    expect(value.status).toBe(200);
    const portfolio = await send(t, c.executive, 'GET', '/api/portfolio/summary');
    expect(portfolio.status).toBe(200);
  });

  it('takes the baseline from the first reading and freezes it; later readings leave it alone', async () => {
    const measure = await create({
      name: 'Repeat calls',
      direction: 'lower_is_better',
      baseline: null,
      target: 10,
    });
    expect((await record(measure.id, 30)).status).toBe(201);
    const after = await get(measure.id);
    expect(after.baseline).toBe(30);
    expect(after.baselineFrozenAt).not.toBeNull();
    expect(after.version).toBe(measure.version + 1);
    expect(after.progress).toBe(0);

    expect((await record(measure.id, 20, daysAgo(1))).status).toBe(201);
    const later = await get(measure.id);
    expect(later.baseline).toBe(30);
    expect(later.progress).toBeCloseTo(0.5);

    // Frozen: the baseline the reading gave cannot be changed.
    const changed = await send(
      t,
      c.owner,
      'PATCH',
      `/api/measures/${measure.id}`,
      { baseline: 25 },
      { 'If-Match': `"${later.version}"` },
    );
    expect(changed.status).toBe(422);
    expect(detailOf(changed)).toMatch(/baseline \(30\) was frozen on .* cannot change/);
  });

  it('takes the earliest observed of several readings written in one statement (an import)', async () => {
    const measure = await create({ name: 'Imported', baseline: null, target: 100 });
    await t.sql.query(
      `INSERT INTO readings (measure_id, value, observed_at, recorded_by)
       VALUES ($1, 70, $2, $4), ($1, 60, $3, $4)`,
      [measure.id, daysAgo(3), daysAgo(5), c.team.user.id],
    );
    await recomputeInitiatives(sqlOf(t.sql), [initiative]);
    expect((await get(measure.id)).baseline).toBe(60);
  });

  it('lets the wizard plan a template measure "baseline from the first reading"', async () => {
    const res = await send<InitiativeResponse>(t, c.manager, 'POST', '/api/initiatives', {
      title: 'A3 measured from the first reading',
      template: 'a3',
      measures: [{ name: 'Order lead time', baseline: null, target: 4 }],
    });
    expect(res.status).toBe(201);
    const stored = await t.sql.query<{ name: string; baseline: number | null }>(
      `SELECT name, baseline FROM measures WHERE initiative_id = $1 ORDER BY name`,
      [res.body.id],
    );
    expect(stored.rows).toEqual([
      { name: 'Order lead time', baseline: null },
      { name: 'Rework rate', baseline: 12 },
    ]);
  });
});
