import type {
  InitiativeMoneyResponse,
  Page,
  PortfolioMoneyResponse,
  WinResponse,
} from '@waypoint/contracts';
import { payback } from '@waypoint/domain';
import { createCycle, createMeasure, createReading } from '../factories/domain';
import { initiativeFor } from '../factories/gates';
import { auditCount, etag, fieldErrors, idempotencyKey, NO_SUCH_ID, send } from '../support/http';
import { GATE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

/** Show the money and wins (issue 17): each rule through HTTP, with bad input for every endpoint. */
describe('money and wins', () => {
  const t = useTestApp({ people: GATE_PEOPLE });
  const cast = t.people;
  let q1 = '';
  let q2 = '';
  let future = '';

  const plan = {
    expectedYearlyBenefitMinor: 24_000_00,
    oneOffCostMinor: 6_000_00,
    runningCostMinor: 1_200_00,
    assumptions: 'A call about a bill costs £4.10 of agent time; 8,000 fewer calls a year.',
    benefitStartsOn: '2026-01-01',
  };

  beforeAll(async () => {
    q1 = await createCycle(t.sql, '2026-Q1', '2026-01-01', '2026-03-31');
    q2 = await createCycle(t.sql, '2026-Q2', '2026-04-01', '2026-06-30');
    future = await createCycle(t.sql, '2099-Q1', '2099-01-01', '2099-03-31');
  });

  /** An initiative of the owner with a business measure read once in each of Q1 and Q2. */
  async function billCalls(
    status = 'active',
  ): Promise<{ id: string; calls: string; wait: string }> {
    const id = await initiativeFor(t, cast, { status });
    const calls = await createMeasure(t.sql, id, {
      name: 'Calls about bills',
      perspective: 'business',
      direction: 'lower_is_better',
      baseline: 4000,
      target: 2000,
    });
    const wait = await createMeasure(t.sql, id, { name: 'Average wait' });
    const by = cast.owner.user.id;
    await createReading(t.sql, calls, {
      value: 3600,
      observedAt: new Date('2026-02-15T10:00:00Z'),
      recordedBy: by,
    });
    await createReading(t.sql, calls, {
      value: 3000,
      observedAt: new Date('2026-05-15T10:00:00Z'),
      recordedBy: by,
    });
    await createReading(t.sql, wait, {
      value: 25,
      observedAt: new Date('2026-05-15T10:00:00Z'),
      recordedBy: by,
    });
    return { id, calls, wait };
  }

  const moneyOf = (id: string) =>
    send<InitiativeMoneyResponse>(t, cast.owner, 'GET', `/api/initiatives/${id}/money`);
  const cycleOf = (m: InitiativeMoneyResponse, cycleId: string) =>
    m.cycles.find((c) => c.cycle.id === cycleId);

  describe('PUT /api/initiatives/:id/money', () => {
    it('creates the case without If-Match, then replaces it only with a fresh one (audited)', async () => {
      const { id } = await billCalls();
      const created = await send<InitiativeMoneyResponse>(
        t,
        cast.owner,
        'PUT',
        `/api/initiatives/${id}/money`,
        plan,
      );
      expect(created.status).toBe(201);
      expect(created.body.currency).toBe('GBP');
      expect(created.body.plan).toMatchObject({ ...plan, version: 1 });
      const path = `/api/initiatives/${id}/money`;
      const changed = { ...plan, oneOffCostMinor: 7_000_00 };
      expect((await send(t, cast.owner, 'PUT', path, changed)).status).toBe(428);
      expect((await send(t, cast.owner, 'PUT', path, changed, etag(9))).status).toBe(412);
      const replaced = await send<InitiativeMoneyResponse>(
        t,
        cast.owner,
        'PUT',
        path,
        changed,
        etag(1),
      );
      expect(replaced.status).toBe(200);
      expect(replaced.body.plan?.oneOffCostMinor).toBe(7_000_00);
      expect(await auditCount(t, id)).toBeGreaterThanOrEqual(2);
    });

    it('is for the owner: a team member and an outsider are refused', async () => {
      const { id } = await billCalls();
      const path = `/api/initiatives/${id}/money`;
      expect((await send(t, cast.member, 'PUT', path, plan)).status).toBe(403);
      expect((await send(t, cast.outsider, 'GET', path)).status).toBe(403);
      expect((await send(t, cast.member, 'GET', path)).status).toBe(200);
    });

    it.each([
      ['a float', { ...plan, oneOffCostMinor: 12.5 }, 'oneOffCostMinor'],
      ['a negative cost', { ...plan, runningCostMinor: -1 }, 'runningCostMinor'],
      ['a string', { ...plan, expectedYearlyBenefitMinor: '100' }, 'expectedYearlyBenefitMinor'],
      ['no benefit', { oneOffCostMinor: 1, runningCostMinor: 1 }, 'expectedYearlyBenefitMinor'],
      ['a bad day', { ...plan, benefitStartsOn: '2026-02-30' }, 'benefitStartsOn'],
      ['an unknown field', { ...plan, currency: 'USD' }, 'currency'],
    ])('refuses %s with 400 naming the field', async (_label, body, field) => {
      const { id } = await billCalls();
      const res = await send(t, cast.owner, 'PUT', `/api/initiatives/${id}/money`, body);
      expect(res.status).toBe(400);
      expect(fieldErrors(res)).toContain(field);
    });

    it('answers 404 for an unknown initiative and 400 for a malformed id', async () => {
      expect(
        (await send(t, cast.admin, 'GET', `/api/initiatives/${NO_SUCH_ID}/money`)).status,
      ).toBe(404);
      expect((await send(t, cast.admin, 'PUT', `/api/initiatives/nope/money`, plan)).status).toBe(
        400,
      );
    });
  });

  describe('realised benefit from a value per unit (PUT /api/measures/:id/value-per-unit)', () => {
    it('is the improvement of each cycle times the stated value per unit, and never without one', async () => {
      const { id, calls } = await billCalls();
      const before = await moneyOf(id);
      expect(cycleOf(before.body, q1)).toMatchObject({ realisedMinor: null, source: 'none' });

      const stated = await send<InitiativeMoneyResponse>(
        t,
        cast.owner,
        'PUT',
        `/api/measures/${calls}/value-per-unit`,
        { valuePerUnitMinor: 410, basis: 'Each call avoided saves £4.10 of agent time.' },
      );
      expect(stated.status).toBe(200);
      // Q1: 4,000 (baseline) to 3,600: 400 calls avoided at £4.10 = £1,640.
      expect(cycleOf(stated.body, q1)).toMatchObject({
        realisedMinor: 1_640_00,
        source: 'measures',
        measured: [expect.objectContaining({ unitsImproved: 400, amountMinor: 1_640_00 })],
      });
      // Q2: 3,000 at its close, 1,000 better than the baseline: £4,100 (kept improvement keeps earning).
      expect(cycleOf(stated.body, q2)?.realisedMinor).toBe(4_100_00);
      expect(stated.body.realisedTotalMinor).toBe(5_740_00);
      expect(stated.body.measures.find((m) => m.measureId === calls)).toMatchObject({
        valuePerUnitMinor: 410,
        basis: 'Each call avoided saves £4.10 of agent time.',
      });

      const withdrawn = await send<InitiativeMoneyResponse>(
        t,
        cast.owner,
        'PUT',
        `/api/measures/${calls}/value-per-unit`,
        { valuePerUnitMinor: 0 },
      );
      expect(cycleOf(withdrawn.body, q1)).toMatchObject({ realisedMinor: null, source: 'none' });
      expect(await auditCount(t, calls)).toBeGreaterThanOrEqual(2);
    });

    it('is stated on business measures only (422), by the owner only (403)', async () => {
      const { calls, wait } = await billCalls();
      const body = { valuePerUnitMinor: 100, basis: 'x' };
      const customer = await send(
        t,
        cast.owner,
        'PUT',
        `/api/measures/${wait}/value-per-unit`,
        body,
      );
      expect(customer.status).toBe(422);
      expect(fieldErrors(customer)).toEqual(['valuePerUnitMinor']);
      expect(
        (await send(t, cast.member, 'PUT', `/api/measures/${calls}/value-per-unit`, body)).status,
      ).toBe(403);
    });

    it.each([
      ['a fraction of a penny', { valuePerUnitMinor: 4.1 }],
      ['a negative value', { valuePerUnitMinor: -1 }],
      ['no value', { basis: 'x' }],
      ['a long basis', { valuePerUnitMinor: 1, basis: 'x'.repeat(2001) }],
    ])('refuses %s with 400', async (_label, body) => {
      const { calls } = await billCalls();
      const res = await send(t, cast.owner, 'PUT', `/api/measures/${calls}/value-per-unit`, body);
      expect(res.status).toBe(400);
    });
  });

  describe('realised benefit entered with evidence (POST /api/initiatives/:id/realised-benefits)', () => {
    const entry = (cycleId: string, amountMinor: number) => ({
      cycleId,
      amountMinor,
      evidenceUrl: 'https://finance.example.com/q2',
      note: 'Finance confirmed the overtime saved.',
    });

    it('replaces the measured figure of its cycle, says so, and a replay enters it once', async () => {
      const { id, calls } = await billCalls();
      await send(t, cast.owner, 'PUT', `/api/measures/${calls}/value-per-unit`, {
        valuePerUnitMinor: 410,
      });
      const key = idempotencyKey();
      const path = `/api/initiatives/${id}/realised-benefits`;
      const first = await send<InitiativeMoneyResponse>(
        t,
        cast.owner,
        'POST',
        path,
        entry(q2, 3_000_00),
        key,
      );
      expect(first.status).toBe(201);
      expect(cycleOf(first.body, q2)).toMatchObject({
        realisedMinor: 3_000_00,
        source: 'entered',
        entered: expect.objectContaining({ evidenceUrl: 'https://finance.example.com/q2' }),
      });
      expect(cycleOf(first.body, q1)?.source).toBe('measures');
      const replay = await send(t, cast.owner, 'POST', path, entry(q2, 3_000_00), key);
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotency-replayed')).toBe('true');
      const later = await send<InitiativeMoneyResponse>(
        t,
        cast.owner,
        'POST',
        path,
        entry(q2, 2_500_00),
      );
      expect(cycleOf(later.body, q2)?.realisedMinor).toBe(2_500_00);
      expect(later.body.entries).toHaveLength(2);
      const rows = await t.sql.query(`SELECT 1 FROM realised_benefits WHERE initiative_id = $1`, [
        id,
      ]);
      expect(rows.rowCount).toBe(2);
    });

    it('refuses a cycle that has not started or does not exist (422), and a member (403)', async () => {
      const { id } = await billCalls();
      const path = `/api/initiatives/${id}/realised-benefits`;
      const early = await send(t, cast.owner, 'POST', path, entry(future, 1));
      expect(early.status).toBe(422);
      expect(fieldErrors(early)).toEqual(['cycleId']);
      expect((await send(t, cast.owner, 'POST', path, entry(NO_SUCH_ID, 1))).status).toBe(422);
      expect((await send(t, cast.member, 'POST', path, entry(q1, 1))).status).toBe(403);
    });

    it.each([
      ['no evidence', { evidenceUrl: undefined }, 'evidenceUrl'],
      ['a non-web link', { evidenceUrl: 'ftp://files.example.com/x' }, 'evidenceUrl'],
      ['no note', { note: '' }, 'note'],
      ['a float amount', { amountMinor: 10.5 }, 'amountMinor'],
      ['a bad cycle id', { cycleId: 'q2' }, 'cycleId'],
    ])('refuses %s with 400', async (_label, change, field) => {
      const { id } = await billCalls();
      const res = await send(t, cast.owner, 'POST', `/api/initiatives/${id}/realised-benefits`, {
        ...entry(q1, 100),
        ...change,
      });
      expect(res.status).toBe(400);
      expect(fieldErrors(res)).toContain(field);
    });
  });

  describe('payback and the portfolio (GET /api/portfolio/money)', () => {
    it('shows each completed initiative with its payback as libs/domain computes it, by road and department', async () => {
      const { id, calls } = await billCalls('completed');
      await send(t, cast.owner, 'PUT', `/api/initiatives/${id}/money`, plan);
      await send(t, cast.owner, 'PUT', `/api/measures/${calls}/value-per-unit`, {
        valuePerUnitMinor: 410,
      });
      const own = (await moneyOf(id)).body;
      const expected = payback({
        ...plan,
        realised: [
          { amountMinor: 1_640_00, days: 90 },
          { amountMinor: 4_100_00, days: 91 },
        ],
      });
      expect(own.payback).toEqual(expected);

      const res = await send<PortfolioMoneyResponse>(
        t,
        cast.executive,
        'GET',
        '/api/portfolio/money',
      );
      expect(res.status).toBe(200);
      const completed = res.body.completed.find((c) => c.initiative.id === id);
      expect(completed).toEqual({
        initiative: expect.objectContaining({ id, road: 'engineering' }),
        oneOffCostMinor: plan.oneOffCostMinor,
        realisedMinor: 5_740_00,
        payback: expected,
      });
      const road = res.body.roads.find((r) => r.road === 'engineering');
      expect(road?.byStatus.completed).toBeGreaterThanOrEqual(1);
      expect(res.body.roads.map((r) => r.road)).toHaveLength(5);
      // Every total is the sum of its parts: per cycle, per road, per department.
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      expect(sum(res.body.roads.map((r) => r.realisedMinor))).toBe(res.body.realisedMinor);
      expect(sum(res.body.departments.map((d) => d.realisedMinor))).toBe(res.body.realisedMinor);
      expect(sum(res.body.cycles.map((c) => c.realisedMinor))).toBe(res.body.realisedMinor);
      expect(res.body.cycles.find((c) => c.cycle.id === q1)?.expectedMinor).toBeGreaterThan(0);
    });

    it('is for portfolio readers only', async () => {
      expect((await send(t, cast.member, 'GET', '/api/portfolio/money')).status).toBe(403);
    });
  });

  describe('wins (POST /api/initiatives/:id/win, GET /api/wins)', () => {
    const win = {
      learned: 'Plain bills beat any script.',
      youToldUs: 'You told us your bill was hard to read.',
      weChanged: 'We rewrote it in plain words.',
    };

    it('is published only once the initiative is completed with realised results, once', async () => {
      const active = await billCalls('active');
      const early = await send(t, cast.owner, 'POST', `/api/initiatives/${active.id}/win`, win);
      expect(early.status).toBe(422);
      expect(early.body['code']).toBe('win_not_ready');

      const idle = await initiativeFor(t, cast, { status: 'completed' });
      await createMeasure(t.sql, idle, { name: 'Untouched' });
      const empty = await send(t, cast.owner, 'POST', `/api/initiatives/${idle}/win`, win);
      expect(empty.status).toBe(422);
      expect(String(empty.body['detail'])).toMatch(/realised results/);

      const done = await billCalls('completed');
      await send(t, cast.owner, 'PUT', `/api/initiatives/${done.id}/money`, plan);
      expect(
        (await send(t, cast.member, 'POST', `/api/initiatives/${done.id}/win`, win)).status,
      ).toBe(403);
      const published = await send<WinResponse>(
        t,
        cast.owner,
        'POST',
        `/api/initiatives/${done.id}/win`,
        win,
        idempotencyKey(),
      );
      expect(published.status).toBe(201);
      expect(published.body.measures).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'Calls about bills', before: 4000, after: 3000 }),
        ]),
      );
      expect(published.body.money).toMatchObject({ currency: 'GBP', oneOffCostMinor: 6_000_00 });
      expect(await auditCount(t, published.body.id, 'create')).toBe(1);
      const again = await send(t, cast.owner, 'POST', `/api/initiatives/${done.id}/win`, win);
      expect(again.status).toBe(422);
      expect(String(again.body['detail'])).toMatch(/already published/);

      // Everyone sees it, members not on the initiative included.
      const listed = await send<Page<WinResponse>>(t, cast.outsider, 'GET', '/api/wins');
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((w) => w.id)).toContain(published.body.id);
      const one = await send<WinResponse>(
        t,
        cast.outsider,
        'GET',
        `/api/wins/${published.body.id}`,
      );
      expect(one.body.youToldUs).toBe(win.youToldUs);
    });

    it.each([
      ['no lesson', { ...win, learned: '' }, 'learned'],
      ['no customer words', { learned: 'x', weChanged: 'y' }, 'youToldUs'],
      ['a number', { ...win, weChanged: 5 }, 'weChanged'],
    ])('refuses %s with 400', async (_label, body, field) => {
      const { id } = await billCalls('completed');
      const res = await send(t, cast.owner, 'POST', `/api/initiatives/${id}/win`, body);
      expect(res.status).toBe(400);
      expect(fieldErrors(res)).toContain(field);
    });

    it('answers 404 for an unknown win and 400 for bad paging', async () => {
      expect((await send(t, cast.member, 'GET', `/api/wins/${NO_SUCH_ID}`)).status).toBe(404);
      expect((await send(t, cast.member, 'GET', `/api/wins/nope`)).status).toBe(400);
      expect((await send(t, cast.member, 'GET', `/api/wins?limit=0`)).status).toBe(400);
    });
  });
});
