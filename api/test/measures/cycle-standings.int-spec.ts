import type {
  CycleReviewResponse,
  InitiativeValueResponse,
  MeasureResponse,
} from '@waypoint/contracts';
import { createCustomerGroup } from '../factories/domain';
import { initiativeAround } from '../factories/measures';
import { send } from '../support/http';
import { INITIATIVE_PEOPLE } from '../support/people';
import { quarter } from '../support/time';
import { useTestApp } from '../support/use-test-app';

/**
 * Issue 13, scenario 1: measures read once a quarter. A protected group's satisfaction (higher is
 * better) read 60 in one quarter and 52 in the next, cost to serve (lower is better) 95 then 85.
 * Over the second quarter customer value fell while business value rose: the cycle review
 * measures that change, and the value answer raises the alerts.
 */
describe('cycle standings: a measure read once a quarter shows change from quarter to quarter', () => {
  const t = useTestApp({ people: INITIATIVE_PEOPLE, valueCheck: true });
  const c = t.people;
  let initiative: string;
  let q3: string;
  let q4: string;
  let satisfaction: string;
  let cost: string;

  const mid = (startsOn: string): string =>
    new Date(new Date(`${startsOn}T00:00:00Z`).getTime() + 40 * 86_400_000).toISOString();

  beforeAll(async () => {
    initiative = await initiativeAround(t, c);
    const group = await createCustomerGroup(t.sql, { name: 'Loyal families', protected: true });
    const [first, second] = [quarter(-2), quarter(-1)];
    const cycle = async (q: typeof first): Promise<string> => {
      const res = await send<{ id: string }>(t, c.admin, 'POST', '/api/cycles', q);
      expect(res.status).toBe(201);
      return res.body.id;
    };
    q3 = await cycle(first);
    q4 = await cycle(second);
    const measure = async (body: Record<string, unknown>): Promise<string> => {
      const res = await send<MeasureResponse>(
        t,
        c.owner,
        'POST',
        `/api/initiatives/${initiative}/measures`,
        { cadence: 'quarterly', kpiClass: 'customer_centric', ...body },
      );
      expect(res.status).toBe(201);
      return res.body.id;
    };
    satisfaction = await measure({
      name: 'Loyal families satisfaction',
      unit: '%',
      perspective: 'customer',
      direction: 'higher_is_better',
      baseline: 60,
      target: 80,
      customerGroupId: group,
    });
    cost = await measure({
      name: 'Cost to serve',
      unit: '£',
      perspective: 'business',
      direction: 'lower_is_better',
      baseline: 95,
      target: 75,
      kpiClass: 'neutral',
    });
    for (const [measureId, value, startsOn] of [
      [satisfaction, 60, first.startsOn],
      [cost, 95, first.startsOn],
      [satisfaction, 52, second.startsOn],
      [cost, 85, second.startsOn],
    ] as const) {
      const res = await send(t, c.owner, 'POST', `/api/measures/${measureId}/readings`, {
        value,
        observedAt: mid(startsOn),
      });
      expect(res.status).toBe(201);
    }
  });

  it('shows the measured change of the second quarter in its cycle review', async () => {
    const res = await send<CycleReviewResponse>(
      t,
      c.owner,
      'PUT',
      `/api/initiatives/${initiative}/cycle-reviews/${q4}`,
      { intent: 'Move loyal families to self-service', decision: 'adapt' },
    );
    expect(res.status).toBe(201);
    const { measured } = res.body;
    // Customer index: 0 % (60 of 60..80) -> -40 % (52); business: 0 % (95 of 95..75) -> 50 % (85).
    expect(measured.customer).toEqual({ start: 0, end: -0.4, change: -0.4 });
    expect(measured.business).toEqual({ start: 0, end: 0.5, change: 0.5 });
    expect(
      measured.measures.map((m) => [m.name, m.first.value, m.last.value, m.improvement]),
    ).toEqual([
      ['Cost to serve', 95, 85, 10],
      ['Loyal families satisfaction', 60, 52, -8],
    ]);
    // Both ends are readings: the first quarter's (before the cycle) and the second's.
    expect(measured.measures.every((m) => m.first.readingId !== null)).toBe(true);
    const listed = await send<{ items: CycleReviewResponse[] }>(
      t,
      c.owner,
      'GET',
      `/api/initiatives/${initiative}/cycle-reviews`,
    );
    expect(listed.body.items.find((r) => r.cycle.id === q4)?.measured).toEqual(measured);
  });

  it('measures the first quarter from the baselines, where nothing changed', async () => {
    const res = await send<CycleReviewResponse>(
      t,
      c.owner,
      'PUT',
      `/api/initiatives/${initiative}/cycle-reviews/${q3}`,
      { intent: 'Set the baseline', decision: 'adopt' },
    );
    expect(res.body.measured.customer).toEqual({ start: 0, end: 0, change: 0 });
    expect(res.body.measured.measures.map((m) => m.first.readingId)).toEqual([null, null]);
  });

  it('raises the tension alerts of the second quarter and shows the indices per quarter', async () => {
    const res = await send<InitiativeValueResponse>(
      t,
      c.owner,
      'GET',
      `/api/initiatives/${initiative}/value?cycleId=${q4}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.alerts.items.map((a) => [a.kind, a.severity])).toEqual([
      ['customer_worsens_as_business_improves', 'critical'],
      ['protected_group_worsens', 'critical'],
    ]);
    expect(res.body.alerts.items[0]?.explanation).toMatch(
      /Customer value fell from 0\s?% to -40\s?% .* while business value rose from 0\s?% to 50\s?%/,
    );
    expect(res.body.cycles.map((x) => [x.cycle.id, x.customer, x.business])).toEqual([
      [q3, 0, 0],
      [q4, -0.4, 0.5],
    ]);
    const first = await send<InitiativeValueResponse>(
      t,
      c.owner,
      'GET',
      `/api/initiatives/${initiative}/value?cycleId=${q3}`,
    );
    expect(first.body.alerts.items).toEqual([]);
  });
});
