import type { InitiativeStatus, MilestoneState } from '@waypoint/contracts';
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
