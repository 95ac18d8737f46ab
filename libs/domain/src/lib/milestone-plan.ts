import type {
  ExitCriterion,
  ExitCriterionUpdate,
  InitiativeStatus,
  MilestoneState,
} from '@waypoint/contracts';
import { isFinalInitiativeStatus } from './initiative-status';

/**
 * Rules of planning milestones: when the plan of a milestone
 * may change, how its checklist is edited, and where it may move.
 */

const words = (value: string): string => value.replaceAll('_', ' ');

/** Labels and the list of exit criteria change only while the milestone is planned or in progress. */
export const CRITERIA_EDIT_STATES: readonly MilestoneState[] = ['planned', 'in_progress'];
/** Criteria are checked or unchecked while the milestone is in progress or sent back. */
export const CRITERIA_CHECK_STATES: readonly MilestoneState[] = [
  'in_progress',
  'changes_requested',
];
/** Title, goal, due date and linked measures: not while a decision is pending, nor once decided. */
export const PLAN_EDIT_STATES: readonly MilestoneState[] = [
  'planned',
  'in_progress',
  'changes_requested',
  'on_hold',
];

/** Why the plan of an initiative in this status cannot change, or null when it can. */
export function initiativePlanProblem(status: InitiativeStatus): string | null {
  return isFinalInitiativeStatus(status)
    ? `The initiative is ${status}: its plan cannot change any more.`
    : null;
}

/** Why title, goal, due date or linked measures of a milestone in this state cannot change. */
export function milestonePlanProblem(state: MilestoneState): string | null {
  if (PLAN_EDIT_STATES.includes(state)) return null;
  return state === 'submitted'
    ? 'The milestone is submitted and waiting for a decision: its plan cannot change until it is decided.'
    : `The milestone is ${words(state)}: a decided milestone does not change.`;
}

/**
 * Why a milestone cannot be removed from the gate track, or null when it can: only a planned
 * milestone (nothing has started, been submitted or decided on it), and only without steps (its
 * steps are the team's work, perhaps carried over from the gate before: move or remove them first).
 */
export function milestoneRemovalProblem(state: MilestoneState, stepCount: number): string | null {
  if (state !== 'planned') {
    return `Only a planned milestone can be removed: this one is ${words(state)}.`;
  }
  if (stepCount > 0) {
    return `The milestone has ${stepCount} ${stepCount === 1 ? 'step' : 'steps'}: move or remove ${stepCount === 1 ? 'it' : 'them'} first.`;
  }
  return null;
}

export interface CriteriaChange {
  criteria: ExitCriterion[];
  problems: string[];
}

/**
 * The checklist after an update (the whole list as it should be), with every rule it breaks:
 * unknown or repeated ids, label changes (adding, removing, relabelling, reordering) outside
 * {@link CRITERIA_EDIT_STATES}, and check changes outside {@link CRITERIA_CHECK_STATES}.
 * New items get ids from `newId` and start unchecked unless `checked` says otherwise.
 */
export function applyCriteriaUpdate(
  existing: readonly ExitCriterion[],
  updates: readonly ExitCriterionUpdate[],
  state: MilestoneState,
  newId: () => string,
): CriteriaChange {
  const problems: string[] = [];
  const byId = new Map(existing.map((criterion) => [criterion.id, criterion]));
  const seen = new Set<string>();
  const criteria: ExitCriterion[] = [];
  let labelsChanged = updates.length !== existing.length;
  let checksChanged = false;
  updates.forEach((update, index) => {
    if (update.id === undefined) {
      labelsChanged = true;
      const checked = update.checked ?? false;
      if (checked) checksChanged = true;
      criteria.push({ id: newId(), label: update.label, checked });
      return;
    }
    const before = byId.get(update.id);
    if (!before) {
      problems.push(`No exit criterion with the id "${update.id}" on this milestone.`);
      return;
    }
    if (seen.has(update.id)) {
      problems.push(`The exit criterion "${update.id}" is listed twice.`);
      return;
    }
    seen.add(update.id);
    if (before.label !== update.label || existing[index]?.id !== update.id) labelsChanged = true;
    const checked = update.checked ?? before.checked;
    if (checked !== before.checked) checksChanged = true;
    criteria.push({ id: before.id, label: update.label, checked });
  });
  if (labelsChanged && !CRITERIA_EDIT_STATES.includes(state)) {
    problems.push(
      `Exit criteria can be added, removed or relabelled only while the milestone is planned or in progress; it is ${words(state)}.`,
    );
  }
  if (checksChanged && !CRITERIA_CHECK_STATES.includes(state)) {
    problems.push(
      `Exit criteria can be checked or unchecked only while the milestone is in progress or has changes requested; it is ${words(state)}.`,
    );
  }
  return { criteria, problems };
}

export interface PlacedMilestone {
  id: string;
  position: number;
  state: MilestoneState;
}

/**
 * Why the milestone cannot move to `position` (1-based) among the initiative's milestones, or
 * null when it can: only a planned milestone moves, within 1..n, and never before (or onto the
 * place of) a milestone that has started or been decided.
 */
export function reorderProblem(
  milestones: readonly PlacedMilestone[],
  id: string,
  position: number,
): string | null {
  const moving = milestones.find((milestone) => milestone.id === id);
  if (!moving) return 'No such milestone.';
  if (moving.state !== 'planned') {
    return `Only a planned milestone can be moved; this one is ${words(moving.state)}.`;
  }
  if (position < 1 || position > milestones.length) {
    return `The position must be between 1 and ${milestones.length}.`;
  }
  const lastStarted = milestones
    .filter((milestone) => milestone.state !== 'planned')
    .reduce<PlacedMilestone | null>(
      (last, milestone) => (last && last.position > milestone.position ? last : milestone),
      null,
    );
  if (lastStarted && position <= lastStarted.position) {
    return `A milestone cannot move before milestone ${lastStarted.position}, which is ${words(lastStarted.state)}.`;
  }
  return null;
}

/**
 * The ids in their new order after moving `id` to `position` (1-based, clamped to the list).
 * The others keep their relative order.
 */
export function moveTo(ids: readonly string[], id: string, position: number): string[] {
  const rest = ids.filter((other) => other !== id);
  const at = Math.min(Math.max(position, 1), rest.length + 1) - 1;
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}
