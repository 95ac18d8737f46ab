// Formatting for the human explanations of the domain. Not part of the public API.
import type { Direction } from '@waypoint/contracts';
import { formatDay } from './day-format';
import type { Cycle } from './readings';

/** A reading value for people: at most two decimals, no trailing zeros. */
export function formatValue(value: number, unit?: string): string {
  const rounded = Math.round(value * 100) / 100 + 0;
  return unit === undefined || unit === '' ? String(rounded) : `${rounded} ${unit}`;
}

export function formatDirection(direction: Direction, target: number, unit?: string): string {
  switch (direction) {
    case 'higher_is_better':
      return 'higher is better';
    case 'lower_is_better':
      return 'lower is better';
    case 'target_is_best':
      return `closest to ${formatValue(target, unit)} is best`;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * "in 2026-Q4", or "from 1 Oct 2026 to 31 Dec 2026" for an unnamed cycle: its first and last day
 * (the window ends at the midnight after its last day), written as every date is (`formatDay`).
 */
export function formatCycle(cycle: Cycle): string {
  if (cycle.name !== undefined && cycle.name.trim() !== '') {
    return `in ${cycle.name}`;
  }
  return `from ${formatDay(cycle.start)} to ${formatDay(new Date(cycle.end.getTime() - DAY_MS))}`;
}
