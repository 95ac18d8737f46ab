import type { AlertSeverity, InitiativeStatus, TensionAlertKind } from '@waypoint/contracts';

export const STATUS_ORDER: readonly InitiativeStatus[] = [
  'draft',
  'proposed',
  'active',
  'on_hold',
  'completed',
  'stopped',
];

export const STATUS_TEXT: Readonly<Record<InitiativeStatus, string>> = {
  draft: 'Draft',
  proposed: 'Proposed',
  active: 'Active',
  on_hold: 'On hold',
  completed: 'Completed',
  stopped: 'Stopped',
};

export const ALERT_KIND_TEXT: Readonly<Record<TensionAlertKind, string>> = {
  customer_worsens_as_business_improves: 'Customer value falls as business value rises',
  business_worsens_as_customer_improves: 'Business value falls as customer value rises',
  counter_measure_worsens: 'A counter-measure worsens',
  protected_group_worsens: 'A protected customer group is worse off',
};

export const SEVERITY_TEXT: Readonly<Record<AlertSeverity, string>> = {
  warning: 'Warning',
  critical: 'Critical',
};

/** "less than an hour", "5 hours", "3 days": how long something has waited, from hours. */
export function waitText(hours: number | null): string {
  if (hours === null) return '—';
  const whole = Math.max(0, Math.floor(hours));
  if (whole < 1) return 'less than an hour';
  if (whole < 48) return `${whole} ${whole === 1 ? 'hour' : 'hours'}`;
  return `${Math.floor(whole / 24)} days`;
}

/** "3 active, 1 proposed": the non-zero counts in the usual order. */
export function statusBreakdown(byStatus: Readonly<Record<InitiativeStatus, number>>): string {
  const parts = STATUS_ORDER.filter((s) => byStatus[s] > 0).map(
    (s) => `${byStatus[s]} ${STATUS_TEXT[s].toLowerCase()}`,
  );
  return parts.length > 0 ? parts.join(', ') : 'none';
}

export function dateText(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
