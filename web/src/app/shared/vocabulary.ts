import type {
  ImportField,
  ApiTokenScope,
  Cadence,
  Direction,
  AlertSeverity,
  AlertStatus,
  Approach,
  CustomerGroupIntent,
  DecisionOutcome,
  EmailDelivery,
  EmailKind,
  IdeaStatus,
  InitiativeStatus,
  KpiClass,
  MilestoneState,
  Perspective,
  ReviewDecision,
  StepStatus,
  TensionAlertKind,
} from '@waypoint/contracts';
import { IDEA_EFFORT_MAX } from '@waypoint/contracts';
import {
  INITIATIVE_STATUS_WORDS,
  WEBHOOK_DELIVERY_STATUS_WORDS,
  WEBHOOK_EVENT_WORDS,
  WEBHOOK_FORMAT_WORDS,
} from '@waypoint/domain';

/**
 * The words the app shows for the API's values: every place takes its labels from here, so one
 * thing is never called two names.
 */

/** libs/domain's words, which the webhooks' messages use too. */
export const STATUS_LABEL: Readonly<Record<InitiativeStatus, string>> = INITIATIVE_STATUS_WORDS;

export const APPROACH_LABEL: Readonly<Record<Approach, string>> = {
  engineering: 'Engineering',
  strategic_differentiator: 'Strategic differentiator',
  consumer_insight: 'Consumer insight',
  best_customer: 'Best customer',
  competing_values: 'Competing values',
};

/** Gate (milestone) states. */
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

/** The words for each gate decision's outcome, and what it does (decision form and history). */
export const OUTCOMES: ReadonlyArray<{
  value: DecisionOutcome;
  label: string;
  explanation: string;
}> = [
  {
    value: 'go',
    label: 'Go',
    explanation:
      'The gate is passed and the next milestone can start; its unfinished steps move there. A rationale is optional.',
  },
  {
    value: 'go_with_conditions',
    label: 'Go with conditions',
    explanation:
      'Passed, with conditions the team must close later; its unfinished steps move to the next milestone. List at least one.',
  },
  {
    value: 'changes_requested',
    label: 'Changes requested',
    explanation: 'Sent back to the team to complete; the initiative stays active.',
  },
  {
    value: 'on_hold',
    label: 'On hold',
    explanation: 'The initiative pauses until the gate is resumed.',
  },
  {
    value: 'rejected',
    label: 'Rejected',
    explanation: 'The initiative stops here.',
  },
];

export function outcomeLabel(outcome: DecisionOutcome): string {
  return OUTCOMES.find((o) => o.value === outcome)?.label ?? outcome;
}

/** A cycle review's decision on an initiative. */
export const REVIEW_DECISION_LABEL: Readonly<Record<ReviewDecision, string>> = {
  adopt: 'Adopt',
  adapt: 'Adapt',
  abandon: 'Abandon',
};

/** A measure's perspective: value for the customer or for the business. */
export const PERSPECTIVE_LABEL: Readonly<Record<Perspective, string>> = {
  customer: 'Customer',
  business: 'Business',
};

/** Which way a measure should move. */
export const DIRECTION_LABEL: Readonly<Record<Direction, string>> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
  target_is_best: 'Closest to target is best',
};

/** How often a measure is expected to be read. */
export const CADENCE_LABEL: Readonly<Record<Cadence, string>> = {
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
};

export const KPI_CLASS_LABEL: Readonly<Record<KpiClass, string>> = {
  customer_centric: 'Customer-centric',
  neutral: 'Neutral',
  customer_toxic: 'Customer-toxic',
};

export const INTENT_LABEL: Readonly<Record<CustomerGroupIntent, string>> = {
  grow: 'Grow',
  nurture: 'Nurture',
  retain: 'Retain',
  reduce_cost_to_serve: 'Reduce cost to serve',
};

/** Tension alerts: what pulls apart, in the words of the portfolio's alert list. */
export const ALERT_KIND_LABEL: Readonly<Record<TensionAlertKind, string>> = {
  customer_worsens_as_business_improves: 'Customer value falls as business value rises',
  business_worsens_as_customer_improves: 'Business value falls as customer value rises',
  counter_measure_worsens: 'A counter-measure worsens',
  protected_group_worsens: 'A protected customer group is worse off',
};

