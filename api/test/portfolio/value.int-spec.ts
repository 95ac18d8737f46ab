import { randomUUID } from 'node:crypto';
import type { InitiativeValueResponse } from '@waypoint/contracts';
import { detailOf, send } from '../support/http';
import { type PortfolioWorld, seedPortfolio } from '../factories/portfolio';
import { INITIATIVE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

describe('value of an initiative: indices now and per cycle, tension alerts with their readings', () => {
  const t = useTestApp({ people: INITIATIVE_PEOPLE, valueCheck: true });
  const c = t.people;
  let w: PortfolioWorld;

  beforeAll(async () => {
    w = await seedPortfolio(t, c);
  });

  const value = (initiativeId: string, query = '', session = c.owner) =>
    send<InitiativeValueResponse>(
      t,
      session,
      'GET',
      `/api/initiatives/${initiativeId}/value${query}`,
    );

  it("raises tension alerts when cost to serve improves while a protected group's satisfaction drops, naming the readings", async () => {
    const res = await value(w.tension.initiativeId);
    expect(res.status).toBe(200);
    expect(res.body.alerts.cycle?.id).toBe(w.prev);
    expect(res.body.alerts.threshold).toBe(0.1);
    expect(res.body.alerts.items.map((a) => [a.kind, a.severity])).toEqual([
      ['customer_worsens_as_business_improves', 'critical'],
      ['protected_group_worsens', 'critical'],
    ]);
    const [divergence, protectedAlert] = res.body.alerts.items;
    expect(new Set(divergence?.readingIds)).toEqual(new Set(w.tension.readingIds));
    expect(protectedAlert?.explanation).toMatch(
      /protected customer group "Small accounts" got worse/,
    );
    expect(protectedAlert?.readings).toEqual([
      expect.objectContaining({
        id: w.tension.readingIds[2],
        measureId: w.tension.satisfactionId,
        measureName: 'Satisfaction of small accounts',
        value: 80,
      }),
      expect.objectContaining({ id: w.tension.readingIds[3], value: 66 }),
    ]);
    // A higher threshold silences the divergence, not the protected group.
    const lenient = await value(w.tension.initiativeId, '?threshold=0.9');
    expect(lenient.body.alerts.threshold).toBe(0.9);
    expect(lenient.body.alerts.items.map((a) => a.kind)).toEqual(['protected_group_worsens']);
  });

  it('gives the value indices now and per cycle, beside the estimated scores', async () => {
    const res = await value(w.tension.initiativeId);
    expect(res.body.estimated).toEqual({ customer: 7, business: 5 });
    expect(res.body.now.business).toBeCloseTo(0.75);
    expect(res.body.now.customer).toBeCloseTo(-0.2);
    expect(res.body.cycles.map((x) => x.cycle.id)).toEqual([w.older, w.prev]);
    // The older quarter closes where the measures stood at its end: the readings taken just
    // before the previous quarter (satisfaction 80 of 70..90, cost 100 of 100..60).
    expect(res.body.cycles[0]?.customer).toBeCloseTo(0.5);
    expect(res.body.cycles[0]?.business).toBeCloseTo(0);
    expect(res.body.cycles[1]?.business).toBeCloseTo(0.75);
    expect(res.body.measures.find((m) => m.measureId === w.tension.costId)).toMatchObject({
      name: 'Cost to serve per account',
      value: 70,
    });
    const oldCycle = await value(w.tension.initiativeId, `?cycleId=${w.older}`);
    expect(oldCycle.body.alerts).toMatchObject({ cycle: { id: w.older }, items: [] });
  });

  it('alerts when a counter-measure worsens as its customer measure improves', async () => {
    const res = await value(w.initiativeId, '', c.team);
    expect(res.status).toBe(200);
    expect(res.body.alerts.items.map((a) => a.kind)).toEqual([
      'business_worsens_as_customer_improves',
      'counter_measure_worsens',
    ]);
    expect(res.body.alerts.items[1]?.explanation).toMatch(
      /Counter-measure "Cost per call" \(guarding "NPS"\) got worse/,
    );
    expect(res.body.alerts.items[0]?.readingIds).toEqual(expect.arrayContaining(w.npsReadings));
  });

  it('guards the value endpoint like the initiative, and refuses bad parameters', async () => {
    expect((await value(w.initiativeId, '', c.outsider)).status).toBe(403);
    expect((await value(w.initiativeId, '', c.manager)).status).toBe(200);
    expect((await value(randomUUID(), '', c.admin)).status).toBe(404);
    expect((await send(t, c.admin, 'GET', '/api/initiatives/x/value')).status).toBe(400);
    const unknownCycle = await value(w.initiativeId, `?cycleId=${randomUUID()}`);
    expect(unknownCycle.status).toBe(422);
    expect(detailOf(unknownCycle)).toMatch(/no cycle with the id/);
    for (const query of [
      'threshold=-0.1',
      'threshold=1.5',
      'threshold=abc',
      'cycleId=nope',
      'x=1',
    ]) {
      expect([query, (await value(w.initiativeId, `?${query}`)).status]).toEqual([query, 400]);
    }
    expect((await send(t, null, 'GET', `/api/initiatives/${w.initiativeId}/value`)).status).toBe(
      401,
    );
  });
});
