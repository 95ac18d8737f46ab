import { OBSERVED_AT_SKEW_MS } from '../measures';
import type { CycleRow, MeasureRow, ReadingRow } from './value-data.repository';
import { compareRows } from './value-check';
import { computeValueRows, engineNow, READING_CLOCK_SKEW_MS } from './value-rows';

const created = new Date('2026-01-01T00:00:00Z');
const measure = (overrides: Partial<MeasureRow> & Pick<MeasureRow, 'id'>): MeasureRow => ({
  initiativeId: 'i-1',
  name: overrides.id,
  unit: '',
  perspective: 'customer',
  direction: 'higher_is_better',
  baseline: 60,
  target: 80,
  cadence: 'quarterly',
  kpiClass: 'neutral',
  weight: 1,
  customerGroupId: null,
  counterMeasureId: null,
  createdAt: created,
  ...overrides,
});
const reading = (id: string, measureId: string, value: number, at: string): ReadingRow => ({
  id,
  measureId,
  value,
  observedAt: new Date(at),
  supersedesId: null,
});
const q3: CycleRow = { id: 'q3', name: '2026-Q3', startsOn: '2026-07-01', endsOn: '2026-09-30' };
const q4: CycleRow = { id: 'q4', name: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' };

describe('the stored value rows', () => {
  const satisfaction = measure({ id: 'sat' });
  const cost = measure({
    id: 'cost',
    perspective: 'business',
    direction: 'lower_is_better',
    baseline: 95,
    target: 75,
  });
  // Issue 13, scenario 1: read once a quarter.
  const readings = [
    reading('s3', 'sat', 60, '2026-08-15T00:00:00Z'),
    reading('c3', 'cost', 95, '2026-08-15T00:00:00Z'),
    reading('s4', 'sat', 52, '2026-11-15T00:00:00Z'),
    reading('c4', 'cost', 85, '2026-11-15T00:00:00Z'),
  ];
  const now = new Date('2026-12-06T00:00:00Z');
  const rows = computeValueRows(
    { measures: [satisfaction, cost], readings, cycles: [q3, q4], groups: [] },
    now,
  );

  it('keep, per measure and cycle, where the standing opened and closed', () => {
    const sat4 = rows.standings.find((s) => s.measureId === 'sat' && s.cycleId === 'q4');
    expect(sat4).toMatchObject({
      openingReadingId: 's3',
      openingValue: 60,
      closingReadingId: 's4',
      closingValue: 52,
      progressOpening: 0,
      progressClosing: -0.4,
      improvement: -8,
    });
    const sat3 = rows.standings.find((s) => s.measureId === 'sat' && s.cycleId === 'q3');
    expect(sat3).toMatchObject({ openingReadingId: null, openingValue: 60, closingValue: 60 });
  });

  it("keep each initiative's indices per cycle (opening, closing, change) and now", () => {
    expect(rows.indices.find((r) => r.cycleId === 'q4')).toEqual({
      initiativeId: 'i-1',
      cycleId: 'q4',
      customerOpening: 0,
      customerClosing: -0.4,
      customerChange: -0.4,
      businessOpening: 0,
      businessClosing: 0.5,
      businessChange: 0.5,
      counterAlerts: 0,
      counterCritical: 0,
      protectedAlerts: 0,
    });
    expect(rows.now).toEqual([{ initiativeId: 'i-1', customer: -0.4, business: 0.5 }]);
    expect(rows.measuresNow.map((m) => [m.measureId, m.readingId])).toEqual([
      ['sat', 's4'],
      ['cost', 'c4'],
    ]);
  });

  it('leave out a reading observed after now', () => {
    const later = computeValueRows(
      {
        measures: [satisfaction, cost],
        readings: [...readings, reading('s5', 'sat', 70, '2026-12-20T00:00:00Z')],
        cycles: [q3, q4],
        groups: [],
      },
      now,
    );
    expect(compareRows(rows, later)).toEqual([]);
  });

  it('are compared field by field (value:check)', () => {
    const changed = structuredClone(rows);
    const first = changed.now[0];
    if (first) first.customer = 0.1;
    changed.standings.pop();
    expect(compareRows(rows, changed)).toEqual([
      expect.stringMatching(/^value_standings cost\/q4: missing/),
      'value_now i-1: customer is 0.1, the readings give -0.4',
    ]);
  });

  it("count a reading the API accepts at once (the engine's now allows its clock skew)", () => {
    expect(READING_CLOCK_SKEW_MS).toBe(OBSERVED_AT_SKEW_MS);
    expect(engineNow(now).getTime() - now.getTime()).toBe(OBSERVED_AT_SKEW_MS);
  });
});
