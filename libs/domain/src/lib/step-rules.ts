import type { InitiativeStatus, MilestoneState, StepStatus } from '@waypoint/contracts';
import { isFinalMilestoneState } from './gate';
import { initiativePlanProblem } from './milestone-plan';

/** The milestone the steps belong to, as the closed-steps rule sees it. */
export interface StepsParent {
  state: MilestoneState;
  initiativeStatus: InitiativeStatus;
}

/**
 * Why the steps under this milestone cannot change, or null when they can: not once the
 * initiative is completed or stopped, nor once the milestone is approved or rejected (a
 * milestone on hold or sent back is worked on again, so its steps still change).
 */
export function stepsClosedProblem(parent: StepsParent): string | null {
  const initiativeProblem = initiativePlanProblem(parent.initiativeStatus);
  if (initiativeProblem) return initiativeProblem;
  return isFinalMilestoneState(parent.state)
    ? `The milestone is ${parent.state}: its steps do not change any more.`
    : null;
}

/** A step still to do: anything but done. */
export function isUnfinishedStep(status: StepStatus): boolean {
  return status !== 'done';
}

/**
 * Where the unfinished steps of an approved gate go: to the next milestone of the track, so the
 * team keeps its work in view. After the final gate there is none (the approval completes the
 * initiative): its unfinished steps stay with that gate, as a record of what was left undone.
 */
export function carryOverTarget(placedIds: readonly string[], approvedId: string): string | null {
  const index = placedIds.indexOf(approvedId);
  return index < 0 ? null : (placedIds[index + 1] ?? null);
}

/**
 * Why a step cannot go back to the gate it was carried over from, or null when it can: only a
 * step that was carried over, and only while the gate it is under now still takes changes.
 */
export function stepReturnProblem(
  step: { movedFromMilestoneId: string | null },
  parent: StepsParent,
): string | null {
  if (step.movedFromMilestoneId === null) {
    return 'This step was not carried over from an earlier gate.';
  }
  return stepsClosedProblem(parent);
}
