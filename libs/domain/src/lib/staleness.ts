import type { Cadence } from '@waypoint/contracts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long a measure may go without a reading, by cadence: the expected interval plus a grace
 * period, in days of 24 hours (UTC, so no daylight-saving shifts).
 *
 * - weekly: 7 days + 2 days grace (stale after 9 days)
 * - monthly: 31 days + 7 days grace (stale after 38 days)
 * - quarterly: 92 days + 14 days grace (stale after 106 days)
 */
export const CADENCE_WINDOWS: Readonly<
  Record<Cadence, { readonly intervalDays: number; readonly graceDays: number }>
> = {
  weekly: { intervalDays: 7, graceDays: 2 },
  monthly: { intervalDays: 31, graceDays: 7 },
  quarterly: { intervalDays: 92, graceDays: 14 },
};

/**
 * When the next reading is expected: one interval after the last reading, or after
 * `trackedSince` (when the measure was created) if it was never read. Null when there is
 * neither.
 */
export function readingDueAt(
  lastReadingAt: Date | null,
  cadence: Cadence,
  trackedSince?: Date,
): Date | null {
  return after(lastReadingAt ?? trackedSince ?? null, CADENCE_WINDOWS[cadence].intervalDays);
}

/**
 * The moment after which the measure is stale: interval plus grace after the last reading (or
 * after `trackedSince` if never read). Null when there is neither: a measure never read with
 * nothing to count from is stale from the start.
 */
export function staleSince(
  lastReadingAt: Date | null,
  cadence: Cadence,
  trackedSince?: Date,
): Date | null {
  const { intervalDays, graceDays } = CADENCE_WINDOWS[cadence];
  return after(lastReadingAt ?? trackedSince ?? null, intervalDays + graceDays);
}

/**
 * Whether the measure has gone longer than its cadence and grace without a reading at `now`
 * (strictly: at exactly the {@link staleSince} moment it is not yet stale).
 */
export function isStale(
  lastReadingAt: Date | null,
  cadence: Cadence,
  now: Date,
  trackedSince?: Date,
): boolean {
  const since = staleSince(lastReadingAt, cadence, trackedSince);
  return since === null || now.getTime() > since.getTime();
}

function after(from: Date | null, days: number): Date | null {
  return from === null ? null : new Date(from.getTime() + days * DAY_MS);
}
