import fc from 'fast-check';
import type { Direction } from '@waypoint/contracts';
import { improvement, measureProgress, measureScaleProblem } from './measure-progress';
import { scale } from '../test/factories';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const direction = fc.constantFrom<Direction>(
  'higher_is_better',
  'lower_is_better',
  'target_is_best',
);

/** A scale whose target lies on the better side of a distinct baseline. */
const consistentScale = fc
  .tuple(direction, finite, finite)
  .filter(([, a, b]) => a !== b)
  .map(([dir, a, b]) => {
    const [low, high] = a < b ? [a, b] : [b, a];
    switch (dir) {
      case 'higher_is_better':
        return scale(dir, low, high);
      case 'lower_is_better':
        return scale(dir, high, low);
      case 'target_is_best':
        return a < b ? scale(dir, low, high) : scale(dir, high, low);
    }
  });

describe('measureProgress', () => {
  it.each([
    // DOMAIN.md: a lower-is-better measure falling from 40 to 30 toward 20 is at 0.5.
    ['lower_is_better', 40, 20, 30, 0.5],
    ['lower_is_better', 40, 20, 40, 0],
    ['lower_is_better', 40, 20, 20, 1],
    ['lower_is_better', 40, 20, 10, 1.5],
    ['lower_is_better', 40, 20, 50, -0.5],
    ['higher_is_better', 10, 20, 15, 0.5],
    ['higher_is_better', 10, 20, 10, 0],
    ['higher_is_better', 10, 20, 20, 1],
    ['higher_is_better', 10, 20, 25, 1.5],
    ['higher_is_better', 10, 20, 5, -0.5],
    ['higher_is_better', -10, 10, 0, 0.5],
    ['target_is_best', 10, 20, 20, 1],
    ['target_is_best', 10, 20, 10, 0],
    ['target_is_best', 10, 20, 15, 0.5],
    ['target_is_best', 10, 20, 25, 0.5],
    ['target_is_best', 10, 20, 30, 0],
    ['target_is_best', 10, 20, 35, -0.5],
    ['target_is_best', 10, 20, 5, -0.5],
    ['target_is_best', 30, 20, 15, 0.5],
    // Inconsistent scales: the direction says which way is better.
    ['higher_is_better', 50, 40, 40, -1],
    ['lower_is_better', 20, 40, 40, -1],
  ] as const)('%s from %d toward %d reads %d as %d', (dir, baseline, target, value, expected) => {
    expect(measureProgress(scale(dir, baseline, target), value)).toBe(expected);
  });

  describe('when baseline equals target (hold the line)', () => {
    it.each([
      ['higher_is_better', 10, 1],
      ['higher_is_better', 11, 1],
      ['higher_is_better', 9, 0],
      ['lower_is_better', 10, 1],
      ['lower_is_better', 9, 1],
      ['lower_is_better', 11, 0],
      ['target_is_best', 10, 1],
      ['target_is_best', 9, 0],
      ['target_is_best', 11, 0],
    ] as const)('%s at 10 reads %d as %d', (dir, value, expected) => {
      expect(measureProgress(scale(dir, 10, 10), value)).toBe(expected);
    });

    it('never divides by zero', () => {
      fc.assert(
        fc.property(direction, finite, finite, (dir, at, value) => {
          expect(Number.isFinite(measureProgress(scale(dir, at, at), value))).toBe(true);
        }),
      );
    });
  });

  it('is 0 at the baseline and 1 at the target of a consistent scale', () => {
    fc.assert(
      fc.property(consistentScale, (s) => {
        expect(measureProgress(s, s.baseline)).toBe(0);
        expect(measureProgress(s, s.target)).toBe(1);
      }),
    );
  });

  it('is monotonic in the value for higher_is_better, whatever the scale', () => {
    fc.assert(
      fc.property(finite, finite, finite, finite, (baseline, target, v1, v2) => {
        const s = scale('higher_is_better', baseline, target);
        const [low, high] = v1 <= v2 ? [v1, v2] : [v2, v1];
        expect(measureProgress(s, low)).toBeLessThanOrEqual(measureProgress(s, high));
      }),
    );
  });

  it('is strictly increasing in the value for higher_is_better when baseline ≠ target', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: -5000, max: 5000 }),
        fc.integer({ min: 1, max: 100 }),
        (baseline, span, value, step) => {
          const s = scale('higher_is_better', baseline, baseline + span);
          expect(measureProgress(s, value)).toBeLessThan(measureProgress(s, value + step));
        },
      ),
    );
  });

  it('mirrors higher_is_better when the direction is reversed: lower(b,t,v) = higher(-b,-t,-v)', () => {
    fc.assert(
      fc.property(finite, finite, finite, (b, t, v) => {
        expect(measureProgress(scale('lower_is_better', b, t), v)).toBe(
          measureProgress(scale('higher_is_better', -b, -t), -v),
        );
      }),
    );
  });

  it('agrees with (value - baseline) / (target - baseline) on consistent monotone scales', () => {
    fc.assert(
      fc.property(
        consistentScale.filter((s) => s.direction !== 'target_is_best'),
        finite,
        (s, v) => {
          const expected = (v - s.baseline) / (s.target - s.baseline);
          expect(measureProgress(s, v)).toBeCloseTo(expected, 9);
        },
      ),
    );
  });

  it('never exceeds 1 for target_is_best and falls equally on both sides of the target', () => {
    const int = fc.integer({ min: -10_000, max: 10_000 });
    fc.assert(
      fc.property(int, int, fc.integer({ min: 0, max: 10_000 }), (baseline, target, d) => {
        fc.pre(baseline !== target);
        const s = scale('target_is_best', baseline, target);
        expect(measureProgress(s, target + d)).toBeLessThanOrEqual(1);
        expect(measureProgress(s, target + d)).toBe(measureProgress(s, target - d));
        expect(measureProgress(s, target + d + 1)).toBeLessThan(measureProgress(s, target + d));
      }),
    );
  });
});

