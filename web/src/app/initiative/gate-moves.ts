import type { MilestoneState } from '@waypoint/contracts';
import { canApplyMilestoneEvent, CRITERIA_CHECK_STATES } from '@waypoint/domain';

/** What the team can do with its current gate, as the workflow of libs/domain allows it. */
export interface GateMoves {
  start: boolean;
  /** Exit criteria can be checked or unchecked. */
  checklist: boolean;
  submit: boolean;
  /** Back in progress after changes were requested or the gate was put on hold. */
  resume: boolean;
}

export function gateMoves(state: MilestoneState): GateMoves {
  return {
    start: canApplyMilestoneEvent(state, { type: 'start' }),
    checklist: CRITERIA_CHECK_STATES.includes(state),
    submit: canApplyMilestoneEvent(state, { type: 'submit' }),
    resume: canApplyMilestoneEvent(state, { type: 'resume' }),
  };
}
