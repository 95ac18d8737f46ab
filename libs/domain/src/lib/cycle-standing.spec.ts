import fc from 'fast-check';
import type { Direction } from '@waypoint/contracts';
import {
  cycleIndices,
  cycleStanding,
  cycleStandings,
  isWorsening,
  standingChange,
  standingCutoff,
  type StandingMeasure,
} from './cycle-standing';
import type { MeasureScale } from './measure-progress';
import type { Reading } from './readings';
import { Q4_2026, daysAfter, perspectiveMeasure, reading } from '../test/factories';

const AFTER_Q4 = daysAfter(Q4_2026.end, 30);
const before = (days: number) => daysAfter(Q4_2026.start, -days);
const inQ4 = (day: number) => daysAfter(Q4_2026.start, day);

const sat: StandingMeasure & MeasureScale = {
  id: 'sat',
  baseline: 62,
  target: 80,
  direction: 'higher_is_better',
};

function standingOf(readings: Reading[], now = AFTER_Q4, measure: StandingMeasure = sat) {
  return cycleStanding(measure, readings, Q4_2026, now);
}

describe('cycleStanding', () => {
  it('opens at the last reading before the cycle and closes at the last one by its end', () => {
    const q3a = reading('sat', 58, before(60));
    const q3b = reading('sat', 60, before(10));
    const q4 = reading('sat', 52, inQ4(40));
    const standing = standingOf([q4, q3b, q3a]);
    expect(standing.opening).toEqual({ reading: q3b, value: 60 });
    expect(standing.closing).toEqual({ reading: q4, value: 52 });
    expect(standingChange(sat, standing)?.improvement).toBe(-8);
    expect(isWorsening(sat, standing)).toBe(true);
  });

  it('opens at the baseline when there is no earlier reading', () => {
    const q4 = reading('sat', 70, inQ4(3));
    expect(standingOf([q4]).opening).toEqual({ reading: null, value: 62 });
    expect(standingChange(sat, standingOf([q4]))?.improvement).toBe(8);
  });

  it('opens at the first reading in the cycle when there is no baseline either', () => {
    const first = reading('sat', 70, inQ4(3));
    const last = reading('sat', 75, inQ4(50));
    const standing = standingOf([last, first], AFTER_Q4, { id: 'sat', baseline: null });
    expect(standing.opening?.reading).toBe(first);
    expect(standing.closing?.reading).toBe(last);
  });

  it('has no closing without a reading by the end, and then no change', () => {
    const standing = standingOf([reading('sat', 70, Q4_2026.end)]);
    expect(standing).toEqual({
      measureId: 'sat',
      opening: { reading: null, value: 62 },
      closing: null,
    });
    expect(standingChange(sat, standing)).toBeNull();
    expect(isWorsening(sat, standing)).toBe(false);
  });

  it('carries the last earlier reading when the measure was not read in the cycle (no change)', () => {
    const q3 = reading('sat', 60, before(10));
    const standing = standingOf([q3]);
    expect(standing.opening?.reading).toBe(q3);
    expect(standing.closing?.reading).toBe(q3);
    expect(standingChange(sat, standing)?.improvement).toBe(0);
  });

  it('closes the running cycle at now: readings after now do not count yet', () => {
    const early = reading('sat', 65, inQ4(5));
    const later = reading('sat', 75, inQ4(40));
    expect(standingOf([early, later], inQ4(20)).closing?.reading).toBe(early);
    expect(standingOf([early, later], later.observedAt).closing?.reading).toBe(later);
    expect(standingCutoff(Q4_2026, inQ4(20)).getTime()).toBe(inQ4(20).getTime() + 1);
    expect(standingCutoff(Q4_2026, AFTER_Q4)).toEqual(Q4_2026.end);
  });

  it('uses corrections instead of the readings they supersede, and other measures not at all', () => {
    const wrong = reading('sat', 5, inQ4(10));
    const fix = reading('sat', 66, inQ4(10), { supersedesId: wrong.id });
    const other = reading('nps', 99, inQ4(20));
    expect(standingOf([wrong, fix, other]).closing?.reading).toBe(fix);
  });

  it('takes the later-recorded of two readings observed at the same time', () => {
    const a = reading('sat', 60, before(5));
    const b = reading('sat', 61, before(5));
    expect(standingOf([a, b]).opening?.reading).toBe(b);
  });
});

describe('cycleIndices', () => {
  it('compares each perspective over the measures that have a closing', () => {
    const nps = perspectiveMeasure('nps', 'customer'); // 0 → 100
    const unread = perspectiveMeasure('unread', 'customer');
    const cost = perspectiveMeasure('cost', 'business', {
      direction: 'lower_is_better',
      baseline: 100,
      target: 0,
      weight: 2,
    });
    const readings = [
      reading('nps', 40, before(3)),
      reading('nps', 20, inQ4(10)),
      reading('cost', 90, inQ4(10)),
    ];
    const standings = cycleStandings([nps, unread, cost], readings, Q4_2026, AFTER_Q4);
    expect(standings.size).toBe(3);
    const indices = cycleIndices([nps, unread, cost], standings);
    expect(indices.customer).toEqual({ opening: 0.4, closing: 0.2, change: -0.2 });
    expect(indices.business).toEqual({ opening: 0, closing: 0.1, change: 0.1 });
    expect(cycleIndices([unread], standings).customer).toEqual({
      opening: null,
      closing: null,
      change: null,
    });
  });
});

