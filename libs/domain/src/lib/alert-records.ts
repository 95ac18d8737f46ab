import type { AlertStatus, TensionAlertKind } from '@waypoint/contracts';

/**
 * Alert records (DOMAIN.md, "Tension alert"): what the value engine keeps of the tension alerts
 * that `tensionAlerts` finds, and what people may do with them.
 *
 *   open ──acknowledge (owner or sponsor, a note)──▶ acknowledged
 *   open | acknowledged ──the finding is gone (engine)──▶ resolved
 *   open | acknowledged ──dismiss (an executive, a reason)──▶ dismissed
 *
 * A record is "live" while open or acknowledged. Its identity within an initiative and a cycle is
 * its kind, plus the measure for the kinds about one measure (counter-measure, protected group):
 * two counter-measures that worsen are two alerts, a divergence is one.
 */

/** The statuses in which the engine still compares a record with what it finds. */
export const LIVE_ALERT_STATUSES: readonly AlertStatus[] = ['open', 'acknowledged'];

export function isLiveAlert(status: AlertStatus): boolean {
  return LIVE_ALERT_STATUSES.includes(status);
}

/** What tells two alerts of one initiative and cycle apart. */
export interface AlertIdentity {
  kind: TensionAlertKind;
  /** The measure of a counter-measure or protected-group alert; null for a divergence. */
  measureId: string | null;
}

/** The identity of a finding (a tension alert as `tensionAlerts` returns it). */
export function alertIdentity(finding: {
  kind: TensionAlertKind;
  measureIds: readonly string[];
}): AlertIdentity {
  switch (finding.kind) {
    case 'customer_worsens_as_business_improves':
    case 'business_worsens_as_customer_improves':
      return { kind: finding.kind, measureId: null };
    case 'counter_measure_worsens':
    case 'protected_group_worsens':
      return { kind: finding.kind, measureId: finding.measureIds[0] ?? null };
  }
}

function sameIdentity(a: AlertIdentity, b: AlertIdentity): boolean {
  return a.kind === b.kind && a.measureId === b.measureId;
}

/** A stored record of one initiative and cycle, as reconciliation needs it. */
export interface AlertRecordState extends AlertIdentity {
  id: string;
  status: AlertStatus;
}

/** What the engine does to the records of one initiative and cycle. */
export interface AlertReconciliation<F> {
  /** Findings with no live record and no dismissed one of their identity: raise each. */
  raise: F[];
  /** Live records whose finding is gone: resolve each. */
  resolve: string[];
}

/**
 * Compares what `tensionAlerts` finds now with the stored records of the same initiative and
 * cycle:
 * - a finding with a live record (open or acknowledged) of its identity is already raised: the
 *   record keeps what raised it and its answer;
 * - a finding whose identity was dismissed in this cycle is not raised again: an executive set
 *   it aside for the cycle;
 * - any other finding is raised (also when an earlier record of its identity was resolved: the
 *   condition ended and came back, which is news);
 * - a live record whose identity is no longer found is resolved.
 */
export function reconcileAlerts<
  F extends { kind: TensionAlertKind; measureIds: readonly string[] },
>(findings: readonly F[], records: readonly AlertRecordState[]): AlertReconciliation<F> {
  const raise = findings.filter((finding) => {
    const identity = alertIdentity(finding);
    return !records.some(
      (record) =>
        sameIdentity(record, identity) &&
        (isLiveAlert(record.status) || record.status === 'dismissed'),
    );
  });
  const found = findings.map(alertIdentity);
  const resolve = records
    .filter(
      (record) =>
        isLiveAlert(record.status) && !found.some((identity) => sameIdentity(identity, record)),
    )
    .map((record) => record.id);
  return { raise, resolve };
}

/** What a person does to an alert. */
export type AlertAnswerAction = 'acknowledge' | 'dismiss';

/**
 * Why the alert cannot be answered so, or null: only an open alert is acknowledged (an
 * acknowledged one already has its note); an open or acknowledged one may be dismissed.
 */
export function alertAnswerProblem(status: AlertStatus, action: AlertAnswerAction): string | null {
  switch (action) {
    case 'acknowledge':
      return status === 'open'
        ? null
        : `This alert is ${status}: only an open alert can be acknowledged.`;
    case 'dismiss':
      return isLiveAlert(status)
        ? null
        : `This alert is ${status}: only an open or acknowledged alert can be dismissed.`;
  }
}
