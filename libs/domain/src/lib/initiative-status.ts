import type { InitiativeStatus } from '@waypoint/contracts';
import { InitiativeTransitionError } from './errors';

/**
 * The allowed status changes of an initiative, by current status.
 *
 *   draft ──→ proposed ──→ active ⇄ on_hold
 *     ↑          │           │         │
 *     └──────────┘           ↓         │
 *                        completed     │
 *   stopped ← (from draft, proposed, active or on_hold)
 *
 * - draft → proposed: the manager proposes the plan to the sponsor.
 * - proposed → draft: sent back (or withdrawn) for rework.
 * - proposed → active: the sponsor accepts; work on the first milestone can start.
 * - active ⇄ on_hold: paused and resumed.
 * - active → completed: only from active; an initiative on hold is resumed before completing.
 * - → stopped: from any status that is not final (a rejected gate, a declined proposal, an
 *   abandoned draft or hold).
 * - completed and stopped are final. Staying in the same status is not a transition.
 */
export const INITIATIVE_TRANSITIONS: Readonly<
  Record<InitiativeStatus, readonly InitiativeStatus[]>
> = {
  draft: ['proposed', 'stopped'],
  proposed: ['draft', 'active', 'stopped'],
  active: ['on_hold', 'completed', 'stopped'],
  on_hold: ['active', 'stopped'],
  completed: [],
  stopped: [],
};

/** Statuses an initiative can go to from `from`. */
export function nextInitiativeStatuses(from: InitiativeStatus): readonly InitiativeStatus[] {
  return INITIATIVE_TRANSITIONS[from];
}

export function canTransitionInitiative(from: InitiativeStatus, to: InitiativeStatus): boolean {
  return INITIATIVE_TRANSITIONS[from].includes(to);
}

/** Throws {@link InitiativeTransitionError}, naming both statuses, unless the change is allowed. */
export function assertInitiativeTransition(from: InitiativeStatus, to: InitiativeStatus): void {
  if (!canTransitionInitiative(from, to)) {
    throw new InitiativeTransitionError(from, to);
  }
}

/** Whether the status is final (nothing can follow it). */
export function isFinalInitiativeStatus(status: InitiativeStatus): boolean {
  return INITIATIVE_TRANSITIONS[status].length === 0;
}
