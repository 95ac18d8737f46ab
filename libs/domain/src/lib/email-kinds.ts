import type { EmailKind, NotificationKind } from '@waypoint/contracts';

/**
 * Which kind of email a notification belongs to: the person's choice for that kind decides
 * whether it is sent at once, gathered in the daily digest, or not at all. Null: never emailed.
 */
export function emailKindOf(kind: NotificationKind): EmailKind | null {
  switch (kind) {
    case 'gate_submitted':
      return 'gate_waiting';
    case 'gate_decided':
    case 'conditions_open':
    case 'plan_reviewed':
      return 'gate_decided';
    case 'step_assigned':
    case 'step_overdue':
      return 'step';
    case 'measure_stale':
      return 'measure_stale';
    case 'alert_raised':
      return 'alert_raised';
    case 'idea_triaged':
      return null;
  }
}

/** The notification kinds one kind of email gathers (the inverse of emailKindOf). */
export function notificationKindsOf(
  emailKind: EmailKind,
  all: readonly NotificationKind[],
): NotificationKind[] {
  return all.filter((kind) => emailKindOf(kind) === emailKind);
}

/**
 * When the daily digest holding something that happened at `at` goes out: the next `hourUtc`
 * o'clock strictly after `at` (UTC).
 */
export function nextDigestAt(at: Date, hourUtc: number): Date {
  const due = new Date(
    Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), hourUtc, 0, 0, 0),
  );
  if (due.getTime() <= at.getTime()) due.setUTCDate(due.getUTCDate() + 1);
  return due;
}

/**
 * The wait before the next attempt at a delivery that failed `attempts` times: base × 2^(n-1),
 * capped at `maxMs`. Exponential, so a server that is down is not hammered.
 */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 30));
}