describe('improvement', () => {
  it.each([
    ['higher_is_better', 10, 15, 5],
    ['higher_is_better', 15, 10, -5],
    ['lower_is_better', 15, 10, 5],
    ['lower_is_better', 10, 15, -5],
    ['lower_is_better', 10, 10, 0],
    ['target_is_best', 10, 18, 8],
    ['target_is_best', 18, 22, 0],
    ['target_is_best', 22, 30, -8],
  ] as const)('%s from %d to %d (target 20) is %d', (dir, from, to, expected) => {
    expect(improvement({ direction: dir, target: 20 }, from, to)).toBe(expected);
  });

  it('has the sign of the change of progress on consistent scales', () => {
    fc.assert(
      fc.property(consistentScale, finite, finite, (s, from, to) => {
        const change = measureProgress(s, to) - measureProgress(s, from);
        const better = improvement(s, from, to);
        if (Math.abs(change) > 1e-9) {
          expect(Math.sign(better)).toBe(Math.sign(change));
        }
      }),
    );
  });
});

describe('measureScaleProblem', () => {
  it.each([
    ['higher_is_better', 10, 20, false],
    ['higher_is_better', 10, 10, false],
    ['higher_is_better', 20, 10, true],
    ['lower_is_better', 20, 10, false],
    ['lower_is_better', 10, 10, false],
    ['lower_is_better', 10, 20, true],
    ['target_is_best', 10, 20, false],
    ['target_is_best', 20, 10, false],
    ['higher_is_better', Number.NaN, 10, true],
    ['target_is_best', 0, Number.POSITIVE_INFINITY, true],
  ] as const)('%s from %d to %d: problem %s', (dir, baseline, target, hasProblem) => {
    expect(measureScaleProblem(scale(dir, baseline, target)) !== null).toBe(hasProblem);
  });

  it('names the target and the baseline', () => {
    expect(measureScaleProblem(scale('higher_is_better', 20, 10))).toBe(
      'A higher-is-better measure needs a target (10) at or above its baseline (20).',
    );
  });
});
