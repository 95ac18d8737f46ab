import { NO_READING, NO_VALUE, NOT_MEASURED } from './vocabulary';

/**
 * How the app writes dates and numbers: every place formats through these, so a date or a share
 * reads the same everywhere.
 */

/** A day as "6 Dec 2026" (UTC, as the API stores days and instants). */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A number with at most `digits` decimals, e.g. 1,234.5 (en-GB), or "—" without one. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined
    ? NO_VALUE
    : value.toLocaleString('en-GB', { maximumFractionDigits: digits });
}

/** A share (0 baseline, 1 target; may overshoot) as a whole percentage, or "—" without one. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? NO_VALUE : `${Math.round(value * 100)}%`;
}

/** A measure's progress as a whole percentage, or "no reading" before its first reading. */
export function progressText(progress: number | null): string {
  return progress === null ? NO_READING : formatPercent(progress);
}

/** A value index with two decimals, or "not measured". */
export function formatIndex(value: number | null): string {
  return value === null ? NOT_MEASURED : value.toFixed(2);
}

/** "less than an hour", "5 hours", "3 days": how long something has waited, from hours. */
export function waitText(hours: number | null): string {
  if (hours === null) return NO_VALUE;
  const whole = Math.max(0, Math.floor(hours));
  if (whole < 1) return 'less than an hour';
  if (whole < 48) return `${whole} ${whole === 1 ? 'hour' : 'hours'}`;
  return `${Math.floor(whole / 24)} days`;
}
