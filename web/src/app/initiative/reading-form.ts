import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import {
  MEASURE_NUMBER_LIMIT,
  READING_EVIDENCE_URL_MAX_LENGTH,
  READING_NOTE_MAX_LENGTH,
} from '@waypoint/contracts';

export { MEASURE_NUMBER_LIMIT, READING_EVIDENCE_URL_MAX_LENGTH, READING_NOTE_MAX_LENGTH };

/** A datetime-local value (YYYY-MM-DDTHH:mm) for a moment, in the browser's time zone. */
export function toLocalInput(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(
    at.getHours(),
  )}:${pad(at.getMinutes())}`;
}

/** The reading's value: a finite number within ±MEASURE_NUMBER_LIMIT (as the server checks). */
export const readingValueValidator: ValidatorFn = (
  control: AbstractControl,
): ValidationErrors | null => {
  const raw = control.value as number | string | null;
  if (raw === null || raw === '') return null;
  const value = Number(raw);
  if (!Number.isFinite(value)) return { number: true };
  return Math.abs(value) > MEASURE_NUMBER_LIMIT ? { range: true } : null;
};

/** When it was observed: not in the future (a minute of clock slack). */
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
