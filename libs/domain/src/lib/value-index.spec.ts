import fc from 'fast-check';
import { InvalidProgressError, InvalidWeightError } from './errors';
import {
  valueIndex,
  valueIndicesForCycle,
  valueIndicesNow,
  type WeightedProgress,
} from './value-index';
import { Q4_2026, day, measure, reading } from '../test/factories';

const progress = fc.double({ min: -10, max: 10, noNaN: true });
const weight = fc.double({ min: 0.001, max: 1000, noNaN: true });
const entry: fc.Arbitrary<WeightedProgress> = fc.record(
  { progress: fc.option(progress, { nil: null }), weight },
  { requiredKeys: ['progress'] },
);
const withReading = fc.array(fc.record({ progress, weight }), { minLength: 1, maxLength: 20 });

describe('valueIndex', () => {
  it.each<[string, WeightedProgress[], number | null]>([
    ['nothing', [], null],
    ['only measures without a reading', [{ progress: null }, { progress: null, weight: 3 }], null],
    ['only measures of weight 0', [{ progress: 0.5, weight: 0 }], null],
    ['one measure', [{ progress: 0.5 }], 0.5],
    ['equal weights by default', [{ progress: 0 }, { progress: 1 }], 0.5],
    [
      'a weighted mean',
      [
        { progress: 1, weight: 3 },
        { progress: 0, weight: 1 },
      ],
      0.75,
    ],
    ['ignoring measures without a reading', [{ progress: 0.25 }, { progress: null }], 0.25],
    ['ignoring measures of weight 0', [{ progress: 1 }, { progress: -5, weight: 0 }], 1],
    ['progress beyond the target', [{ progress: 1.5 }, { progress: -0.5 }], 0.5],
  ])('of %s', (_label, measures, expected) => {
    expect(valueIndex(measures)).toBe(expected);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects the weight %d', (w) => {
    expect(() => valueIndex([{ progress: 0.5, weight: w }])).toThrow(InvalidWeightError);
  });

  it('rejects a weight even on a measure without a reading', () => {
    expect(() => valueIndex([{ progress: null, weight: -1 }])).toThrow(InvalidWeightError);
  });

  it.each([Number.NaN, Number.NEGATIVE_INFINITY])('rejects the progress %d', (p) => {
    expect(() => valueIndex([{ progress: p }])).toThrow(InvalidProgressError);
  });

  it('lies between the smallest and the largest progress it combines', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), (measures) => {
        const index = valueIndex(measures);
        const read = measures.flatMap((m) => (m.progress === null ? [] : [m.progress]));
        if (read.length === 0) {
          expect(index).toBeNull();
          return;
        }
        expect(index).not.toBeNull();
        expect(index).toBeGreaterThanOrEqual(Math.min(...read) - 1e-9);
        expect(index).toBeLessThanOrEqual(Math.max(...read) + 1e-9);
      }),
    );
  });

  it('does not change when every weight is scaled by the same factor', () => {
    fc.assert(
      fc.property(withReading, fc.double({ min: 0.001, max: 1000, noNaN: true }), (ms, k) => {
        const scaled = ms.map((m) => ({ ...m, weight: m.weight * k }));
        expect(valueIndex(scaled)).toBeCloseTo(valueIndex(ms) ?? Number.NaN, 9);
      }),
    );
  });

  it('does not depend on the order of the measures', () => {
    fc.assert(
      fc.property(withReading, (ms) => {
        expect(valueIndex([...ms].reverse())).toBeCloseTo(valueIndex(ms) ?? Number.NaN, 9);
      }),
    );
  });

  it('is the plain mean when no weights are given', () => {
    fc.assert(
      fc.property(fc.array(progress, { minLength: 1, maxLength: 20 }), (ps) => {
        const mean = ps.reduce((sum, p) => sum + p, 0) / ps.length;
        expect(valueIndex(ps.map((p) => ({ progress: p })))).toBeCloseTo(mean, 9);
      }),
    );
  });

  it('moves toward a measure as its weight grows', () => {
    fc.assert(
      fc.property(withReading, progress, weight, (ms, p, w) => {
        const before = valueIndex([...ms, { progress: p, weight: w }]) ?? Number.NaN;
        const after = valueIndex([...ms, { progress: p, weight: w * 2 }]) ?? Number.NaN;
        expect(Math.abs(after - p)).toBeLessThanOrEqual(Math.abs(before - p) + 1e-9);
      }),
    );
  });
});

describe('value indices of an initiative', () => {
  const nps = measure('nps', { perspective: 'customer', baseline: 20, target: 40 });
  const wait = measure('wait', {
    perspective: 'customer',
    direction: 'lower_is_better',
    baseline: 40,
    target: 20,
    weight: 3,
  });
  const cost = measure('cost', {
    perspective: 'business',
    direction: 'lower_is_better',
    baseline: 100,
    target: 80,
  });
  const revenue = measure('revenue', { perspective: 'business', baseline: 0, target: 10 });
  const measures = [nps, wait, cost, revenue];

  const npsOct = reading('nps', 25, day('2026-10-10'));
  const npsDec = reading('nps', 30, day('2026-12-10'));
  const waitNov = reading('wait', 30, day('2026-11-01'));
  const costSep = reading('cost', 90, day('2026-09-15'));
  const costJan = reading('cost', 85, day('2027-01-10'));
  const readings = [npsOct, npsDec, waitNov, costSep, costJan];

  it('combines the latest reading of each measure now, weighted, by perspective', () => {
    const indices = valueIndicesNow(measures, readings, day('2027-02-01'));
    // nps 0.5 (weight 1), wait 0.5 (weight 3) → 0.5; cost 0.75, revenue unread → 0.75.
    expect(indices.customer).toBe(0.5);
    expect(indices.business).toBe(0.75);
    expect(indices.measures).toEqual([
      { measureId: 'nps', perspective: 'customer', readingId: npsDec.id, value: 30, progress: 0.5 },
      {
        measureId: 'wait',
        perspective: 'customer',
        readingId: waitNov.id,
        value: 30,
        progress: 0.5,
      },
      {
        measureId: 'cost',
        perspective: 'business',
        readingId: costJan.id,
        value: 85,
        progress: 0.75,
      },
      {
        measureId: 'revenue',
        perspective: 'business',
        readingId: null,
        value: null,
        progress: null,
      },
    ]);
  });

  it('ignores readings after now', () => {
    const indices = valueIndicesNow(measures, readings, day('2026-11-01'));
    // nps 0.25 (weight 1), wait 0.5 (weight 3) → 0.4375; cost from September: 0.5.
    expect(indices.customer).toBe(0.4375);
    expect(indices.business).toBe(0.5);
  });

  it('uses only the readings of the cycle for the cycle', () => {
    const indices = valueIndicesForCycle(measures, readings, Q4_2026);
    expect(indices.customer).toBe(0.5);
    expect(indices.business).toBeNull();
  });

  it('uses the correction rather than the reading it supersedes', () => {
    const correction = reading('nps', 40, day('2026-12-10'), { supersedesId: npsDec.id });
    const indices = valueIndicesForCycle([nps], [...readings, correction], Q4_2026);
    expect(indices.customer).toBe(1);
    expect(indices.measures[0].readingId).toBe(correction.id);
  });

  it('gives null indices for an initiative without measures', () => {
    expect(valueIndicesNow([], readings, day('2027-01-01'))).toEqual({
      customer: null,
      business: null,
      measures: [],
    });
  });
});
