import { FormControl } from '@angular/forms';
import {
  httpUrlValidator,
  notInFutureValidator,
  readingValueValidator,
  toLocalInput,
} from './reading-form';

describe('reading form rules', () => {
  it('accepts finite numbers within the measure limit', () => {
    expect(readingValueValidator(new FormControl(21))).toBeNull();
    expect(readingValueValidator(new FormControl(null))).toBeNull();
    expect(readingValueValidator(new FormControl(2e12))).toEqual({ range: true });
    expect(readingValueValidator(new FormControl('abc'))).toEqual({ number: true });
  });

  it('refuses an observation in the future', () => {
    const now = new Date(2026, 10, 23, 12, 0).getTime();
    const rule = notInFutureValidator(() => now);
    expect(rule(new FormControl(toLocalInput(new Date(now))))).toBeNull();
    expect(rule(new FormControl(toLocalInput(new Date(now + 3_600_000))))).toEqual({
      future: true,
    });
  });

  it('takes http and https evidence links only', () => {
    expect(httpUrlValidator(new FormControl('https://example.com/x'))).toBeNull();
    expect(httpUrlValidator(new FormControl(''))).toBeNull();
    expect(httpUrlValidator(new FormControl('javascript:alert(1)'))).toEqual({ url: true });
    expect(httpUrlValidator(new FormControl('not a url'))).toEqual({ url: true });
  });

  it('formats a moment for a datetime-local field', () => {
    expect(toLocalInput(new Date(2026, 0, 5, 7, 3))).toBe('2026-01-05T07:03');
  });
});
