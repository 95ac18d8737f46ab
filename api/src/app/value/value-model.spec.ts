import type { CycleRow, MeasureRow, ReadingRow } from './value-data.repository';
import { latestStartedCycle, startedCycles, ValueModel } from './value-model';
import { computeValueRows } from './value-rows';

const created = new Date('2026-01-01T00:00:00Z');

function measure(overrides: Partial<MeasureRow> & Pick<MeasureRow, 'id'>): MeasureRow {
  return {
    initiativeId: 'i-1',
    name: overrides.id,
    unit: '',
    perspective: 'customer',
    direction: 'higher_is_better',
    baseline: 0,
    target: 10,
    cadence: 'monthly',
    kpiClass: 'neutral',
    weight: 1,
    customerGroupId: null,
    counterMeasureId: null,
    createdAt: created,
    ...overrides,
  };
}

let n = 0;
function reading(measureId: string, value: number, day: string, supersedesId?: string): ReadingRow {
  n += 1;
  return {
    id: `r-${n}`,
    measureId,
    value,
    observedAt: new Date(`${day}T12:00:00Z`),
    supersedesId: supersedesId ?? null,
  };
}

const q1: CycleRow = { id: 'c-1', name: '2026-Q1', startsOn: '2026-01-01', endsOn: '2026-03-31' };
const q2: CycleRow = { id: 'c-2', name: '2026-Q2', startsOn: '2026-04-01', endsOn: '2026-06-30' };

describe('ValueModel', () => {
  const sat = measure({ id: 'sat', name: 'Satisfaction', customerGroupId: 'g-1' });
  const cost = measure({
    id: 'cost',
    name: 'Cost',
    perspective: 'business',
    direction: 'lower_is_better',
    baseline: 100,
    target: 50,
  });
  const other = measure({ id: 'other', initiativeId: 'i-2' });
  const typo = reading('sat', 1, '2026-03-30');
  const readings = [
    reading('sat', 8, '2025-12-20'), // before 2026-Q1: where its cycle standing opens
    reading('sat', 6, '2026-03-20'),
    typo,
    reading('sat', 5, '2026-03-30', typo.id),
    reading('sat', 9, '2026-04-01'),
    reading('cost', 100, '2026-01-10'),
    reading('cost', 75, '2026-03-31'),
    reading('other', 3, '2026-02-01'),
  ];
  const measures = [sat, cost, other];
  const groups = [{ id: 'g-1', name: 'Small accounts', isProtected: true }];
  // The rows the engine stores, read back as every reader reads them.
  const rows = computeValueRows(
    { measures, readings, cycles: [q1, q2], groups },
    new Date('2026-07-01T00:00:00Z'),
  );
  const model = new ValueModel({ measures, ...rows });

  it('keeps each initiative to its own measures and readings', () => {
    expect(model.measures('i-1').map((m) => m.id)).toEqual(['sat', 'cost']);
    expect(model.forCycle('i-2', q1)).toEqual({ customer: 0.3, business: null });
    expect(model.now('unknown')).toEqual({ customer: null, business: null });
  });

  it('computes the measured change of a cycle from its standings (opening before the cycle, else the baseline)', () => {
    const change = model.measuredChange('i-1', q1);
    expect(change.customer.start).toBeCloseTo(0.8);
    expect(change.customer.end).toBeCloseTo(0.5);
    expect(change.customer.change).toBeCloseTo(-0.3);
    expect(change.business).toEqual({ start: 0, end: 0.5, change: 0.5 });
    expect(
      change.measures.map((m) => [
        m.measureId,
        m.first.readingId === null ? 'baseline' : m.first.value,
        m.last.value,
        m.improvement,
      ]),
    ).toEqual([
      ['sat', 8, 5, -3],
      ['cost', 'baseline', 75, 25],
    ]);
    expect(
      model.measuredChange('i-1', { ...q1, id: 'x', startsOn: '2025-01-01', endsOn: '2025-03-31' }),
    ).toEqual({
      customer: { start: null, end: null, change: null },
      business: { start: null, end: null, change: null },
      measures: [],
    });
  });

  it("gives indices now and at each cycle's close (the cycle includes its last day)", () => {
    expect(model.forCycle('i-1', q1).business).toBeCloseTo(0.5);
    // Cost was not read in Q2: it closes where it stood, so the business index is still there.
    expect(model.forCycle('i-1', q2)).toEqual({ customer: 0.9, business: 0.5 });
    expect(model.now('i-1').customer).toBeCloseTo(0.9);
    expect(model.latest('i-1').get('sat')?.value).toBe(9);
    expect(model.standings('i-1')).toEqual([
      expect.objectContaining({ measureId: 'sat', name: 'Satisfaction', value: 9 }),
      expect.objectContaining({ measureId: 'cost', name: 'Cost', value: 75, progress: 0.5 }),
    ]);
  });
});

describe('started cycles', () => {
  const future: CycleRow = {
    id: 'c-9',
    name: '2040-Q1',
    startsOn: '2040-01-01',
    endsOn: '2040-03-31',
  };
  it('are those that started by now, oldest first; the latest is the default', () => {
    const now = new Date('2026-04-01T08:00:00Z');
    expect(startedCycles([future, q2, q1], now).map((c) => c.id)).toEqual(['c-1', 'c-2']);
    expect(latestStartedCycle([future, q2, q1], now)?.id).toBe('c-2');
    expect(latestStartedCycle([future], now)).toBeNull();
  });
});
