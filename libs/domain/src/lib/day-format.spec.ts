import { formatDay, formatDaySpan } from './day-format';

describe('formatDay', () => {
  it.each([
    ['2030-04-15', '15 Apr 2030'],
    ['2026-12-01', '1 Dec 2026'],
    ['2026-01-31T23:59:59.000Z', '31 Jan 2026'],
    [new Date('2027-02-03T10:00:00Z'), '3 Feb 2027'],
  ])('%p reads "%s"', (day, expected) => {
    expect(formatDay(day)).toBe(expected);
  });

  it('leaves what is not a date as it is', () => {
    expect(formatDay('someday')).toBe('someday');
  });

  it('writes a span of days', () => {
    expect(formatDaySpan('2030-04-01', '2030-06-30')).toBe('1 Apr 2030 to 30 Jun 2030');
  });
});
