import { CYCLE_MAX_DAYS, type CyclePeriod } from '@waypoint/contracts';
import { formatDay, formatDaySpan } from './day-format';
import type { Cycle } from './readings';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A named span of days, both ends included (YYYY-MM-DD, UTC). */
export interface DaySpan {
  name: string;
  startsOn: string;
  endsOn: string;
}

const MONTHS: Record<CyclePeriod, number> = { quarter: 3, half: 6, month: 1 };

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function midnight(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  return dayOf(new Date(midnight(day).getTime() + days * DAY_MS));
}

/** Days from `startsOn` to `endsOn`, both included. */
export function lengthInDays(startsOn: string, endsOn: string): number {
  return Math.round((midnight(endsOn).getTime() - midnight(startsOn).getTime()) / DAY_MS) + 1;
}

function periodName(period: CyclePeriod, year: number, index: number): string {
  switch (period) {
    case 'quarter':
      return `${year}-Q${index + 1}`;
    case 'half':
      return `${year}-H${index + 1}`;
    case 'month':
      return `${year}-${String(index + 1).padStart(2, '0')}`;
  }
}

/** The calendar quarter (half-year, month) that contains the day, e.g. 2026-Q4. */
export function periodContaining(day: string, period: CyclePeriod): DaySpan {
  const date = midnight(day);
  const year = date.getUTCFullYear();
  const months = MONTHS[period];
  const index = Math.floor(date.getUTCMonth() / months);
  const start = new Date(Date.UTC(year, index * months, 1));
  const nextStart = new Date(Date.UTC(year, (index + 1) * months, 1));
  return {
    name: periodName(period, year, index),
    startsOn: dayOf(start),
    endsOn: dayOf(new Date(nextStart.getTime() - DAY_MS)),
  };
}

/**
 * The first calendar period that starts after `endsOn` (the last day of the latest cycle): the
 * quarter after 2026-Q3 is 2026-Q4; after a cycle ending mid-quarter, the next whole quarter.
 */
export function periodAfter(endsOn: string, period: CyclePeriod): DaySpan {
  const dayAfter = addDays(endsOn, 1);
  const containing = periodContaining(dayAfter, period);
  return containing.startsOn === dayAfter
    ? containing
    : periodContaining(addDays(containing.endsOn, 1), period);
}

/** The cycle as the readings rules read it: the half-open period [first day, day after the last). */
export function cycleWindow(cycle: DaySpan): Cycle {
  return {
    name: cycle.name,
    start: midnight(cycle.startsOn),
    end: midnight(addDays(cycle.endsOn, 1)),
  };
}

/** Why a cycle cannot run from `startsOn` to `endsOn`, or null: it ends after it starts, within a year. */
export function cycleSpanProblem(startsOn: string, endsOn: string): string | null {
  if (endsOn <= startsOn) {
    return `The cycle must end after it starts: ${formatDay(endsOn)} is not after ${formatDay(startsOn)}.`;
  }
  const days = lengthInDays(startsOn, endsOn);
  return days > CYCLE_MAX_DAYS
    ? `A cycle lasts at most ${CYCLE_MAX_DAYS} days; ${formatDaySpan(startsOn, endsOn)} is ${days} days.`
    : null;
}

/**
 * Why a cycle cannot have these dates because another cycle has some of them, named with its
 * dates when known (a concurrent writer may have taken them: then only "another cycle").
 */
export function cycleOverlapProblem(span: Omit<DaySpan, 'name'>, other: DaySpan | null): string {
  const dates = formatDaySpan(span.startsOn, span.endsOn);
  if (other === null) {
    return `${dates} overlaps another cycle; cycles must not overlap. Pick other dates.`;
  }
  return `${dates} overlaps the cycle "${other.name}", which runs from ${formatDaySpan(other.startsOn, other.endsOn)}; cycles must not overlap. Pick other dates.`;
}

/** Whether two spans share at least one day. */
export function overlaps(a: Omit<DaySpan, 'name'>, b: Omit<DaySpan, 'name'>): boolean {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}

/** Today in UTC, YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return dayOf(now);
}
