import type { StandingRow, ValueRows } from './value-rows';
import { isNoChange, type StoredValueRows, valueRowsChange } from './value-rows-change';

const standing = (overrides: Partial<StandingRow> = {}): StandingRow => ({
  measureId: 'm-1',
  cycleId: 'c-1',
  initiativeId: 'i-1',
  openingReadingId: 'r-1',
  openingObservedAt: new Date('2026-10-01T08:00:00.123Z'),
  openingValue: 41.1,
  closingReadingId: 'r-2',
  closingObservedAt: new Date('2026-11-02T09:30:00.000Z'),
  closingValue: 0.1 + 0.2,
  progressOpening: 0,
  progressClosing: 1 / 3,
  improvement: -2.5,
  ...overrides,
});

/** A computed row as PostgreSQL's JSON gives it back once stored. */
const asStored = (row: StandingRow) =>
  JSON.parse(
    JSON.stringify({
      ...row,
      openingObservedAt: row.openingObservedAt?.toISOString().replace('Z', '+00:00') ?? null,
      closingObservedAt: row.closingObservedAt?.toISOString().replace('Z', '+00:00') ?? null,
    }),
  ) as StoredValueRows['standings'][number];

const rows = (standings: StandingRow[], extra: Partial<ValueRows> = {}): ValueRows => ({
  standings,
  measuresNow: [],
  indices: [],
  now: [],
  ...extra,
});
const stored = (
  standings: StandingRow[],
  extra: Partial<StoredValueRows> = {},
): StoredValueRows => ({
  standings: standings.map(asStored),
  measuresNow: [],
  indices: [],
  now: [],
  ...extra,
});

describe('valueRowsChange', () => {
  it('finds no change when every computed row is stored as it is', () => {
    const computed = [standing(), standing({ cycleId: 'c-2', openingValue: null })];
    const change = valueRowsChange(rows(computed), stored(computed));
    expect(isNoChange(change)).toBe(true);
  });

  it('upserts a row that differs in one column, to the last bit of a number or the millisecond', () => {
    const before = [standing(), standing({ cycleId: 'c-2' }), standing({ cycleId: 'c-3' })];
    const after = [
      standing(),
      standing({ cycleId: 'c-2', closingValue: 0.30000000000000004 + Number.EPSILON }),
      standing({ cycleId: 'c-3', closingObservedAt: new Date('2026-11-02T09:30:00.001Z') }),
    ];
    const change = valueRowsChange(rows(after), stored(before));
    expect(change.upsert.standings.map((r) => r.cycleId)).toEqual(['c-2', 'c-3']);
    expect(isNoChange(change)).toBe(false);
  });

  it('upserts what is new and names what is gone, per table, by its key', () => {
    const change = valueRowsChange(
      rows([standing({ cycleId: 'c-new' })], {
        measuresNow: [
          {
            measureId: 'm-2',
            initiativeId: 'i-1',
            readingId: null,
            value: null,
            observedAt: null,
            progress: null,
          },
        ],
        now: [{ initiativeId: 'i-1', customer: 0.5, business: null }],
      }),
      stored([standing({ cycleId: 'c-old' })], {
        measuresNow: [
          {
            measureId: 'm-gone',
            initiativeId: 'i-1',
            readingId: 'r-9',
            value: 3,
            observedAt: '2026-11-01T00:00:00+00:00',
            progress: 0.2,
          },
        ],
        indices: [
          {
            initiativeId: 'i-1',
            cycleId: 'c-old',
            customerOpening: null,
            customerClosing: null,
            customerChange: null,
            businessOpening: null,
            businessClosing: null,
            businessChange: null,
            counterAlerts: 0,
            counterCritical: 0,
            protectedAlerts: 0,
          },
        ],
        now: [{ initiativeId: 'i-1', customer: 0.5, business: null }],
      }),
    );
    expect(change.upsert.standings.map((r) => r.cycleId)).toEqual(['c-new']);
    expect(change.upsert.measuresNow.map((r) => r.measureId)).toEqual(['m-2']);
    expect(change.upsert.now).toEqual([]);
    expect(change.gone).toEqual({
      standings: [{ measureId: 'm-1', cycleId: 'c-old' }],
      measuresNow: ['m-gone'],
      indices: [{ initiativeId: 'i-1', cycleId: 'c-old' }],
      now: [],
    });
  });

  it('takes a date stored as nothing, or a number stored as a date, for a change', () => {
    const computed = [standing()];
    const odd = { ...asStored(standing()), openingObservedAt: null, closingValue: null };
    const change = valueRowsChange(rows(computed), { ...stored([]), standings: [odd] });
    expect(change.upsert.standings).toHaveLength(1);
  });
});
