import {
  countText,
  formatMeasure,
  formatDate,
  formatDateTime,
  formatIndex,
  formatNumber,
  formatPercent,
  progressText,
  waitText,
} from './format';
import { NO_VALUE, NOT_MEASURED, OUTCOMES, outcomeLabel } from './vocabulary';

describe('vocabulary and format', () => {
  it.each([
    [0, 'less than an hour'],
    [1, '1 hour'],
    [5, '5 hours'],
    [47, '47 hours'],
    [48, '2 days'],
    [24 * 12 + 5, '12 days'],
  ])('waits %d hours as "%s"', (hours, text) => {
    expect(waitText(hours)).toBe(text);
  });

  it('names every outcome, with an explanation', () => {
    expect(OUTCOMES.map((o) => o.value)).toEqual([
      'go',
      'go_with_conditions',
      'changes_requested',
      'on_hold',
      'rejected',
    ]);
    expect(outcomeLabel('go_with_conditions')).toBe('Go with conditions');
    expect(OUTCOMES.every((o) => o.explanation.length > 10)).toBe(true);
  });

  it('writes progress as a percentage, or says there is no reading', () => {
    expect(progressText(0.674)).toBe('67%');
    expect(progressText(null)).toBe('no reading');
  });
});

describe('format', () => {
  it('writes a day the same way everywhere, in UTC', () => {
    expect(formatDate('2026-03-05')).toBe('5 Mar 2026');
    expect(formatDate('2026-03-05T23:30:00Z')).toBe('5 Mar 2026');
    expect(formatDate('2026-09-05', 'UTC', 'short')).toBe('5 Sep');
  });

  it("writes an instant with its time, in the viewer's time zone (UTC in the tests)", () => {
    expect(formatDateTime('2026-03-05T23:30:00Z')).toBe('5 Mar 2026, 23:30');
  });

  it('writes numbers with at most the decimals asked for, and "—" without one', () => {
    expect(formatNumber(1234.567)).toBe('1,234.57');
    expect(formatNumber(2, 0)).toBe('2');
    expect(formatNumber(null)).toBe(NO_VALUE);
  });

  it('writes shares as percentages, indices in % (one format), and says what is missing', () => {
    expect(formatPercent(0.125)).toBe('13%');
    expect(formatPercent(undefined)).toBe(NO_VALUE);
    expect(formatIndex(0.5)).toBe('50%');
    expect(formatIndex(-0.08)).toBe('-8%');
    expect(formatIndex(null)).toBe(NOT_MEASURED);
    expect(waitText(null)).toBe(NO_VALUE);
  });
});

describe('words for counts and measure values', () => {
  it.each([
    [1, 'customer measure', undefined, undefined, '1 customer measure'],
    [3, 'customer measure', undefined, undefined, '3 customer measures'],
    [0, 'step', undefined, 'no steps', 'no steps'],
    [0, 'step', undefined, undefined, '0 steps'],
    [2, 'reply', 'replies', undefined, '2 replies'],
    [1200, 'reading', undefined, undefined, '1,200 readings'],
  ])('%p %p reads "%s"', (count, noun, plural, none, expected) => {
    expect(countText(count, noun, plural, none)).toBe(expected);
  });

  it('says one day, not one days', () => {
    expect(waitText(24 * 2)).toBe('2 days');
    expect(waitText(24 * 7 + 5)).toBe('7 days');
  });

  it('writes money as the locale does, shares and scores against the number', () => {
    expect(formatMeasure(5.8, '£')).toBe('£5.80');
    expect(formatMeasure(6.5, 'EUR')).toBe('€6.50');
    expect(formatMeasure(8, '/10')).toBe('8/10');
    expect(formatMeasure(61, '%')).toBe('61%');
    expect(formatMeasure(22, 'min')).toBe('22 min');
    expect(formatMeasure(null, '£')).toBe(NO_VALUE);
  });
});
