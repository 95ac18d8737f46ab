import fc from 'fast-check';
import { cannotBeNegative, readingPlausibility } from './reading-plausibility';

const cost = { unit: '£', baseline: 6.4, target: 6 };

describe('cannotBeNegative', () => {
  it.each([
    ['£', 6.4, 6, true],
    ['EUR', 6.5, 6, true],
    ['EUR/contact', 6.5, 6, true],
    ['£ per month', 100, 80, true],
    ['minutes', 40, 20, true],
    ['%', 30, 50, true],
    ['12%', 30, 50, true],
    ['Tickets', 300, 200, true],
    ['points', 20, 40, false],
    ['NPS', 20, 40, false],
    ['score', 3, 4, false],
    // A scale that itself goes below zero takes either sign, whatever the unit.
    ['EUR', -500, 0, false],
    ['%', 5, -2, false],
  ])('%s from %d to %d: %s', (unit, baseline, target, expected) => {
    expect(cannotBeNegative({ unit, baseline, target })).toBe(expected);
  });
});

describe('readingPlausibility', () => {
  it.each([
    // The example: -3 £ for a cost whose baseline is 6.4.
    ['-3 £ for a cost', cost, [], -3, { kind: 'wrong_sign' }],
    ['6.2 £, on the way', cost, [], 6.2, null],
    ['9 £, worse but plausible', cost, [6.3], 9, null],
    [
      '64 £, a slipped decimal point',
      cost,
      [6.3],
      64,
      { kind: 'far_outside', side: 'above', low: 6, high: 6.4 },
    ],
    ['0 £', cost, [], 0, null],
    [
      '200 minutes for 40 → 20',
      { unit: 'minutes', baseline: 40, target: 20 },
      [35, 31],
      200,
      { kind: 'far_outside', side: 'above', low: 20, high: 40 },
    ],
    ['80 minutes', { unit: 'minutes', baseline: 40, target: 20 }, [], 80, null],
    [
      '-80 points for NPS 20 → 40',
      { unit: 'points', baseline: 20, target: 40 },
      [],
      -80,
      { kind: 'far_outside', side: 'below', low: 20, high: 40 },
    ],
    ['-10 points for NPS 20 → 40', { unit: 'points', baseline: 20, target: 40 }, [], -10, null],
    ['history widens the range', { unit: 'points', baseline: 20, target: 40 }, [-60], -80, null],
    [
      'all zero: width 1',
      { unit: 'points', baseline: 0, target: 0 },
      [],
      3.5,
      { kind: 'far_outside', side: 'above', low: 0, high: 0 },
    ],
    ['all zero, small value', { unit: 'points', baseline: 0, target: 0 }, [], 2, null],
  ])('%s', (_label, measure, history, value, expected) => {
    expect(readingPlausibility(measure, history, value)).toEqual(expected);
  });

  it('never asks about a value within the known range', () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        finite,
        finite,
        fc.array(finite, { maxLength: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (baseline, target, history, t) => {
          const known = [baseline, target, ...history];
          const low = Math.min(...known);
          const high = Math.max(...known);
          const value = low + (high - low) * t;
          const measure = { unit: 'points', baseline, target };
          expect(readingPlausibility(measure, history, value)).toBeNull();
        },
      ),
    );
  });

  it('asks about any negative value of money, whatever the history', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: -1e-9, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true })),
        (value, history) => {
          expect(
            readingPlausibility({ unit: 'EUR', baseline: 10, target: 5 }, history, value),
          ).toEqual({ kind: 'wrong_sign' });
        },
      ),
    );
  });
});
