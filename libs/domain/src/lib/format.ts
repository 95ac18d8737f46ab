// Formatting for the human explanations of the domain. Not part of the public API.
import type { Direction } from '@waypoint/contracts';
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

/** "in 2026-Q4", or "from 2026-10-01 to 2027-01-01" for an unnamed cycle. */
export function formatCycle(cycle: Cycle): string {
  if (cycle.name !== undefined && cycle.name.trim() !== '') {
    return `in ${cycle.name}`;
  }
  return `from ${isoDay(cycle.start)} to ${isoDay(cycle.end)}`;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
