import type { InitiativeStatus } from '@waypoint/contracts';
import { STATUS_LABEL } from '../shared/vocabulary';

export const STATUS_ORDER: readonly InitiativeStatus[] = [
  'draft',
  'proposed',
  'active',
  'on_hold',
  'completed',
  'stopped',
];

/** "3 active, 1 proposed": the non-zero counts in the usual order. */
export function statusBreakdown(byStatus: Readonly<Record<InitiativeStatus, number>>): string {
  const parts = STATUS_ORDER.filter((s) => byStatus[s] > 0).map(
    (s) => `${byStatus[s]} ${STATUS_LABEL[s].toLowerCase()}`,
  );
  return parts.length > 0 ? parts.join(', ') : 'none';
}
