import type {
  MeasureResponse,
  Page,
  PortfolioSeriesResponse,
  PortfolioSummaryResponse,
  PortfolioTensionResponse,
  TensionPoint,
} from '@waypoint/contracts';
import { send } from '../support/http';
import { type PortfolioWorld, seedPortfolio } from '../factories/portfolio';
import { INITIATIVE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

describe('the portfolio: summary, tension chart, alerts and series', () => {
  const t = useTestApp({ people: INITIATIVE_PEOPLE, valueCheck: true });
  const c = t.people;
  let w: PortfolioWorld;

  beforeAll(async () => {
    w = await seedPortfolio(t, c);
  });

  it('summarises the portfolio: stages, statuses, gates waiting, conditions, stale measures, alerts, KPI review, teams', async () => {
    const res = await send<PortfolioSummaryResponse>(
      t,
      c.executive,
      'GET',
      '/api/portfolio/summary',
    );
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('x-sql-statements'))).toBeGreaterThan(0);
    const s = res.body;
    expect(s.initiatives).toBe(3);
    expect(s.byStatus).toMatchObject({ active: 2, draft: 1, proposed: 0, completed: 0 });
    expect(s.byStage.map((x) => [x.label, x.count])).toEqual([
      ['No milestones', 2],
      ['Gate 2', 1],
    ]);
    expect(s.byStage[1]?.byStatus.active).toBe(1);
    // At most itemsPerStage of each stage, in stage order: here all three fit.
    expect(s.itemsPerStage).toBe(10);
    expect(s.items.map((i) => i.stage.kind)).toEqual(['no_milestones', 'no_milestones', 'gate']);
    expect(s.items.find((i) => i.id === w.initiativeId)?.stage).toEqual({
      kind: 'gate',
      position: 2,
      milestoneTitle: 'Measure',
      milestoneState: 'submitted',
    });
    expect(s.gatesWaiting.count).toBe(1);
    expect(s.gatesWaiting.oldestHours).toBeCloseTo(10, 0);
    expect(s.gatesWaiting.averageHours).toBeCloseTo(10, 0);
    expect(s.openConditions).toBe(1);
    expect(s.alerts).toMatchObject({
      cycle: { id: w.prev },
      threshold: 0.1,
      count: 4,
      critical: 4,
    });
    expect(s.kpiReview).toEqual({
      measures: 4,
      byClass: { customer_centric: 2, neutral: 2, customer_toxic: 0 },
      byPerspective: {
        customer: { customer_centric: 2, neutral: 0, customer_toxic: 0 },
        business: { customer_centric: 0, neutral: 2, customer_toxic: 0 },
      },
      counterMeasurePairs: 2,
      customerMeasuresWithoutCounter: 0,
    });
    expect(s.crossFunctional).toEqual({
      byDepartments: [
        { departments: 1, initiatives: 2 },
        { departments: 2, initiatives: 1 },
      ],
      averageDepartments: 1.3,
    });
    expect(s.items.find((i) => i.id === w.initiativeId)).toMatchObject({
      teamSize: 1,
      departments: 2,
    });
    // Stale measures agree with the measure lists of the active initiatives.
    let stale = 0;
    for (const id of [w.initiativeId, w.tension.initiativeId]) {
      const list = await send<Page<MeasureResponse>>(
        t,
        c.admin,
        'GET',
        `/api/initiatives/${id}/measures`,
      );
      stale += list.body.items.filter((m) => m.stale).length;
    }
    expect(s.staleMeasures).toBe(stale);
    expect(stale).toBeGreaterThan(0);
    const strict = await send<PortfolioSummaryResponse>(
      t,
      c.manager,
      'GET',
      `/api/portfolio/summary?threshold=0.9&cycleId=${w.prev}`,
    );
    expect(strict.body.alerts).toMatchObject({ threshold: 0.9, count: 3 });
  });

  it('places each initiative on the tension chart, now or over a cycle', async () => {
    const res = await send<PortfolioTensionResponse>(
      t,
      c.executive,
      'GET',
      '/api/portfolio/tension',
    );
    expect(res.status).toBe(200);
    expect(res.body.cycle).toBeNull();
    expect(res.body.total).toBe(3);
    expect(res.body.points).toHaveLength(3);
    const point = res.body.points.find((p) => p.id === w.tension.initiativeId);
    expect(point).toMatchObject({
      title: 'Self-service for small accounts',
      status: 'active',
      teamSize: 0,
      estimatedCustomerValue: 7,
      estimatedBusinessValue: 5,
    });
    expect(point?.businessIndex).toBeCloseTo(0.75);
    expect(point?.customerIndex).toBeCloseTo(-0.2);
    const old = await send<PortfolioTensionResponse>(
      t,
      c.executive,
      'GET',
      `/api/portfolio/tension?cycleId=${w.older}`,
    );
    expect(old.body.cycle?.id).toBe(w.older);
    // The older quarter closes where the measures stood at its end: the readings taken just
    // before the previous quarter (B's satisfaction 80 of 70..90, every other at its baseline).
    const indices = (p: TensionPoint) => [p.id, p.customerIndex, p.businessIndex];
    expect(old.body.points.map(indices)).toEqual(
      expect.arrayContaining([
        [w.tension.initiativeId, 0.5, 0],
        [w.initiativeId, 0, 0],
        [w.draftId, null, null],
      ]),
    );
    // The chart of now has no opening; a cycle's opening is where the previous cycle closed
    // (the quarters are back to back), so each point can show its movement since then.
    expect(point).toMatchObject({ openingCustomerIndex: null, openingBusinessIndex: null });
    const prev = await send<PortfolioTensionResponse>(
      t,
      c.executive,
      'GET',
      `/api/portfolio/tension?cycleId=${w.prev}`,
    );
    const openings = (p: TensionPoint) => [p.id, p.openingCustomerIndex, p.openingBusinessIndex];
    expect(prev.body.points.map(openings)).toEqual(
      expect.arrayContaining(old.body.points.map(indices)),
    );
    const drafts = await send<PortfolioTensionResponse>(
      t,
      c.executive,
      'GET',
      '/api/portfolio/tension?status=draft',
    );
    expect(drafts.body.points.map((p) => p.id)).toEqual([w.draftId]);
    expect(drafts.body.total).toBe(1);
  });

  it('sends the points that pull apart most first, at most `limit`, with the total', async () => {
    const all = await send<PortfolioTensionResponse>(
      t,
      c.executive,
      'GET',
      '/api/portfolio/tension',
    );
    const gaps = all.body.points.map((p) =>
      p.customerIndex === null || p.businessIndex === null
        ? -1
        : Math.abs(p.customerIndex - p.businessIndex),
    );
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    expect(gaps[0]).toBeGreaterThan(0);
    const top = await send<PortfolioTensionResponse>(
      t,
      c.executive,
      'GET',
      '/api/portfolio/tension?limit=1',
    );
    expect(top.status).toBe(200);
    expect(top.body.total).toBe(3);
    expect(top.body.points).toEqual([all.body.points[0]]);
    for (const limit of ['0', '1001', '-1', '1.5', 'all']) {
      const bad = await send(t, c.executive, 'GET', `/api/portfolio/tension?limit=${limit}`);
      expect([limit, bad.status]).toEqual([limit, 400]);
    }
  });

  it('gives the series cycle over cycle: portfolio and initiative indices and review decisions', async () => {
    const res = await send<PortfolioSeriesResponse>(t, c.executive, 'GET', '/api/portfolio/series');
    expect(res.status).toBe(200);
    expect(res.body.initiatives).toHaveLength(3);
    expect(res.body.cycles.map((x) => x.cycle.id)).toEqual([w.older, w.prev]);
    const last = res.body.cycles[1];
    expect(last?.decisions).toEqual({ adopt: 1, adapt: 1, abandon: 0 });
    expect(last?.customer).toBeCloseTo((2 / 3 - 0.2) / 2);
    expect(last?.business).toBeCloseTo((-1 + 0.75) / 2);
    expect(last?.initiatives.find((i) => i.id === w.draftId)).toEqual({
      id: w.draftId,
      customer: null,
      business: null,
    });
    // The older quarter, from where the measures stood at its end (see the tension chart).
    expect(res.body.cycles[0]).toMatchObject({
      customer: 0.25,
      business: 0,
      decisions: { adopt: 0 },
    });
  });

  it('opens the portfolio to admins, executives and managers only', async () => {
    for (const path of ['summary', 'tension', 'alerts', 'series']) {
      expect([path, (await send(t, c.team, 'GET', `/api/portfolio/${path}`)).status]).toEqual([
        path,
        403,
      ]);
      expect([path, (await send(t, c.manager, 'GET', `/api/portfolio/${path}`)).status]).toEqual([
        path,
        200,
      ]);
      expect([path, (await send(t, c.admin, 'GET', `/api/portfolio/${path}`)).status]).toEqual([
        path,
        200,
      ]);
      expect([path, (await send(t, null, 'GET', `/api/portfolio/${path}`)).status]).toEqual([
        path,
        401,
      ]);
    }
    for (const query of [
      'summary?cycleId=x',
      'summary?limit=1',
      'tension?status=done',
      'tension?limit=5000',
      'series?x=1',
    ]) {
      expect([query, (await send(t, c.admin, 'GET', `/api/portfolio/${query}`)).status]).toEqual([
        query,
        400,
      ]);
    }
  });
});
