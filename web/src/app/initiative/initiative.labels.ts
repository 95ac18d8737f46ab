import type { Approach, InitiativeStatus, MilestoneState, StepStatus } from '@waypoint/contracts';

/** Words for the API's enum values, as the initiative place shows them. */
export const STATUS_LABEL: Readonly<Record<InitiativeStatus, string>> = {
  draft: 'Draft',
  proposed: 'Proposed',
  active: 'Active',
  on_hold: 'On hold',
  completed: 'Completed',
  stopped: 'Stopped',
};

export const APPROACH_LABEL: Readonly<Record<Approach, string>> = {
  engineering: 'Engineering',
  strategic_differentiator: 'Strategic differentiator',
  consumer_insight: 'Consumer insight',
  best_customer: 'Best customer',
  competing_values: 'Competing values',
};

export const MILESTONE_STATE_LABEL: Readonly<Record<MilestoneState, string>> = {
  planned: 'Planned',
  in_progress: 'In progress',
  submitted: 'Submitted',
  approved: 'Approved',
  changes_requested: 'Changes requested',
  on_hold: 'On hold',
  rejected: 'Rejected',
};

/** A text symbol per milestone state, so the state never depends on colour alone. */
export const MILESTONE_STATE_SYMBOL: Readonly<Record<MilestoneState, string>> = {
  planned: '○',
  in_progress: '◐',
  submitted: '↑',
  approved: '✓',
  changes_requested: '!',
  on_hold: '‖',
  rejected: '✕',
};

export const STEP_STATUS_LABEL: Readonly<Record<StepStatus, string>> = {
  todo: 'To do',
  doing: 'Doing',
  blocked: 'Blocked',
  done: 'Done',
};

/** The ETag of a record as the API sends it: the version in quotes. */
export function etag(version: number): string {
  return `"${version}"`;
}
