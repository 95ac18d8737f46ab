// Enumerations of the domain model (see DOMAIN.md). Each is an `as const` array of the allowed
// values, in their natural order, and the union type of those values. Nothing else lives here.

/** What a user may do in the product. */
export const ROLE_VALUES = ['admin', 'executive', 'manager', 'member'] as const;
export type Role = (typeof ROLE_VALUES)[number];

/** The five roads to customer-centricity (seed 001). */
export const APPROACH_VALUES = [
  'engineering',
  'strategic_differentiator',
  'consumer_insight',
  'best_customer',
  'competing_values',
] as const;
export type Approach = (typeof APPROACH_VALUES)[number];
/** Earlier name of {@link APPROACH_VALUES}, kept for existing imports. */
export const APPROACHES = APPROACH_VALUES;

/** Lifecycle of an initiative: draft → proposed → active ⇄ on_hold → completed | stopped. */
export const INITIATIVE_STATUS_VALUES = [
  'draft',
  'proposed',
  'active',
  'on_hold',
  'completed',
  'stopped',
] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUS_VALUES)[number];

/** State of a milestone, which is a stage gate. */
export const MILESTONE_STATE_VALUES = [
  'planned',
  'in_progress',
  'submitted',
  'approved',
  'changes_requested',
  'on_hold',
  'rejected',
] as const;
export type MilestoneState = (typeof MILESTONE_STATE_VALUES)[number];

/** What the decider of a submitted gate may answer. */
export const DECISION_OUTCOME_VALUES = [
  'go',
  'go_with_conditions',
  'changes_requested',
  'on_hold',
  'rejected',
] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOME_VALUES)[number];

/** Status of a step (the work under a milestone). */
export const STEP_STATUS_VALUES = ['todo', 'doing', 'blocked', 'done'] as const;
export type StepStatus = (typeof STEP_STATUS_VALUES)[number];

/** Whose value a measure tracks. */
export const PERSPECTIVE_VALUES = ['customer', 'business'] as const;
export type Perspective = (typeof PERSPECTIVE_VALUES)[number];

/** Which way a measure gets better. */
export const DIRECTION_VALUES = ['higher_is_better', 'lower_is_better', 'target_is_best'] as const;
export type Direction = (typeof DIRECTION_VALUES)[number];

/** KPI-review class of a measure (seed 004). */
export const KPI_CLASS_VALUES = ['customer_centric', 'neutral', 'customer_toxic'] as const;
export type KpiClass = (typeof KPI_CLASS_VALUES)[number];

/** How often a measure is expected to get a new reading. */
export const CADENCE_VALUES = ['weekly', 'monthly', 'quarterly'] as const;
export type Cadence = (typeof CADENCE_VALUES)[number];

/** What the organisation intends with a customer group (seed 002). */
export const CUSTOMER_GROUP_INTENT_VALUES = [
  'grow',
  'nurture',
  'retain',
  'reduce_cost_to_serve',
] as const;
export type CustomerGroupIntent = (typeof CUSTOMER_GROUP_INTENT_VALUES)[number];

/** Decision of a cycle review (plan-do-check-act). */
export const REVIEW_DECISION_VALUES = ['adopt', 'adapt', 'abandon'] as const;
export type ReviewDecision = (typeof REVIEW_DECISION_VALUES)[number];

/** Kinds of tension alert (seed 001, the competing-values road). */
export const TENSION_ALERT_KIND_VALUES = [
  'customer_worsens_as_business_improves',
  'business_worsens_as_customer_improves',
  'counter_measure_worsens',
  'protected_group_worsens',
] as const;
export type TensionAlertKind = (typeof TENSION_ALERT_KIND_VALUES)[number];

/** How loudly an alert should be shown. */
export const ALERT_SEVERITY_VALUES = ['warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITY_VALUES)[number];

/**
 * Machine codes of the errors raised by the rules (libs/domain `DomainError.code`), one per rule
 * family. Every 422 answer of the API carries one as `code`.
 */
export const DOMAIN_ERROR_CODE_VALUES = [
  /** A plain rule refusal of the request that no more precise code names. */
  'invalid_request',
  /** A person, customer group, department, cycle, reading or comment target named does not fit. */
  'reference_invalid',
  'initiative_transition_forbidden',
  /** The move is allowed but its prerequisites are missing (a milestone, a sponsor, approvals). */
  'initiative_transition_blocked',
  /** Milestones start and gates are submitted only while the initiative is active. */
  'initiative_not_active',
  /** The plan of a completed or stopped initiative, or of a submitted or decided milestone. */
  'plan_closed',
  'milestone_limit_reached',
  'position_invalid',
  'exit_criteria_invalid',
  'milestone_transition_forbidden',
  'milestone_start_blocked',
  'submission_blocked',
  /** The milestone has no submission to decide. */
  'submission_missing',
  'decision_invalid',
  'decider_not_allowed',
  'condition_closed',
  /** The steps of an approved or rejected milestone, or of a closed initiative. */
  'steps_closed',
  'assignee_not_on_team',
  'counter_measure_invalid',
  'baseline_frozen',
  'measure_scale_invalid',
  'reading_in_future',
  'reading_superseded',
  /** The reading was withdrawn: it no longer counts and cannot be corrected or withdrawn again. */
  'reading_withdrawn',
  'cycle_period_invalid',
  'cycle_overlap',
  /** A cycle's dates once a cycle review rests on them or the cycle has ended. */
  'cycle_in_use',
  'review_decision_invalid',
  'self_deactivation',
  'idempotency_key_reused',
  'invalid_weight',
  'invalid_progress',
  /** The alert is no longer open (or acknowledged) to be acknowledged or dismissed. */
  'alert_closed',
  /** A spreadsheet of readings that cannot be read: not CSV or XLSX, no header, too many rows, a mapped column missing. */
  'import_file_invalid',
  /** The idea was already merged, declined or promoted: it is no longer open to triage or "me too". */
  'idea_closed',
  /** The self-assessment is closed: answers can no longer be given or changed. */
  'self_assessment_closed',
  /** The person is not among those the self-assessment asks (another department). */
  'self_assessment_out_of_scope',
  /** A webhook's address is not HTTPS (plain HTTP only to this machine, when allowed). */
  'webhook_url_refused',
  /** A win is published only for a completed initiative with realised results, once. */
  'win_not_ready',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODE_VALUES)[number];
