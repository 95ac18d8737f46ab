import type {
  InitiativeValueResponse,
  MeasureResponse,
  SnapshotMeasure,
} from '@waypoint/contracts';
import { cycleIndices, gateMeasures } from './gate-picture';

const snapshotMeasure = (id: string, name: string): SnapshotMeasure => ({
  id,
  name,
  unit: 'min',
  perspective: 'customer',
  direction: 'lower_is_better',
  baseline: 38,
  target: 15,
  latestReading: { id: `r-${id}`, value: 22, observedAt: '2026-12-03T10:00:00.000Z' },
  progress: 0.7,
});

const measure = (id: string, name: string, extra: Partial<MeasureResponse> = {}): MeasureResponse =>
  ({
    ...snapshotMeasure(id, name),
    initiativeId: 'i1',
    targetDate: null,
    cadence: 'monthly',
    kpiClass: 'neutral',
    weight: 1,
    customerGroup: null,
    counterMeasure: null,
    recorder: null,
    baselineFrozenAt: null,
    latestReading: { id: `r-${id}`, value: 20, observedAt: '2026-12-06T10:00:00.000Z' },
    progress: 0.8,
    stale: false,
    staleSince: null,
    readingDueAt: null,
    version: 1,
    createdAt: '2026-06-01T00:00:00.000Z',
    updatedAt: '2026-06-01T00:00:00.000Z',
    ...extra,
  }) as MeasureResponse;

describe('gateMeasures', () => {
  it('puts the linked measures first, as frozen, then the others as they stand, flagged', () => {
    const views = gateMeasures(
      [snapshotMeasure('wait', 'Wait')],
      [
        measure('cost', 'Cost per contact', { perspective: 'business' }),
        measure('wait', 'Wait', {
          counterMeasure: { id: 'cost', name: 'Cost per contact', perspective: 'business' },
        }),
      ],
    );
    expect(views.map((v) => [v.measure.name, v.linked])).toEqual([
      ['Wait', true],
      ['Cost per contact', false],
    ]);
    // The linked one keeps its frozen reading (22), not today's (20).
    expect(views[0]?.measure.latestReading?.value).toBe(22);
    expect(views[1]?.measure.latestReading?.value).toBe(20);
    expect(views[0]?.counterMeasure).toBe('Cost per contact');
    expect(views[1]?.counterMeasureOf).toEqual(['Wait']);
  });

  it('shows the linked measures even before the list of all measures arrives', () => {
    expect(gateMeasures([snapshotMeasure('wait', 'Wait')], []).map((v) => v.linked)).toEqual([
      true,
    ]);
  });
});

describe('cycleIndices', () => {
  const cycle = (id: string) => ({ id, name: id, startsOn: '2026-01-01', endsOn: '2026-03-31' });
  const value = (over: Partial<InitiativeValueResponse>): InitiativeValueResponse => ({
    initiativeId: 'i1',
    estimated: { customer: 6, business: 5 },
    now: { customer: 0.5, business: 0.25 },
    measures: [],
    cycles: [
      { cycle: cycle('Q3'), customer: 0.2, business: 0.3 },
      { cycle: cycle('Q4'), customer: 0.5, business: 0.25 },
    ],
    alerts: { cycle: cycle('Q4'), threshold: 0.1, items: [] },
    ...over,
  });

  it('reads the change over the current cycle from where the previous one closed', () => {
    const indices = cycleIndices(value({}));
    expect(indices.cycle?.id).toBe('Q4');
    expect(indices.customer.now).toBe(0.5);
    expect(indices.customer.change).toBeCloseTo(0.3);
    expect(indices.business.change).toBeCloseTo(-0.05);
  });

  it('has no change in the first cycle, nor for a perspective without measures', () => {
    const first = cycleIndices(
      value({
        cycles: [{ cycle: cycle('Q4'), customer: 0.5, business: null }],
        now: { customer: 0.5, business: null },
      }),
    );
    expect(first.customer).toEqual({ now: 0.5, change: null });
    expect(first.business).toEqual({ now: null, change: null });
  });

  it('has no cycle before any started', () => {
    const none = cycleIndices(
      value({ cycles: [], alerts: { cycle: null, threshold: 0.1, items: [] } }),
    );
    expect(none.cycle).toBeNull();
    expect(none.customer.change).toBeNull();
  });
});
