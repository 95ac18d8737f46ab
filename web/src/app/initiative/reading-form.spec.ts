import { FormControl, Validators } from '@angular/forms';
import {
  evidenceErrorText,
  httpUrlValidator,
  notInFutureValidator,
  observedAtErrorText,
  parseReadingValue,
  readingValueValidator,
  toLocalInput,
  valueErrorText,
} from './reading-form';

describe('reading form rules', () => {
  it.each([
    ['6.4', 6.4],
    [' -3 ', -3],
    ['6,4', 6.4],
    ['.5', 0.5],
    ['1e3', 1000],
    ['−2', -2],
    ['abc', null],
    ['6.4.1', null],
    ['1 000', null],
    ['', null],
    ['12abc', null],
  ])('reads %j as %s', (typed, expected) => {
    expect(parseReadingValue(typed)).toBe(expected);
  });

  it('accepts numbers within the measure limit, and says what is wrong otherwise', () => {
    expect(readingValueValidator(new FormControl('21'))).toBeNull();
    expect(readingValueValidator(new FormControl(''))).toBeNull();
    expect(readingValueValidator(new FormControl('2e12'))).toEqual({ range: true });
    expect(readingValueValidator(new FormControl('abc'))).toEqual({ number: true });
    // The example: "abc" says what is wrong and shows a number that would do.
    expect(valueErrorText({ number: true }, 6.4)).toBe('Enter a number, e.g. 6.4.');
    expect(valueErrorText({ required: true }, 40)).toBe('Enter the value you observed, e.g. 40.');
    expect(valueErrorText({ range: true }, 40)).toMatch(/^Enter a number between −1,000,000/);
    expect(valueErrorText(null, 40)).toBeNull();
    const required = new FormControl('', [Validators.required]);
    expect(valueErrorText(required.errors, 1)).toMatch('Enter the value you observed');
  });

  it('refuses an observation in the future, and says so', () => {
    const now = new Date(2026, 10, 23, 12, 0).getTime();
    const rule = notInFutureValidator(() => now);
    expect(rule(new FormControl(toLocalInput(new Date(now))))).toBeNull();
    const future = rule(new FormControl(toLocalInput(new Date(now + 3_600_000))));
    expect(future).toEqual({ future: true });
    expect(observedAtErrorText(future)).toMatch('in the future');
    expect(observedAtErrorText(rule(new FormControl('soon')))).toMatch('Enter a date and time');
  });

  it('takes http and https evidence links only, naming what was typed', () => {
    expect(httpUrlValidator(new FormControl('https://example.com/x'))).toBeNull();
    expect(httpUrlValidator(new FormControl(''))).toBeNull();
    expect(httpUrlValidator(new FormControl('javascript:alert(1)'))).toEqual({ url: true });
    expect(httpUrlValidator(new FormControl('not a url'))).toEqual({ url: true });
    expect(evidenceErrorText({ url: true }, 'intranet/report')).toBe(
      '“intranet/report” is not a web address: enter one starting with https:// or http://.',
    );
  });

  it('formats a moment for a datetime-local field', () => {
    expect(toLocalInput(new Date(2026, 0, 5, 7, 3))).toBe('2026-01-05T07:03');
  });
});
