import { isInCycle } from './readings';
import {
  addDays,
  cycleSpanProblem,
  cycleWindow,
  lengthInDays,
  overlaps,
  periodAfter,
  periodContaining,
  today,
} from './cycle-periods';

describe('calendar periods of cycles', () => {
  it.each([
    ['2026-01-01', 'quarter', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-11-15', 'quarter', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['2026-06-30', 'half', '2026-H1', '2026-01-01', '2026-06-30'],
    ['2026-07-01', 'half', '2026-H2', '2026-07-01', '2026-12-31'],
    ['2028-02-10', 'month', '2028-02', '2028-02-01', '2028-02-29'],
  ] as const)('%s is in the %s %s (%s..%s)', (day, period, name, startsOn, endsOn) => {
    expect(periodContaining(day, period)).toEqual({ name, startsOn, endsOn });
  });

  it('the quarter after a quarter is the next quarter, across the new year', () => {
    expect(periodAfter('2026-09-30', 'quarter')).toEqual({
      name: '2026-Q4',
      startsOn: '2026-10-01',
      endsOn: '2026-12-31',
    });
    expect(periodAfter('2026-12-31', 'quarter').name).toBe('2027-Q1');
  });

  it('after a cycle that ends mid-quarter comes the next whole quarter (no overlap)', () => {
    expect(periodAfter('2026-11-15', 'quarter')).toEqual({
      name: '2027-Q1',
      startsOn: '2027-01-01',
      endsOn: '2027-03-31',
    });
    expect(periodAfter('2026-11-15', 'month').name).toBe('2026-12');
  });

  it('the window of a cycle includes its last day and stops at midnight after it', () => {
    const window = cycleWindow({ name: 'Q', startsOn: '2026-10-01', endsOn: '2026-12-31' });
    expect(window.start.toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(window.end.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(isInCycle(new Date('2026-12-31T23:59:59Z'), window)).toBe(true);
    expect(isInCycle(new Date('2027-01-01T00:00:00Z'), window)).toBe(false);
  });

  it('counts days, adds days, tells overlaps and today', () => {
    expect(lengthInDays('2026-01-01', '2026-03-31')).toBe(90);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    const q = { startsOn: '2026-01-01', endsOn: '2026-03-31' };
    expect(overlaps(q, { startsOn: '2026-03-31', endsOn: '2026-04-30' })).toBe(true);
    expect(overlaps(q, { startsOn: '2026-04-01', endsOn: '2026-04-30' })).toBe(false);
    expect(overlaps(q, { startsOn: '2025-12-01', endsOn: '2026-12-31' })).toBe(true);
    expect(today(new Date('2026-05-06T23:00:00Z'))).toBe('2026-05-06');
  });
});

describe('cycleSpanProblem', () => {
  it('accepts a span that ends after it starts, of at most a year', () => {
    expect(cycleSpanProblem('2026-01-01', '2026-03-31')).toBeNull();
    expect(cycleSpanProblem('2028-01-01', '2028-12-31')).toBeNull(); // 366 days, a leap year
  });

  it('names an inverted, empty or over-long span', () => {
    expect(cycleSpanProblem('2026-04-01', '2026-03-01')).toBe(
      'The cycle must end after it starts: 1 Mar 2026 is not after 1 Apr 2026.',
    );
    expect(cycleSpanProblem('2026-04-01', '2026-04-01')).toMatch(/must end after it starts/);
    expect(cycleSpanProblem('2026-01-01', '2027-01-02')).toBe(
      'A cycle lasts at most 366 days; 1 Jan 2026 to 2 Jan 2027 is 367 days.',
    );
  });
});
