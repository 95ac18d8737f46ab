import type {
  DecisionOutcome,
  InitiativeStatus,
  Direction,
  MilestoneState,
  Perspective,
  StepStatus,
} from './domain-enums';
import type { ProblemDetails } from './api';
import type { Readiness, SortOrder, UserRef } from './initiatives';

// Milestones (stage gates), their evidence snapshots, decisions and conditions, and steps.

/** Field limits, shared by the API's validation and the web forms. */
export const MILESTONE_TITLE_MAX_LENGTH = 200;
export const MILESTONE_GOAL_MAX_LENGTH = 4000;
export const CRITERION_LABEL_MAX_LENGTH = 300;
export const CRITERION_ID_MAX_LENGTH = 64;
export const CRITERIA_MAX = 30;
export const MILESTONE_MEASURES_MAX = 50;
export const DECISION_RATIONALE_MAX_LENGTH = 4000;
export const CONDITION_TEXT_MAX_LENGTH = 1000;
export const CONDITIONS_MAX = 20;
export const CONDITION_NOTE_MAX_LENGTH = 2000;
export const SUBMISSION_NOTE_MAX_LENGTH = 4000;
export const STEP_TITLE_MAX_LENGTH = 200;

/** Sort keys of the lists. */
export const MILESTONE_SORT_VALUES = ['position', 'dueDate'] as const;
export type MilestoneSort = (typeof MILESTONE_SORT_VALUES)[number];
export const STEP_SORT_VALUES = ['position', 'dueDate', 'status', 'title'] as const;
export type StepSort = (typeof STEP_SORT_VALUES)[number];
export const APPROVAL_SORT_VALUES = ['submittedAt', 'initiativeTitle'] as const;
export type ApprovalSort = (typeof APPROVAL_SORT_VALUES)[number];

/** One exit criterion of a milestone, a checklist item. */
export interface ExitCriterion {
  id: string;
  label: string;
  checked: boolean;
}

/** A condition of a go-with-conditions decision, tracked until closed with a note. */
export interface DecisionConditionResponse {
  id: string;
  decisionId: string;
  /** The milestone whose decision set the condition. */
  milestoneId: string;
  text: string;
  open: boolean;
  closedAt: string | null;
  closedBy: UserRef | null;
  closeNote: string | null;
  /** The ETag of a condition is "<version>": send it in If-Match to close it. */
  version: number;
}

