import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import {
  MEASURE_NUMBER_LIMIT,
  READING_EVIDENCE_URL_MAX_LENGTH,
  READING_NOTE_MAX_LENGTH,
  READING_WITHDRAWAL_REASON_MAX_LENGTH,
} from '@waypoint/contracts';
import { formatNumber } from '../shared/format';

export {
  MEASURE_NUMBER_LIMIT,
  READING_EVIDENCE_URL_MAX_LENGTH,
  READING_NOTE_MAX_LENGTH,
  READING_WITHDRAWAL_REASON_MAX_LENGTH,
};

/** A datetime-local value (YYYY-MM-DDTHH:mm) for a moment, in the browser's time zone. */
export function toLocalInput(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(
    at.getHours(),
  )}:${pad(at.getMinutes())}`;
}

const NUMBER = /^[-+−]?(\d+([.,]\d*)?|[.,]\d+)(e[-+]?\d+)?$/i;

/**
 * The number typed in a reading's value field: digits with an optional sign, one decimal point
 * or comma ("6.4", "6,4", "-3", "1e3"); spaces and thousands separators are not guessed at.
 * Null when it is not a number.
 */
export function parseReadingValue(text: string): number | null {
  const raw = text.trim();
  if (!NUMBER.test(raw)) return null;
  const value = Number(raw.replace('−', '-').replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** The reading's value, as typed: a number within ±MEASURE_NUMBER_LIMIT (as the server checks). */
export const readingValueValidator: ValidatorFn = (
  control: AbstractControl,
): ValidationErrors | null => {
  const raw = control.value as number | string | null;
  if (raw === null || String(raw).trim() === '') return null;
  const value = parseReadingValue(String(raw));
  if (value === null) return { number: true };
  return Math.abs(value) > MEASURE_NUMBER_LIMIT ? { range: true } : null;
};

/** When it was observed: a date and time, not in the future (a minute of clock slack). */
export function notInFutureValidator(now: () => number = Date.now): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const raw = control.value as string | null;
    if (!raw) return null;
    const at = new Date(raw).getTime();
    if (Number.isNaN(at)) return { date: true };
    return at > now() + 60_000 ? { future: true } : null;
  };
}

/** Evidence link: http or https only. */
export const httpUrlValidator: ValidatorFn = (
  control: AbstractControl,
): ValidationErrors | null => {
  const raw = ((control.value as string | null) ?? '').trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : { url: true };
  } catch {
    return { url: true };
  }
};

/** What is wrong with the value typed, in words that say how to fix it (null: nothing). */
export function valueErrorText(errors: ValidationErrors | null, example: number): string | null {
  const eg = `e.g. ${formatNumber(example)}`;
  if (!errors) return null;
  if (errors['required']) return `Enter the value you observed, ${eg}.`;
  if (errors['number']) return `Enter a number, ${eg}.`;
  if (errors['range']) {
    return `Enter a number between −${formatNumber(MEASURE_NUMBER_LIMIT)} and ${formatNumber(
      MEASURE_NUMBER_LIMIT,
    )}.`;
  }
  return null;
}

/** What is wrong with the observation time typed (null: nothing). */
export function observedAtErrorText(errors: ValidationErrors | null): string | null {
  if (!errors) return null;
  if (errors['required']) return 'Enter the date and time it was observed.';
  if (errors['date']) return 'Enter a date and time, e.g. 6 Dec 2026, 14:30.';
  if (errors['future']) return 'This is in the future: a reading is what was observed, up to now.';
  return null;
}

/** What is wrong with the evidence link typed (null: nothing). */
export function evidenceErrorText(errors: ValidationErrors | null, typed: string): string | null {
  if (!errors?.['url']) return null;
  return `“${typed.trim().slice(0, 40)}” is not a web address: enter one starting with https:// or http://.`;
}
