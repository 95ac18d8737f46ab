import type {
  AlertSeverity,
  InitiativeStatus,
  KpiClass,
  MilestoneState,
  ReviewDecision,
  TensionAlertKind,
} from '@waypoint/contracts';

export const STATUS_LABEL: Record<InitiativeStatus, string> = {
  draft: 'Draft',
  proposed: 'Proposed',
  active: 'Active',
  on_hold: 'On hold',
  completed: 'Completed',
  stopped: 'Stopped',
};

export const MILESTONE_STATE_LABEL: Record<MilestoneState, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  submitted: 'Submitted',
  approved: 'Approved',
  changes_requested: 'Changes requested',
  on_hold: 'On hold',
  rejected: 'Rejected',
};

export const KPI_CLASS_LABEL: Record<KpiClass, string> = {
  customer_centric: 'Customer-centric',
  neutral: 'Neutral',
  customer_toxic: 'Customer-toxic',
};

export const DECISION_LABEL: Record<ReviewDecision, string> = {
  adopt: 'Adopt',
  adapt: 'Adapt',
  abandon: 'Abandon',
};

export const ALERT_KIND_LABEL: Record<TensionAlertKind, string> = {
  customer_worsens_as_business_improves: 'Customer worsens as business improves',
  business_worsens_as_customer_improves: 'Business worsens as customer improves',
  counter_measure_worsens: 'Counter-measure worsens',
  protected_group_worsens: 'Protected group worsens',
};

export const SEVERITY_LABEL: Record<AlertSeverity, string> = {
  warning: 'Warning',
  critical: 'Critical',
};

/** An index (0 baseline, 1 target) as a percentage, or a dash. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`;
}