/** A milestone as listed: plan, state, dates and the open conditions of earlier gates. */
export interface MilestoneResponse {
  id: string;
  initiativeId: string;
  /** 1-based order within the initiative. */
  position: number;
  title: string;
  goal: string;
  criteria: ExitCriterion[];
  measureIds: string[];
  state: MilestoneState;
  /** Whether it may start now: planned, and every milestone before it approved. */
  startable: boolean;
  dueDate: string | null;
  startedAt: string | null;
  submittedAt: string | null;
  submittedBy: UserRef | null;
  decidedAt: string | null;
  /** Conditions set by decisions on earlier milestones that are still open. */
  openConditions: DecisionConditionResponse[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A linked measure as frozen in an evidence snapshot. */
export interface SnapshotMeasure {
  id: string;
  name: string;
  unit: string;
  perspective: Perspective;
  direction: Direction;
  /** Null when the measure was still waiting for its first reading to give it a baseline. */
  baseline: number | null;
  target: number;
  latestReading: { id: string; value: number; observedAt: string } | null;
  /** Progress of the latest reading from baseline (0) to target (1); null without a reading. */
  progress: number | null;
}

/** The evidence the decider sees; frozen when the gate is submitted, never changed afterwards. */
export interface EvidenceSnapshot {
  takenAt: string;
  milestone: {
    id: string;
    position: number;
    title: string;
    goal: string;
    dueDate: string | null;
    startedAt: string;
  };
  criteria: ExitCriterion[];
  measures: SnapshotMeasure[];
  steps: { total: number; byStatus: Record<StepStatus, number> };
  readiness: Readiness;
  openConditions: { id: string; text: string; milestoneId: string; milestoneTitle: string }[];
}

export interface GateSubmissionResponse {
  id: string;
  milestoneId: string;
  submittedAt: string;
  submittedBy: UserRef;
  /** What the submitter tells the decider (plain text; empty when they said nothing). */
  note: string;
  snapshot: EvidenceSnapshot;
}

export interface GateDecisionResponse {
  id: string;
  milestoneId: string;
  submissionId: string;
  decider: UserRef;
  outcome: DecisionOutcome;
  rationale: string;
  decidedAt: string;
  conditions: DecisionConditionResponse[];
}

/** One milestone with its latest evidence snapshot and every decision on it. */
export interface MilestoneDetailResponse extends MilestoneResponse {
  latestSubmission: GateSubmissionResponse | null;
  decisions: GateDecisionResponse[];
}

export interface ExitCriterionInput {
  label: string;
}

export interface CreateMilestoneRequest {
  title: string;
  goal: string;
  /** YYYY-MM-DD */
  dueDate?: string;
  criteria: ExitCriterionInput[];
  /** Measures of the same initiative. */
  measureIds: string[];
}

/**
 * The whole checklist as it should be: items with an `id` keep (or relabel, or check) an
 * existing criterion, items without one are new. Labels and the list may change only while the
 * milestone is planned or in progress; `checked` only while it is in progress or sent back.
 */
export interface ExitCriterionUpdate {
  id?: string;
  label: string;
  checked?: boolean;
}

export interface UpdateMilestoneRequest {
  title?: string;
  goal?: string;
  dueDate?: string | null;
  criteria?: ExitCriterionUpdate[];
  measureIds?: string[];
}

export interface ReorderMilestoneRequest {
  /** The new 1-based position. */
  position: number;
}

export interface DecideGateRequest {
  outcome: DecisionOutcome;
  /** Required for every outcome but a plain go. */
  rationale?: string;
  /** Required for go_with_conditions, refused for every other outcome. */
  conditions?: string[];
}

/** POST /api/milestones/:id/submit: the body is optional. */
export interface SubmitGateRequest {
  /** What the submitter tells the decider, shown beside the evidence. */
  note?: string;
}

export interface CloseConditionRequest {
  note: string;
}

/** A submitted gate waiting for the caller's decision. */
export interface ApprovalResponse {
  submissionId: string;
  initiative: { id: string; title: string };
  milestone: { id: string; title: string; position: number; version: number };
  submittedAt: string;
  submittedBy: UserRef;
  /** Whole hours since it was submitted. */
  waitingHours: number;
}

export interface StepResponse {
  id: string;
  milestoneId: string;
  initiativeId: string;
  position: number;
  title: string;
  assignee: UserRef | null;
  dueDate: string | null;
  status: StepStatus;
  /**
   * The gate this step was carried over from (its unfinished steps move to the next gate when it
   * is approved), or null for a step planned under this gate. POST /api/steps/:id/return sends it
   * back there.
   */
  movedFromMilestoneId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateStepRequest {
  title: string;
  /** On the initiative's team, or its owner. */
  assigneeId?: string;
  dueDate?: string;
  status?: StepStatus;
}

export interface UpdateStepRequest {
  title?: string;
  assigneeId?: string | null;
  dueDate?: string | null;
  status?: StepStatus;
  /** Moves the step within its milestone (1-based); the others are renumbered. */
  position?: number;
}

/** What keeps a milestone from being submitted, one precise item each. */
export type GateBlocker =
  | { kind: 'no_exit_criteria'; message: string }
  | { kind: 'criterion_unchecked'; criterionId: string; label: string; message: string }
  | { kind: 'measure_not_read'; measureId: string; name: string; message: string };

/** The 422 of a submit that is blocked: every missing item, in `blockers` and in `errors`. */
export interface SubmissionBlockedProblem extends ProblemDetails {
  blockers: GateBlocker[];
}

export interface MilestoneListQuery {
  state?: MilestoneState;
  sort?: MilestoneSort;
  order?: SortOrder;
  limit?: number;
  offset?: number;
}

export interface StepListQuery {
  status?: StepStatus;
  assigneeId?: string;
  sort?: StepSort;
  order?: SortOrder;
  limit?: number;
  offset?: number;
}

/**
 * `GET /api/steps`: steps across the initiatives the caller may read. `assigneeId` is a user id
 * or `me`.
 */
export interface StepSearchQuery {
  assigneeId?: string;
  status?: StepStatus;
  /** true: only steps that can still change (milestone not approved or rejected, initiative not completed or stopped). */
  open?: boolean;
  /** YYYY-MM-DD: due strictly before this day. */
  dueBefore?: string;
  /** true: due before today (UTC) and not done. */
  overdue?: boolean;
  limit?: number;
  offset?: number;
}

/** A step as `GET /api/steps` lists it: with its initiative and milestone. */
export interface StepListItem extends StepResponse {
  initiative: { id: string; title: string; status: InitiativeStatus };
  milestone: { id: string; title: string; position: number; state: MilestoneState };
  /** Whether the step can still change (the rule of libs/domain `stepsClosedProblem`). */
  open: boolean;
}

export interface ApprovalListQuery {
  initiativeId?: string;
  sort?: ApprovalSort;
  order?: SortOrder;
  limit?: number;
  offset?: number;
}

export interface DecisionListQuery {
  limit?: number;
  offset?: number;
}

/** The conditions list's filter: still open, or closed with a note. */
export const CONDITION_STATUS_VALUES = ['open', 'closed'] as const;
export type ConditionStatus = (typeof CONDITION_STATUS_VALUES)[number];

/** GET /api/conditions: the conditions across initiatives, oldest decision first, paged. */
export interface ConditionListQuery {
  status?: ConditionStatus;
  limit?: number;
  offset?: number;
}

/** A condition as listed across initiatives: where it was set, by whom and when, and its close. */
export interface ConditionListItem {
  id: string;
  text: string;
  status: ConditionStatus;
  initiative: { id: string; title: string };
  milestone: { id: string; title: string; position: number };
  decidedAt: string;
  decidedBy: UserRef;
  closedAt: string | null;
  closeNote: string | null;
}