export const SEVERITY_LABEL: Readonly<Record<AlertSeverity, string>> = {
  warning: 'Warning',
  critical: 'Critical',
};

/** Where a tension alert is: open until someone answers it or the engine resolves it. */
export const ALERT_STATUS_LABEL: Readonly<Record<AlertStatus, string>> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
  dismissed: 'Dismissed',
};

/** An empty field or a missing number. */
export const NO_VALUE = '—';
/** A measure's baseline before its first reading gives it ("Baseline from the first reading"). */
export const BASELINE_FROM_FIRST_READING = 'from the first reading';

/** A measure's progress before its first reading. */
export const NO_READING = 'no reading';
/** A value index (customer or business) that no reading supports yet. */
export const NOT_MEASURED = 'not measured';

/** The kinds of record the audit trail names (its `entityType`), as a person says them. */
export const AUDIT_RECORD_LABEL: Readonly<Record<string, string>> = {
  user: 'person',
  department: 'department',
  customer_group: 'customer group',
  cycle: 'cycle',
  cycle_review: 'cycle review',
  initiative: 'initiative',
  milestone: 'milestone',
  step: 'step',
  measure: 'measure',
  reading: 'reading',
  comment: 'comment',
  gate_decision: 'gate decision',
  decision_condition: 'condition',
  notification: 'notification',
  notification_inbox: 'inbox',
  alert: 'tension alert',
  reading_import: 'spreadsheet of readings',
  webhook: 'webhook',
};

/**
 * What each audit action did, as the verb of a sentence ("Ada created the department
 * “Support”"), and its name in the audit trail's filter. Actions not listed read as their
 * words ("freeze baseline").
 */
export const AUDIT_ACTIONS: Readonly<Record<string, { verb: string; label: string }>> = {
  create: { verb: 'created', label: 'Created' },
  update: { verb: 'changed', label: 'Changed' },
  delete: { verb: 'deleted', label: 'Deleted' },
  deactivate: { verb: 'deactivated', label: 'Deactivated' },
  reactivate: { verb: 'reactivated', label: 'Reactivated' },
  set_password: { verb: 'chose a password for', label: 'Chose a password' },
  transition: { verb: 'moved', label: 'Moved to another status' },
  start: { verb: 'started', label: 'Started' },
  submit: { verb: 'submitted for decision', label: 'Submitted for decision' },
  resume: { verb: 'resumed', label: 'Resumed' },
  decide: { verb: 'decided', label: 'Decided' },
  close: { verb: 'closed', label: 'Closed' },
  freeze_baseline: { verb: 'froze the baseline of', label: 'Froze a baseline' },
  reorder: { verb: 'reordered', label: 'Reordered' },
  record: { verb: 'recorded', label: 'Recorded a reading' },
  correct: { verb: 'corrected', label: 'Corrected a reading' },
  withdraw: { verb: 'withdrew', label: 'Withdrew a reading' },
  import: { verb: 'imported', label: 'Imported readings' },
  carry_over: { verb: 'carried over to the next gate', label: 'Carried a step over' },
  return: { verb: 'sent back to its gate', label: 'Sent a step back' },
  raise: { verb: 'raised', label: 'Raised an alert' },
  acknowledge: { verb: 'acknowledged', label: 'Acknowledged an alert' },
  dismiss: { verb: 'dismissed', label: 'Dismissed an alert' },
  resolve: { verb: 'resolved', label: 'Resolved an alert' },
  read: { verb: 'read', label: 'Read a notification' },
  read_all: { verb: 'marked as read everything in', label: 'Marked all as read' },
  rate: { verb: 'rated', label: 'Rated a customer moment' },
  link_moments: { verb: 'chose the customer moments of', label: 'Chose customer moments' },
  me_too: { verb: 'said "me too" to', label: 'Said "me too"' },
  merge: { verb: 'merged', label: 'Merged an idea' },
  decline: { verb: 'declined', label: 'Declined an idea' },
  promote: { verb: 'promoted', label: 'Promoted an idea' },
  rotate_secret: { verb: 'made a new secret for', label: 'Made a new webhook secret' },
};

