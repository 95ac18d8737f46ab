import type { MeasureListItem, Page } from '@waypoint/contracts';
import { isWorsening } from '@waypoint/domain';
import { createCycle, createInitiative, createMeasure, createReading } from '../factories/domain';
import { person } from '../factories/initiatives';
import type { Session } from '../support/auth';
import { fieldErrors, send } from '../support/http';
import { DAY_MS, quarter } from '../support/time';
import { useTestApp } from '../support/use-test-app';

/**
 * The KPI review's list (GET /api/measures): each measure's stored change over the current
 * cycle, and `worsening` meaning only libs/domain `isWorsening` (its standing fell).
 */
describe('GET /api/measures: change over the current cycle and the worsening filter', () => {
  const t = useTestApp({ valueCheck: true });
  let executive: Session;
  let cycle: { id: string; name: string };

  beforeAll(async () => {
    executive = await person(t, 'executive', 'Eve Executive');
    const manager = await person(t, 'manager', 'Mona Manager');
    const q = quarter(-1);
    cycle = { id: await createCycle(t.sql, q.name, q.startsOn, q.endsOn), name: q.name };
    const start = new Date(`${q.startsOn}T00:00:00Z`).getTime();
    const at = (days: number): Date => new Date(start + days * DAY_MS);
    const id = await createInitiative(t.sql, {
      ownerId: manager.user.id,
      title: 'Self-service for loyal families',
    });
    const by = manager.user.id;
    // Higher is better, 60 before the quarter and 52 in it: worsening.
    const satisfaction = await createMeasure(t.sql, id, {
      name: 'Loyal families satisfaction',
      direction: 'higher_is_better',
      baseline: 50,
      target: 70,
    });
    await createReading(t.sql, satisfaction, { value: 60, observedAt: at(-5), recordedBy: by });
    await createReading(t.sql, satisfaction, { value: 52, observedAt: at(20), recordedBy: by });
    // Lower is better, 95 then 85: improving (a number that fell, and is not "worsening").
    const cost = await createMeasure(t.sql, id, {
      name: 'Cost to serve',
      perspective: 'business',
      direction: 'lower_is_better',
      baseline: 100,
      target: 50,
    });
    await createReading(t.sql, cost, { value: 95, observedAt: at(-5), recordedBy: by });
    await createReading(t.sql, cost, { value: 85, observedAt: at(20), recordedBy: by });
    // Never read: its standing opens at the baseline and has no closing.
    await createMeasure(t.sql, id, { name: 'Unread wait' });
  });

  async function list(query: string): Promise<Page<MeasureListItem>> {
    const res = await send<Page<MeasureListItem>>(t, executive, 'GET', `/api/measures${query}`);
    expect([query, res.status]).toEqual([query, 200]);
    return res.body;
  }

  it('carries each measure’s stored change over the current cycle', async () => {
    const all = await list('');
    const byName = new Map(all.items.map((m) => [m.name, m]));
    expect(byName.get('Loyal families satisfaction')?.cycleChange).toMatchObject({
      cycle: { id: cycle.id, name: cycle.name },
      opening: 60,
      closing: 52,
      improvement: -8,
      worsening: true,
    });
    expect(byName.get('Loyal families satisfaction')?.cycleChange?.progressChange).toBeCloseTo(
      -0.4,
      10,
    );
    expect(byName.get('Cost to serve')?.cycleChange).toMatchObject({
      opening: 95,
      closing: 85,
      improvement: 10,
      worsening: false,
    });
    expect(byName.get('Unread wait')?.cycleChange).toMatchObject({
      cycle: { id: cycle.id },
      closing: null,
      improvement: null,
      worsening: false,
    });
  });

  it('filters worsening=true|false as libs/domain isWorsening judges each item', async () => {
    const worsening = await list('?worsening=true');
    const others = await list('?worsening=false');
    expect(worsening.items.map((m) => m.name)).toEqual(['Loyal families satisfaction']);
    expect(others.items.map((m) => m.name).sort()).toEqual(['Cost to serve', 'Unread wait']);
    for (const item of [...worsening.items, ...others.items]) {
      const change = item.cycleChange;
      const expected =
        change !== null &&
        item.baseline !== null &&
        isWorsening(
          { ...item, baseline: item.baseline },
          {
            opening: change.opening === null ? null : { reading: null, value: change.opening },
            closing: change.closing === null ? null : { reading: null, value: change.closing },
          },
        );
      expect([item.name, change?.worsening]).toEqual([item.name, expected]);
      expect(worsening.items.includes(item)).toBe(expected);
    }
  });

  it('refuses a worsening filter that is not true or false', async () => {
    const res = await send(t, executive, 'GET', '/api/measures?worsening=maybe');
    expect(res.status).toBe(400);
    expect(fieldErrors(res)).toEqual(['worsening']);
  });
});