describe('cycleStanding properties', () => {
  const DIRECTIONS: readonly Direction[] = ['higher_is_better', 'lower_is_better'];
  const valueArb = fc.integer({ min: -200, max: 200 });
  /** Readings of `sat` from 60 days before Q4 to 30 days after it, some superseding others. */
  const readingsArb = fc
    .array(fc.record({ value: valueArb, day: fc.integer({ min: -60, max: 120 }) }), {
      maxLength: 8,
    })
    .map((rs) => rs.map(({ value, day }) => reading('sat', value, inQ4(day))));
  const measureArb = fc.record({
    id: fc.constant('sat'),
    baseline: fc.option(valueArb, { nil: null }),
  });
  const nowArb = fc.integer({ min: -10, max: 130 }).map(inQ4);

  it('adding a reading before the cycle never changes a closing that lies in the cycle', () => {
    fc.assert(
      fc.property(
        measureArb,
        readingsArb,
        valueArb,
        fc.integer({ min: 1, max: 90 }),
        nowArb,
        (measure, readings, value, daysBefore, now) => {
          const standing = cycleStanding(measure, readings, Q4_2026, now);
          const closingReading = standing.closing?.reading ?? null;
          fc.pre(closingReading !== null && closingReading.observedAt >= Q4_2026.start);
          const added = [...readings, reading('sat', value, before(daysBefore))];
          expect(cycleStanding(measure, added, Q4_2026, now).closing).toEqual(standing.closing);
        },
      ),
    );
  });

  it('adding a reading in the cycle never changes an opening that lies before it', () => {
    fc.assert(
      fc.property(
        measureArb,
        readingsArb,
        valueArb,
        fc.integer({ min: 0, max: 91 }),
        (measure, readings, value, day) => {
          const standing = cycleStanding(measure, readings, Q4_2026, AFTER_Q4);
          fc.pre((standing.opening?.reading ?? null) !== null || measure.baseline !== null);
          fc.pre((standing.opening?.reading?.observedAt ?? before(1)) < Q4_2026.start);
          const added = [...readings, reading('sat', value, inQ4(day))];
          expect(cycleStanding(measure, added, Q4_2026, AFTER_Q4).opening).toEqual(
            standing.opening,
          );
        },
      ),
    );
  });

  it('reversing a measure’s direction mirrors its change', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DIRECTIONS),
        valueArb,
        fc.integer({ min: 1, max: 100 }),
        readingsArb,
        (direction, baseline, span, readings) => {
          const scale: MeasureScale = { direction, baseline, target: baseline + span };
          const reversed: MeasureScale = {
            ...scale,
            direction: direction === 'higher_is_better' ? 'lower_is_better' : 'higher_is_better',
          };
          const standing = cycleStanding({ id: 'sat', baseline }, readings, Q4_2026, AFTER_Q4);
          const change = standingChange(scale, standing);
          const mirrored = standingChange(reversed, standing);
          if (change === null || mirrored === null) {
            expect(mirrored).toBe(change);
            return;
          }
          expect(mirrored.improvement).toBeCloseTo(-change.improvement, 9);
          expect(mirrored.progressChange).toBeCloseTo(-change.progressChange, 9);
          expect(isWorsening(reversed, standing)).toBe(change.improvement > 0);
        },
      ),
    );
  });

  it('readings at or after the cut-off change nothing', () => {
    fc.assert(
      fc.property(measureArb, readingsArb, valueArb, nowArb, (measure, readings, value, now) => {
        const cutoff = standingCutoff(Q4_2026, now);
        const late = reading('sat', value, cutoff);
        expect(cycleStanding(measure, [...readings, late], Q4_2026, now)).toEqual(
          cycleStanding(measure, readings, Q4_2026, now),
        );
      }),
    );
  });

  it('does not depend on the order of readings observed at different times', () => {
    fc.assert(
      fc.property(measureArb, readingsArb, nowArb, (measure, readings, now) => {
        const times = readings.map((r) => r.observedAt.getTime());
        fc.pre(new Set(times).size === times.length);
        expect(cycleStanding(measure, [...readings].reverse(), Q4_2026, now)).toEqual(
          cycleStanding(measure, readings, Q4_2026, now),
        );
      }),
    );
  });

  it('cycleStandings agrees with cycleStanding measure by measure', () => {
    fc.assert(
      fc.property(measureArb, readingsArb, nowArb, (measure, readings, now) => {
        const other = { id: 'other', baseline: 1 };
        const all = cycleStandings([measure, other], readings, Q4_2026, now);
        expect(all.get('sat')).toEqual(cycleStanding(measure, readings, Q4_2026, now));
        expect(all.get('other')).toEqual({
          measureId: 'other',
          opening: { reading: null, value: 1 },
          closing: null,
        });
      }),
    );
  });
});
