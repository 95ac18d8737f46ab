import type { InitiativeStatus } from '@waypoint/contracts';

export const STATUS_LABELS: Record<InitiativeStatus, string> = {
  draft: 'Draft',
  proposed: 'Proposed',
  active: 'Active',
  on_hold: 'On hold',
  completed: 'Completed',
  stopped: 'Stopped',
};

/** Colour per status: distinguishable, each with at least 3:1 contrast on white. */
export const STATUS_COLOURS: Record<InitiativeStatus, string> = {
  draft: '#6b7280',
  proposed: '#7c3aed',
  active: '#1565c0',
  on_hold: '#b45309',
  completed: '#2e7d32',
  stopped: '#c62828',
};

export function formatIndex(value: number | null): string {
  return value === null ? 'not measured' : value.toFixed(2);
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
