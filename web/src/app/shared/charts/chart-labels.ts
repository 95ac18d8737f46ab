import type { InitiativeStatus } from '@waypoint/contracts';

/** Colour per status: distinguishable, each with at least 3:1 contrast on white. */
export const STATUS_COLOURS: Record<InitiativeStatus, string> = {
  draft: '#6b7280',
  proposed: '#7c3aed',
  active: '#1565c0',
  on_hold: '#b45309',
  completed: '#2e7d32',
  stopped: '#c62828',
};