/** An internal word ("freeze_baseline", "valueProposition") as plain words ("freeze baseline"). */
export function plainWords(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** What an API token allows. */
export const API_TOKEN_SCOPE_LABEL: Readonly<Record<ApiTokenScope, string>> = {
  read: 'Reading only',
  read_write: 'Reading and changing',
};

/** The kinds of record an initiative's history names. */
const HISTORY_RECORD: Readonly<Record<string, string>> = {
  initiative: 'the initiative',
  milestone: 'a gate',
  gate_decision: 'a gate decision',
  decision_condition: 'a condition',
  step: 'a step',
  measure: 'a measure',
  reading: 'a reading',
  cycle_review: 'a cycle review',
  comment: 'a comment',
  alert: 'a tension alert',
  reading_import: 'readings from a spreadsheet',
  idea: 'an idea',
};

/** What was done, in the history's words. */
const HISTORY_ACTION: Readonly<Record<string, string>> = {
  create: 'added',
  update: 'changed',
  delete: 'removed',
  transition: 'moved the status of',
  start: 'started',
  submit: 'submitted',
  resume: 'resumed',
  decide: 'decided',
  close: 'closed',
  reorder: 'reordered',
  freeze_baseline: 'froze the baseline of',
  record: 'recorded',
  correct: 'corrected',
  withdraw: 'withdrew',
  import: 'imported',
  raise: 'raised',
  acknowledge: 'acknowledged',
  dismiss: 'dismissed',
  resolve: 'resolved',
  promote: 'promoted',
};

/** One line of an initiative's history, e.g. "changed a step", "carried a step over to the next gate". */
export function historyText(action: string, entityType: string): string {
  const what = HISTORY_RECORD[entityType] ?? entityType.replace(/_/g, ' ');
  switch (action) {
    case 'carry_over':
      return `carried ${what} over to the next gate`;
    case 'return':
      return `sent ${what} back to its gate`;
    case 'link_moments':
      return `chose the customer moments of ${what}`;
    default:
      return `${HISTORY_ACTION[action] ?? action.replace(/_/g, ' ')} ${what}`;
  }
}

/** The fields of a reading a spreadsheet column fills (the import page's column mapping). */
export const IMPORT_FIELD_LABEL: Readonly<Record<ImportField, string>> = {
  measure: 'Measure',
  observedAt: 'Observed date',
  value: 'Value',
  note: 'Note',
  evidenceUrl: 'Evidence link',
};

/** The kinds of email a person chooses a delivery for (profile, unsubscribe page). */
export const EMAIL_KIND_LABEL: Readonly<Record<EmailKind, string>> = {
  gate_waiting: 'Gates waiting for my decision',
  gate_decided: 'Decisions on my gates and plans',
  step: 'My steps: assigned or overdue',
  measure_stale: 'Readings due on my measures',
  alert_raised: 'Alerts on my initiatives',
};

export const EMAIL_DELIVERY_LABEL: Readonly<Record<EmailDelivery, string>> = {
  immediate: 'At once',
  digest: 'In a daily digest',
  never: 'Never',
};

/** Where an idea stands in the backlog. */
export const IDEA_STATUS_LABEL: Readonly<Record<IdeaStatus, string>> = {
  open: 'Open',
  merged: 'Merged',
  declined: 'Declined',
  promoted: 'Promoted to an initiative',
};

/** The effort of an idea, 1-5, as a person says how long the work takes. */
export const IDEA_EFFORT_LABEL: Readonly<Record<number, string>> = {
  1: 'A few days',
  2: 'A few weeks',
  3: 'A month or two',
  4: 'About a quarter',
  5: 'Many months',
};

/** "A few weeks (2 of 5)": the effort in words, with the level the priority divides by. */
export function ideaEffortLabel(effort: number): string {
  const words = IDEA_EFFORT_LABEL[effort];
  return words ? `${words} (${effort} of ${IDEA_EFFORT_MAX})` : `${effort} of ${IDEA_EFFORT_MAX}`;
}

/** Outgoing webhooks: libs/domain's words, which the messages posted use too. */
export const WEBHOOK_EVENT_LABEL = WEBHOOK_EVENT_WORDS;
export const WEBHOOK_FORMAT_LABEL = WEBHOOK_FORMAT_WORDS;
export const WEBHOOK_DELIVERY_STATUS_LABEL = WEBHOOK_DELIVERY_STATUS_WORDS;
