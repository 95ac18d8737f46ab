import type { DecisionOutcome, InitiativeStatus, MilestoneState } from '@waypoint/contracts';
import {
  MilestoneStartBlockedError,
  MilestoneTransitionError,
  type MilestoneEventName,
} from './errors';

/**
 * What can happen to a milestone (a stage gate).
 *
 * - `start`: planned → in_progress. Also check {@link canStartMilestone}: only the first
 *   milestone not yet approved may start.
 * - `submit`: in_progress → submitted (check `submissionBlockers` first; the evidence snapshot
 *   is frozen at this moment).
 * - `decide`: submitted → approved (go, go with conditions) | changes_requested | on_hold |
 *   rejected. See `decisionViolations`, `canDecide` and `initiativeStatusAfterDecision`.
 * - `resume`: on_hold | changes_requested → in_progress; the team works on and submits again.
 *
 * approved and rejected are final.
 */
export type MilestoneEvent =
  | { type: 'start' }
  | { type: 'submit' }
  | { type: 'decide'; outcome: DecisionOutcome }
  | { type: 'resume' };

/** The state a decision outcome puts a submitted milestone in. */
export function milestoneStateAfterOutcome(outcome: DecisionOutcome): MilestoneState {
  switch (outcome) {
    case 'go':
    case 'go_with_conditions':
      return 'approved';
    case 'changes_requested':
      return 'changes_requested';
    case 'on_hold':
      return 'on_hold';
    case 'rejected':
      return 'rejected';
  }
}

/** The state `event` leads to from `state`, or null when the milestone does not accept it. */
export function nextMilestoneState(
  state: MilestoneState,
  event: MilestoneEvent,
): MilestoneState | null {
  switch (event.type) {
    case 'start':
      return state === 'planned' ? 'in_progress' : null;
    case 'submit':
      return state === 'in_progress' ? 'submitted' : null;
    case 'decide':
      return state === 'submitted' ? milestoneStateAfterOutcome(event.outcome) : null;
    case 'resume':
      return state === 'on_hold' || state === 'changes_requested' ? 'in_progress' : null;
  }
}

export function canApplyMilestoneEvent(state: MilestoneState, event: MilestoneEvent): boolean {
  return nextMilestoneState(state, event) !== null;
}

/** The new state, or a {@link MilestoneTransitionError} naming the state and the event. */
export function milestoneTransition(state: MilestoneState, event: MilestoneEvent): MilestoneState {
  const next = nextMilestoneState(state, event);
  if (next === null) {
    throw new MilestoneTransitionError(state, milestoneEventName(event));
  }
  return next;
}

/** `start`, `submit`, `resume` or `decide:<outcome>`. */
export function milestoneEventName(event: MilestoneEvent): MilestoneEventName {
  return event.type === 'decide' ? `decide:${event.outcome}` : event.type;
}

/** Whether no event can leave the state. */
export function isFinalMilestoneState(state: MilestoneState): boolean {
  return state === 'approved' || state === 'rejected';
}

/** Index of the first milestone not yet approved (the current gate), or null if all are. */
export function currentMilestoneIndex(
  milestones: readonly { state: MilestoneState }[],
): number | null {
  const index = milestones.findIndex((milestone) => milestone.state !== 'approved');
  return index === -1 ? null : index;
}

/**
 * Why the milestone at `index` (of the initiative's milestones in order) cannot start, or null
 * when it can: it must be planned and every milestone before it approved, so that the next gate
 * starts only when its predecessor is approved.
 */
export function milestoneStartBlocker(
  milestones: readonly { state: MilestoneState }[],
  index: number,
): string | null {
  if (!Number.isInteger(index) || index < 0 || index >= milestones.length) {
    return `There is no milestone at position ${index + 1}.`;
  }
  const state = milestones[index].state;
  if (state !== 'planned') {
    return `Milestone ${index + 1} is ${state.replaceAll('_', ' ')}, not planned.`;
  }
  const pending = milestones.findIndex(
    (milestone, i) => i < index && milestone.state !== 'approved',
  );
  if (pending !== -1) {
    return `Milestone ${pending + 1} must be approved before milestone ${index + 1} can start.`;
  }
  return null;
}

export function canStartMilestone(
  milestones: readonly { state: MilestoneState }[],
  index: number,
): boolean {
  return milestoneStartBlocker(milestones, index) === null;
}

/** Throws {@link MilestoneStartBlockedError} with the reason unless the milestone can start. */
export function assertCanStartMilestone(
  milestones: readonly { state: MilestoneState }[],
  index: number,
): void {
  const reason = milestoneStartBlocker(milestones, index);
  if (reason !== null) {
    throw new MilestoneStartBlockedError(index, reason);
  }
}

/** Milestones start and gates are submitted only while the initiative is active. */
export function initiativeNotActiveProblem(
  status: InitiativeStatus,
  action: 'start' | 'submit',
): string | null {
  if (status === 'active') return null;
  const what = action === 'start' ? 'Milestones start' : 'Gates are submitted';
  return `${what} only while the initiative is active; it is ${status.replaceAll('_', ' ')}.`;
}
