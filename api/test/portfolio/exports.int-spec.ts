import { randomUUID } from 'node:crypto';
import type { InitiativeBriefResponse, PortfolioBriefResponse } from '@waypoint/contracts';
import {
  createCustomerGroup,
  createCycle,
  createInitiative,
  createMeasure,
  createReading,
} from '../factories/domain';
import { daysAgo, quarter } from '../support/time';
import { detailOf, send } from '../support/http';
import { seedTension, initiativeAround } from '../factories/measures';
import {
  createCycleThroughApi,
  createDecision,
  createReview,
  gateTrack,
} from '../factories/portfolio';
import { csvRecords, parseCsv } from '../support/csv';
import { INITIATIVE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

const EVIL_TITLE = '=HYPERLINK("http://evil.example","Click"), "quoted"';

describe('CSV exports and one-page briefs', () => {
  const t = useTestApp({ people: INITIATIVE_PEOPLE, valueCheck: true });
  const c = t.people;
  let prev: string;
  let tension: Awaited<ReturnType<typeof seedTension>>;
  let evilId: string;
  let openCondition: string;
  let noteReading: string;
  let superseded: string;
  let emptyMeasure: string;

  beforeAll(async () => {
    // An initiative of the people's own besides those below (the exports list it too).
    await initiativeAround(t, c);
    const p = quarter(-1);
    prev = await createCycle(t.sql, p.name, p.startsOn, p.endsOn);
    const group = await createCustomerGroup(t.sql, { name: 'Small accounts', protected: true });
    tension = await seedTension(t, {
      ownerId: c.owner.user.id,
      recorderId: c.team.user.id,
      protectedGroupId: group,
      cycleStart: new Date(`${p.startsOn}T00:00:00Z`),
      teamIds: [c.team.user.id],
    });
    await t.sql.query(`INSERT INTO initiative_customer_groups VALUES ($1, $2)`, [
      tension.initiativeId,
      group,
    ]);
    evilId = await createInitiative(t.sql, { ownerId: c.owner.user.id, title: EVIL_TITLE });
    const measure = await createMeasure(t.sql, evilId, {
      name: '-Returns',
      baseline: 5,
      target: 1,
    });
    superseded = await createReading(t.sql, measure, {
      value: -3.5,
      observedAt: daysAgo(9),
      recordedBy: c.team.user.id,
      note: '@admin, check "this"\nplease',
    });
    noteReading = await createReading(t.sql, measure, {
      value: 4,
      observedAt: daysAgo(9),
      recordedBy: c.team.user.id,
      supersedesId: superseded,
      note: 'plain',
    });
    emptyMeasure = await createMeasure(t.sql, evilId, { name: 'Never read' });
    const track = await gateTrack(t, tension.initiativeId, 5);
    const decision = await createDecision(t, {
      milestoneId: track.approved,
      initiativeId: tension.initiativeId,
      submittedBy: c.owner.user.id,
      deciderId: c.executive.user.id,
      outcome: 'go_with_conditions',
      rationale: '+1 from finance, provided costs fall',
      conditions: ['Watch satisfaction of small accounts'],
      decidedAt: daysAgo(20),
    });
    openCondition = decision.conditionIds[0] ?? '';
    await createReview(t, {
      initiativeId: tension.initiativeId,
      cycleId: prev,
      authorId: c.owner.user.id,
      decision: 'adapt',
    });
    // The alert records of what the factories wrote (the engine reconciles on a cycle write).
    await createCycleThroughApi(t, c.executive, 2040);
  });

  it('exports initiatives as CSV with a header row, proper quoting and formula-safe text', async () => {
    const res = await send(t, c.executive, 'GET', '/api/exports/initiatives.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="initiatives.csv"');
    expect(res.text.split('\r\n')[0]).toBe(
      'id,title,status,approach,owner,sponsor,team_size,departments,current_gate,current_milestone,' +
        'current_milestone_state,estimated_customer_value,estimated_business_value,customer_index,' +
        'business_index,created_at,updated_at',
    );
    expect(res.text).toContain('"\'=HYPERLINK(""http://evil.example"",""Click""), ""quoted"""');
    const rows = csvRecords(res.text);
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r['id'] === evilId)?.['title']).toBe(`'${EVIL_TITLE}`);
    const tense = rows.find((r) => r['id'] === tension.initiativeId);
    expect(tense).toMatchObject({
      status: 'active',
      owner: 'Test manager',
      team_size: '1',
      current_gate: '2',
      current_milestone: 'Measure',
      current_milestone_state: 'submitted',
      business_index: '0.75',
    });
    expect(Number(tense?.['customer_index'])).toBeCloseTo(-0.2);
  });

  it('exports measures with their readings, one line each, superseded ones marked', async () => {
    const res = await send(t, c.manager, 'GET', '/api/exports/measures.csv');
    expect(res.status).toBe(200);
    const rows = csvRecords(res.text);
    const returns = rows.filter((r) => r['measure'] === "'-Returns");
    expect(returns.map((r) => [r['reading_id'], r['value'], r['superseded']])).toEqual([
      [superseded, '-3.5', 'true'],
      [noteReading, '4', 'false'],
    ]);
    expect(returns[0]?.['note']).toBe(`'@admin, check "this"\nplease`);
    expect(returns[0]?.['initiative']).toBe(`'${EVIL_TITLE}`);
    const never = rows.filter((r) => r['measure_id'] === emptyMeasure);
    expect(never).toHaveLength(1);
    expect(never[0]).toMatchObject({ reading_id: '', value: '', observed_at: '' });
    expect(rows.filter((r) => r['measure_id'] === tension.costId)).toHaveLength(2);
    expect(parseCsv(res.text).every((row) => row.length === 20)).toBe(true);
  });

  it('exports gate decisions with rationale, conditions and decider', async () => {
    const res = await send(t, c.admin, 'GET', '/api/exports/decisions.csv');
    expect(res.status).toBe(200);
    const rows = csvRecords(res.text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      initiative_id: tension.initiativeId,
      gate: '1',
      milestone: 'Define',
      outcome: 'go_with_conditions',
      decider: 'Test executive',
      rationale: "'+1 from finance, provided costs fall",
      conditions: '1',
    });
  });

  it('opens the exports to admins, executives and managers only, and takes no parameters', async () => {
    for (const name of ['initiatives', 'measures', 'decisions']) {
      const path = `/api/exports/${name}.csv`;
      expect([path, (await send(t, c.team, 'GET', path)).status]).toEqual([path, 403]);
      expect([path, (await send(t, c.owner, 'GET', path)).status]).toEqual([path, 200]);
      expect([path, (await send(t, null, 'GET', path)).status]).toEqual([path, 401]);
      expect([path, (await send(t, c.admin, 'GET', `${path}?limit=5`)).status]).toEqual([
        path,
        400,
      ]);
    }
  });

  it('answers the brief of an initiative: gate track, measures, indices, alerts, latest review, open conditions', async () => {
    const res = await send<InitiativeBriefResponse>(
      t,
      c.team,
      'GET',
      `/api/briefs/initiatives/${tension.initiativeId}`,
    );
    expect(res.status).toBe(200);
    const brief = res.body;
    expect(brief.initiative).toMatchObject({
      id: tension.initiativeId,
      title: 'Self-service for small accounts',
      status: 'active',
      owner: { id: c.owner.user.id },
      sponsor: null,
      team: [{ id: c.team.user.id, displayName: 'Test member' }],
      customerGroups: [expect.objectContaining({ name: 'Small accounts', protected: true })],
      estimated: { customer: 7, business: 5 },
    });
    expect(brief.gateTrack.map((m) => [m.position, m.title, m.state])).toEqual([
      [1, 'Define', 'approved'],
      [2, 'Measure', 'submitted'],
    ]);
    const cost = brief.measures.find((m) => m.id === tension.costId);
    expect(cost).toMatchObject({ baseline: 100, target: 60, latest: { value: 70 } });
    expect(cost?.progress).toBeCloseTo(0.75);
    expect(brief.indices.now.business).toBeCloseTo(0.75);
    expect(brief.indices.cycle?.cycle.id).toBe(prev);
    expect(brief.alerts.items.map((a) => a.kind)).toEqual([
      'customer_worsens_as_business_improves',
      'protected_group_worsens',
    ]);
    expect(brief.latestReview).toMatchObject({ decision: 'adapt', cycle: { id: prev } });
    expect(brief.latestReview?.measured.business.change).toBeCloseTo(0.75);
    expect(brief.openConditions).toEqual([
      expect.objectContaining({
        id: openCondition,
        text: 'Watch satisfaction of small accounts',
        milestoneTitle: 'Define',
      }),
    ]);
  });

  it('guards the initiative brief like the initiative and checks its parameters', async () => {
    const path = `/api/briefs/initiatives/${tension.initiativeId}`;
    expect((await send(t, c.outsider, 'GET', path)).status).toBe(403);
    expect((await send(t, c.manager, 'GET', path)).status).toBe(200);
    expect((await send(t, c.admin, 'GET', `/api/briefs/initiatives/${randomUUID()}`)).status).toBe(
      404,
    );
    expect((await send(t, c.admin, 'GET', '/api/briefs/initiatives/zzz')).status).toBe(400);
    const unknownCycle = await send(t, c.admin, 'GET', `${path}?cycleId=${randomUUID()}`);
    expect(unknownCycle.status).toBe(422);
    expect(detailOf(unknownCycle)).toMatch(/no cycle/);
    expect((await send(t, c.admin, 'GET', `${path}?threshold=5`)).status).toBe(400);
    const older = quarter(-3);
    const olderId = await createCycle(t.sql, older.name, older.startsOn, older.endsOn);
    const past = await send<InitiativeBriefResponse>(
      t,
      c.admin,
      'GET',
      `${path}?cycleId=${olderId}`,
    );
    expect(past.body.latestReview).toBeNull();
    expect(past.body.alerts).toMatchObject({ cycle: { id: olderId }, items: [] });
  });

  it('answers the brief of the portfolio for those who may read the portfolio', async () => {
    const res = await send<PortfolioBriefResponse>(t, c.executive, 'GET', '/api/briefs/portfolio');
    expect(res.status).toBe(200);
    expect(res.body.summary).toMatchObject({ initiatives: 3, openConditions: 1 });
    expect(res.body.summary).not.toHaveProperty('items');
    expect(res.body.summary).not.toHaveProperty('itemsPerStage');
    expect(res.body.tension.total).toBe(3);
    expect(res.body.alerts.total).toBe(2);
    expect(res.body.tension.points).toHaveLength(3);
    expect(res.body.alerts).toMatchObject({ cycle: { id: prev }, threshold: 0.1 });
    expect(res.body.alerts.items).toHaveLength(2);
    expect((await send(t, c.team, 'GET', '/api/briefs/portfolio')).status).toBe(403);
    expect(
      (await send(t, c.executive, 'GET', `/api/briefs/portfolio?cycleId=${randomUUID()}`)).status,
    ).toBe(422);
    expect((await send(t, c.executive, 'GET', '/api/briefs/portfolio?cycleId=1')).status).toBe(400);
  });
});
