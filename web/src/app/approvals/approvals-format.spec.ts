import { OUTCOMES, outcomeLabel, progressText, waitingText } from './approvals-format';

describe('approvals format', () => {
  it.each([
    [0, 'less than an hour'],
    [1, '1 hour'],
    [5, '5 hours'],
    [47, '47 hours'],
    [48, '2 days'],
    [24 * 12 + 5, '12 days'],
  ])('waits %d hours as "%s"', (hours, text) => {
    expect(waitingText(hours)).toBe(text);
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
