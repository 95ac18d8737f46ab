import type { Cadence, StepStatus } from '@waypoint/contracts';
import { isStale, staleSince } from '@waypoint/domain';
import {
  isoDate,
  measureStaleText,
  type NotificationText,
  stepOverdueText,
} from './notification-texts';

/**
 * The time-based notifications of the sweep, as pure functions of what the database answered and
 * the time: which of them are due, to whom, and their dedupe keys (each reaches a user once).
 */

/** A notification ready to write: text, recipient and dedupe key. */
export interface NotificationDraft extends NotificationText {
  userId: string;
  initiativeId: string | null;
  dedupeKey: string | null;
}

/** A step past its due date, not done, with an assignee (as the sweep's query finds it). */
export interface OverdueStepRow {
  stepId: string;
  stepTitle: string;
  dueDate: string;
  status: StepStatus;
  assigneeId: string;
  initiativeId: string;
  initiativeTitle: string;
}

/** A measure that may be stale, with its last effective reading and who is to be nudged. */
export interface StaleCandidateRow {
  measureId: string;
  measureName: string;
  cadence: Cadence;
  /** When the measure was created: staleness counts from here while it has no reading. */
  createdAt: Date;
  lastReadingAt: Date | null;
  initiativeId: string;
  initiativeTitle: string;
  /** The recorder when there is an active one, else the initiative's owner. */
  recipientId: string;
  toRecorder: boolean;
}

/** Today's date in UTC (YYYY-MM-DD): a step due before it is overdue. */
export function utcToday(now: Date): string {
  return isoDate(now);
}

export const STEP_OVERDUE_KEY_PREFIX = 'step-overdue:';
export const MEASURE_STALE_KEY_PREFIX = 'measure-stale:';

/** `step-overdue:<step id>`: once per step and assignee. */
export const stepOverdueKey = (stepId: string): string => `${STEP_OVERDUE_KEY_PREFIX}${stepId}`;

/** `measure-stale:<measure id>:<date it went stale>`: once per stale period and recipient. */
export function measureStaleKey(measureId: string, since: Date | null): string {
  return `${MEASURE_STALE_KEY_PREFIX}${measureId}:${since ? isoDate(since) : 'never'}`;
}

/** One notification per overdue step, to its assignee, once per step. */
export function overdueStepDrafts(rows: readonly OverdueStepRow[]): NotificationDraft[] {
  return rows.map((row) => ({
    ...stepOverdueText({
      stepTitle: row.stepTitle,
      initiativeTitle: row.initiativeTitle,
      dueDate: row.dueDate,
      status: row.status,
    }),
    userId: row.assigneeId,
    initiativeId: row.initiativeId,
    dedupeKey: stepOverdueKey(row.stepId),
  }));
}

/**
 * One notification per measure that is stale at `now` (libs/domain decides), to its recorder or
 * owner, once per stale period: the key names the moment it went stale, so a reading and a new
 * stale period later nudge again.
 */
export function staleMeasureDrafts(
  rows: readonly StaleCandidateRow[],
  now: Date,
): NotificationDraft[] {
  return rows
    .filter((row) => isStale(row.lastReadingAt, row.cadence, now, row.createdAt))
    .map((row) => {
      const since = staleSince(row.lastReadingAt, row.cadence, row.createdAt);
      return {
        ...measureStaleText({
          measureId: row.measureId,
          measureName: row.measureName,
          initiativeId: row.initiativeId,
          initiativeTitle: row.initiativeTitle,
          cadence: row.cadence,
          lastReadingAt: row.lastReadingAt,
          staleSince: since,
          toRecorder: row.toRecorder,
        }),
        userId: row.recipientId,
        initiativeId: row.initiativeId,
        dedupeKey: measureStaleKey(row.measureId, since),
      };
    });
}

/** Drafts without repeats of the same (user, dedupe key): one INSERT must not hold both. */
export function distinctDrafts(drafts: readonly NotificationDraft[]): NotificationDraft[] {
  const seen = new Set<string>();
  return drafts.filter((draft) => {
    if (draft.dedupeKey === null) return true;
    const key = `${draft.userId} ${draft.dedupeKey}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
