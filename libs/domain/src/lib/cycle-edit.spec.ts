import { cycleDatesLockedProblem } from './cycle-edit';

describe('cycleDatesLockedProblem', () => {
  it.each([
    // reviews, endsOn, today, expected
    [0, '2026-12-31', '2026-12-06', null],
    [0, '2026-12-06', '2026-12-06', null],
    [
      1,
      '2026-12-31',
      '2026-12-06',
      'Its dates can no longer change: 1 cycle review was written for this cycle.',
    ],
    [
      3,
      '2026-12-31',
      '2026-12-06',
      'Its dates can no longer change: 3 cycle reviews were written for this cycle.',
    ],
    [
      0,
      '2026-09-30',
      '2026-12-06',
      'Its dates can no longer change: the cycle has ended and its results have been reported.',
    ],
  ])('with %i reviews, ending %s, on %s: %s', (reviews, endsOn, today, expected) => {
    expect(cycleDatesLockedProblem({ reviews, endsOn, today })).toBe(expected);
  });
});
