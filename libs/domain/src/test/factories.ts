// Small factories of test data for the domain specs (STYLE.md: no copy-pasted literals).
import type { Cadence, Direction, MilestoneState, Perspective } from '@waypoint/contracts';
import type { MeasureScale } from '../lib/measure-progress';
import type { Cycle, Reading } from '../lib/readings';
import type { TensionCustomerGroup, TensionMeasure } from '../lib/tension';

/** Midnight UTC of an ISO day, e.g. day('2026-10-01'). */
export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** `n` days after `from` (fractions allowed), in exact milliseconds. */
export function daysAfter(from: Date, n: number): Date {
  return new Date(from.getTime() + n * 24 * 60 * 60 * 1000);
}

export const Q4_2026: Cycle = { name: '2026-Q4', start: day('2026-10-01'), end: day('2027-01-01') };

export function scale(direction: Direction, baseline: number, target: number): MeasureScale {
  return { direction, baseline, target };
}

let nextReading = 1;

export function reading(
  measureId: string,
  value: number,
  observedAt: Date,
  overrides: Partial<Reading> = {},
): Reading {
  return { id: `r${nextReading++}`, measureId, value, observedAt, ...overrides };
}

/** A customer measure, higher is better, from 0 to 100, unless overridden. */
export function measure(id: string, overrides: Partial<TensionMeasure> = {}): TensionMeasure {
  return {
    id,
    name: `Measure ${id}`,
    perspective: 'customer',
    direction: 'higher_is_better',
    baseline: 0,
    target: 100,
    ...overrides,
  };
}

export function perspectiveMeasure(
  id: string,
  perspective: Perspective,
  overrides: Partial<TensionMeasure> = {},
): TensionMeasure {
  return measure(id, { perspective, ...overrides });
}

export function group(
  id: string,
  isProtected: boolean,
  name = `Group ${id}`,
): TensionCustomerGroup {
  return { id, name, isProtected };
}

export function milestones(...states: MilestoneState[]): { state: MilestoneState }[] {
  return states.map((state) => ({ state }));
}

export const CADENCES: readonly Cadence[] = ['weekly', 'monthly', 'quarterly'];
