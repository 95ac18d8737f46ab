import {
  formatDate as angularFormatDate,
  formatNumber as angularFormatNumber,
} from '@angular/common';
import { Pipe, type PipeTransform } from '@angular/core';
import {
  formatIndexChange,
  formatIndexPercent,
  formatMeasureValue,
  formatMoney,
} from '@waypoint/domain';
import { BASELINE_FROM_FIRST_READING, NO_READING, NO_VALUE, NOT_MEASURED } from './vocabulary';

/** The app's locale for dates and numbers (Angular's default, en-US). */
const LOCALE = 'en-US';

/** Days (YYYY-MM-DD) are read in UTC; instants are shown in UTC or in the viewer's time zone. */
export type TimeZone = 'UTC' | 'local';

/**
 * How the app writes dates and numbers: every place formats through these, so a date or a share
 * reads the same everywhere.
 */

/** A day as "6 Dec 2026" ("6 Dec" when `short`). */
export function formatDate(
  iso: string,
  timeZone: TimeZone = 'UTC',
  length: 'long' | 'short' = 'long',
): string {
  return angularFormatDate(
    iso,
    length === 'short' ? 'd MMM' : 'd MMM y',
    LOCALE,
    timeZone === 'UTC' ? 'UTC' : undefined,
  );
}

/** An instant as "6 Dec 2026, 14:05", in the viewer's time zone. */
export function formatDateTime(iso: string): string {
  return angularFormatDate(iso, 'd MMM y, HH:mm', LOCALE);
}

/** A number with at most `digits` decimals, e.g. 1,234.5, or "—" without one. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined
    ? NO_VALUE
    : angularFormatNumber(value, LOCALE, `1.0-${digits}`);
}

/** A share (0 baseline, 1 target; may overshoot) as a whole percentage, or "—" without one. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? NO_VALUE : formatIndexPercent(value);
}

/** A measure's progress as a whole percentage, or "no reading" before its first reading. */
export function progressText(progress: number | null): string {
  return progress === null ? NO_READING : formatPercent(progress);
}

/** A value index in % (libs/domain: one format everywhere), or "not measured". */
export function formatIndex(value: number | null): string {
  return value === null ? NOT_MEASURED : formatIndexPercent(value);
}

/** How far a value index moved, in points (libs/domain): "+12 points", "no change". */
export function formatIndexMove(change: number | null): string {
  return change === null ? NOT_MEASURED : formatIndexChange(change);
}

/**
 * A measure's value with its unit, as libs/domain writes it: "£5.80", "61%", "8/10", "22 min";
 * "—" without a value.
 */
export function formatMeasure(value: number | null | undefined, unit: string): string {
  return value === null || value === undefined ? NO_VALUE : formatMeasureValue(value, unit, LOCALE);
}

/**
 * A measure's baseline with its unit, or "from the first reading" while the measure waits for
 * the reading that gives it ("Baseline from the first reading").
 */
export function baselineText(baseline: number | null, unit: string): string {
  return baseline === null ? BASELINE_FROM_FIRST_READING : formatMeasure(baseline, unit);
}

/**
 * A count with its noun, singular for one: "1 customer measure", "3 customer measures", "no
 * steps" for zero when `none` says so. `plural` defaults to the noun plus "s".
 */
export function countText(count: number, noun: string, plural = `${noun}s`, none?: string): string {
  if (count === 0 && none !== undefined) return none;
  return `${formatNumber(count, 0)} ${count === 1 ? noun : plural}`;
}

/**
 * Who backs an idea besides its submitter ("me too"): "No one else agrees yet", "1 person
 * agrees", "3 people agree".
 */
export function meTooText(count: number): string {
  if (count === 0) return 'No one else agrees yet';
  return count === 1 ? '1 person agrees' : `${formatNumber(count, 0)} people agree`;
}

/** "less than an hour", "5 hours", "3 days": how long something has waited, from hours. */
export function waitText(hours: number | null): string {
  if (hours === null) return NO_VALUE;
  const whole = Math.max(0, Math.floor(hours));
  if (whole < 1) return 'less than an hour';
  if (whole < 48) return `${whole} ${whole === 1 ? 'hour' : 'hours'}`;
  return countText(Math.floor(whole / 24), 'day');
}

/** `{{ day | day }}`, `{{ instant | day: 'local' }}`: formatDate in a template (empty for none). */
@Pipe({ name: 'day' })
export class DayPipe implements PipeTransform {
  transform(
    value: string | null | undefined,
    timeZone: TimeZone = 'UTC',
    length: 'long' | 'short' = 'long',
  ): string {
    return value ? formatDate(value, timeZone, length) : '';
  }
}

/** `{{ instant | dateTime }}`: formatDateTime in a template. */
@Pipe({ name: 'dateTime' })
export class DateTimePipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return value ? formatDateTime(value) : '';
  }
}

/** `{{ value | amount }}`: formatNumber in a template. */
@Pipe({ name: 'amount' })
export class AmountPipe implements PipeTransform {
  transform(value: number | null | undefined, digits = 2): string {
    return value === null || value === undefined ? '' : formatNumber(value, digits);
  }
}

/** `{{ value | measureValue: unit }}`: formatMeasure in a template (empty for none). */
@Pipe({ name: 'measureValue' })
export class MeasureValuePipe implements PipeTransform {
  transform(value: number | null | undefined, unit: string): string {
    return value === null || value === undefined ? '' : formatMeasure(value, unit);
  }
}

/** `{{ measure.baseline | baseline: measure.unit }}`: baselineText in a template. */
@Pipe({ name: 'baseline' })
export class BaselinePipe implements PipeTransform {
  transform(value: number | null, unit: string): string {
    return baselineText(value, unit);
  }
}

/** An amount of money in minor units, as the locale writes the currency: "£12,500", "-£40.50". */
export function formatMoneyMinor(minor: number | null | undefined, currency: string): string {
  return minor === null || minor === undefined ? NO_VALUE : formatMoney(minor, currency, LOCALE);
}

/** `{{ minor | money: currency }}`: formatMoneyMinor in a template. */
@Pipe({ name: 'money' })
export class MoneyPipe implements PipeTransform {
  transform(minor: number | null | undefined, currency: string): string {
    return formatMoneyMinor(minor, currency);
  }
}
