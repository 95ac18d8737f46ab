import { randomUUID } from 'node:crypto';
import type { CycleReviewResponse, Page } from '@waypoint/contracts';
import { createCycle, createMeasure, createReading } from '../factories/domain';
import { detailOf, fieldErrors, send } from '../support/http';
import { quarter } from '../support/time';
import { INITIATIVE_PEOPLE } from '../support/people';
import { initiativeAround } from '../factories/measures';
import { useTestApp } from '../support/use-test-app';

describe('cycle reviews: plan-do-check-act with the change measured from the readings', () => {
  const t = useTestApp({ people: INITIATIVE_PEOPLE, valueCheck: true });
  const c = t.people;
  let initiative: string;
  let ended: string;
  let running: string;
  let future: string;

  beforeAll(async () => {
    initiative = await initiativeAround(t, c);
    ended = await createCycle(t.sql, '2025-Q1', '2025-01-01', '2025-03-31');
    const now = quarter(0);
    running = await createCycle(t.sql, now.name, now.startsOn, now.endsOn);
    future = await createCycle(t.sql, '2040-Q1', '2040-01-01', '2040-03-31');
  });

  const path = (cycleId: string, initiativeId = initiative): string =>
    `/api/initiatives/${initiativeId}/cycle-reviews/${cycleId}`;
  const put = (
    cycleId: string,
    body: unknown,
    session = c.owner,
    headers: Record<string, string> = {},
  ) => send<CycleReviewResponse>(t, session, 'PUT', path(cycleId), body, headers);

  it('computes the measured change of a cycle from its standings (where each measure stood as it opened and at its end)', async () => {
    const wait = await createMeasure(t.sql, initiative, {
      name: 'Wait',
      perspective: 'customer',
      direction: 'lower_is_better',
      baseline: 40,
      target: 20,
    });
    const revenue = await createMeasure(t.sql, initiative, {
      name: 'Revenue',
      perspective: 'business',
      direction: 'higher_is_better',
      baseline: 100,
      target: 200,
    });
    const by = c.team.user.id;
    await createReading(t.sql, wait, {
      value: 10,
      observedAt: new Date('2024-11-30T10:00:00Z'),
      recordedBy: by,
    });
    // The last reading before the cycle: where the wait stood as the cycle opened.
    const w1 = await createReading(t.sql, wait, {
      value: 40,
      observedAt: new Date('2024-12-31T23:59:00Z'),
      recordedBy: by,
    });
    await createReading(t.sql, wait, {
      value: 35,
      observedAt: new Date('2025-01-02T10:00:00Z'),
      recordedBy: by,
    });
    const typo = await createReading(t.sql, wait, {
      value: 3,
      observedAt: new Date('2025-03-01T10:00:00Z'),
      recordedBy: by,
    });
    const w2 = await createReading(t.sql, wait, {
      value: 30,
      observedAt: new Date('2025-03-01T10:00:00Z'),
      recordedBy: by,
      supersedesId: typo,
    });
    await createReading(t.sql, wait, {
      value: 20,
      observedAt: new Date('2025-04-01T00:00:00Z'),
      recordedBy: by,
    });
    const r1 = await createReading(t.sql, revenue, {
      value: 120,
      observedAt: new Date('2024-12-05T00:00:00Z'),
      recordedBy: by,
    });
    const r2 = await createReading(t.sql, revenue, {
      value: 150,
      observedAt: new Date('2025-03-31T23:00:00Z'),
      recordedBy: by,
    });

    const res = await put(ended, {
      intent: 'Offer call-backs at peak hours',
      predictedChange: 'Wait falls by a quarter',
      decision: 'adopt',
      learnings: 'Call-backs work',
      nextIntent: 'Roll out to all queues',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body.measured.customer.start).toBeCloseTo(0);
    expect(res.body.measured.customer.end).toBeCloseTo(0.5);
    expect(res.body.measured.customer.change).toBeCloseTo(0.5);
    expect(res.body.measured.business.start).toBeCloseTo(0.2);
    expect(res.body.measured.business.end).toBeCloseTo(0.5);
    expect(res.body.measured.business.change).toBeCloseTo(0.3);
    const byMeasure = new Map(res.body.measured.measures.map((m) => [m.measureId, m]));
    expect(byMeasure.get(wait)).toMatchObject({
      name: 'Wait',
      first: { readingId: w1, value: 40 },
      last: { readingId: w2, value: 30 },
      improvement: 10,
    });
    expect(byMeasure.get(revenue)).toMatchObject({
      first: { readingId: r1, value: 120 },
      last: { readingId: r2, value: 150 },
      improvement: 30,
    });
    expect(res.body).toMatchObject({
      cycle: { id: ended, name: '2025-Q1', startsOn: '2025-01-01', endsOn: '2025-03-31' },
      decision: 'adopt',
      author: { id: c.owner.user.id },
    });
    // Nobody types the measured change in: it is not a field of the request.
    const typed = await put(ended, { measured: { customer: { change: 9 } } }, c.owner, {
      'If-Match': '"1"',
    });
    expect(typed.status).toBe(400);
    expect(fieldErrors(typed)).toEqual(['measured']);
  });

  it('creates without If-Match, then replaces only with it (428 without, 412 stale), audited', async () => {
    const created = await put(running, { intent: 'Try a chatbot' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ intent: 'Try a chatbot', decision: null, learnings: '' });
    expect((await put(running, { intent: 'Changed' })).status).toBe(428);
    const replaced = await put(
      running,
      { intent: 'Chatbot for billing', learnings: 'So far so good' },
      c.owner,
      {
        'If-Match': '"1"',
      },
    );
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('etag')).toBe('"2"');
    expect(replaced.body).toMatchObject({
      intent: 'Chatbot for billing',
      predictedChange: '',
      version: 2,
    });
    expect((await put(running, { intent: 'Stale' }, c.owner, { 'If-Match': '"1"' })).status).toBe(
      412,
    );
    expect((await put(running, { intent: 'Bad' }, c.owner, { 'If-Match': 'soon' })).status).toBe(
      400,
    );
    const audit = await t.sql.query<{ action: string; initiative_id: string }>(
      `SELECT action, initiative_id FROM audit_events WHERE entity_type = 'cycle_review' AND entity_id = $1 ORDER BY id`,
      [created.body.id],
    );
    expect(audit.rows).toEqual([
      { action: 'create', initiative_id: initiative },
      { action: 'update', initiative_id: initiative },
    ]);
  });

  it('answers 412 to If-Match on a review that does not exist yet', async () => {
    const other = await createCycle(t.sql, '2024-Q4', '2024-10-01', '2024-12-31');
    const res = await put(other, { decision: 'abandon' }, c.owner, { 'If-Match': '"1"' });
    expect(res.status).toBe(412);
    expect(detailOf(res)).toMatch(/no review of this cycle yet/);
  });

  it('needs a decision once the cycle has ended, and none before it starts', async () => {
    const other = await createCycle(t.sql, '2024-Q3', '2024-07-01', '2024-09-30');
    const undecided = await put(other, { learnings: 'We learnt a lot' });
    expect(undecided.status).toBe(422);
    expect(detailOf(undecided)).toMatch(/ended on 2024-09-30: its review needs a decision/);
    const early = await put(future, { intent: 'Later', decision: 'adapt' });
    expect(early.status).toBe(422);
    expect(detailOf(early)).toMatch(/starts on 2040-01-01/);
    expect((await put(future, { intent: 'Later' })).status).toBe(201);
  });

  it('lists the reviews of an initiative, latest cycle first, each with its measured change', async () => {
    const list = await send<Page<CycleReviewResponse>>(
      t,
      c.team,
      'GET',
      `/api/initiatives/${initiative}/cycle-reviews`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((r) => r.cycle.name)).toEqual([
      '2040-Q1',
      quarter(0).name,
      '2025-Q1',
    ]);
    expect(list.body.items[2]?.measured.customer.change).toBeCloseTo(0.5);
    const page = await send<Page<CycleReviewResponse>>(
      t,
      c.team,
      'GET',
      `/api/initiatives/${initiative}/cycle-reviews?limit=1&offset=2`,
    );
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 2 });
    expect(page.body.items[0]?.cycle.id).toBe(ended);
  });

  it('lets the owner (and admins) write, the team read, and nobody else in', async () => {
    const other = await createCycle(t.sql, '2024-Q2', '2024-04-01', '2024-06-30');
    const body = { decision: 'adapt' };
    expect((await put(other, body, c.team)).status).toBe(403);
    expect((await put(other, body, c.executive)).status).toBe(403);
    expect((await put(other, body, c.manager)).status).toBe(403);
    expect((await put(other, body, c.outsider)).status).toBe(403);
    expect(
      (await send(t, c.outsider, 'GET', `/api/initiatives/${initiative}/cycle-reviews`)).status,
    ).toBe(403);
    expect((await put(other, body, c.admin)).status).toBe(201);
    expect(
      (await send(t, null, 'GET', `/api/initiatives/${initiative}/cycle-reviews`)).status,
    ).toBe(401);
  });

  it('refuses bad input and unknown records', async () => {
    const wrong = await put(
      running,
      { intent: 'i'.repeat(4001), decision: 'maybe', score: 3, learnings: 7 },
      c.owner,
      {
        'If-Match': '"2"',
      },
    );
    expect(wrong.status).toBe(400);
    expect(fieldErrors(wrong)).toEqual(['decision', 'intent', 'learnings', 'score']);
    expect(
      (await send(t, c.admin, 'PUT', `/api/initiatives/${initiative}/cycle-reviews/nope`, {}))
        .status,
    ).toBe(400);
    expect((await send(t, c.admin, 'PUT', path(randomUUID()), {})).status).toBe(404);
    expect((await send(t, c.admin, 'PUT', path(running, randomUUID()), {})).status).toBe(404);
    expect(
      (await send(t, c.admin, 'GET', `/api/initiatives/${randomUUID()}/cycle-reviews`)).status,
    ).toBe(404);
    expect((await send(t, c.admin, 'GET', `/api/initiatives/x/cycle-reviews`)).status).toBe(400);
    expect(
      (await send(t, c.admin, 'GET', `/api/initiatives/${initiative}/cycle-reviews?limit=999`))
        .status,
    ).toBe(400);
  });
});
