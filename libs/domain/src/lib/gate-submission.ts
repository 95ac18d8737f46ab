import { SubmissionBlockedError } from './errors';
import { formatDay } from './day-format';

export interface SubmissionInput {
  /** The milestone's exit criteria, a checklist. */
  criteria: readonly { id: string; label: string; checked: boolean }[];
  /** The measures linked to the milestone and when each was last read (null: never). */
  linkedMeasures: readonly { id: string; name: string; lastReadingAt: Date | null }[];
  /** When the milestone went in progress (the latest time, if it was resumed). */
  startedAt: Date;
}

/** One precise missing item that keeps a milestone from being submitted. */
export type SubmissionBlocker =
  | { kind: 'no_exit_criteria'; message: string }
  | { kind: 'criterion_unchecked'; criterionId: string; label: string; message: string }
  | { kind: 'measure_not_read'; measureId: string; name: string; message: string };

/**
 * Everything missing before the milestone can be submitted for a decision, in a stable order:
 * no exit criteria at all, then each unchecked criterion (by label), then each linked measure
 * with no reading at or after `startedAt` (by name). Empty when it can be submitted.
 */
export function submissionBlockers(input: SubmissionInput): SubmissionBlocker[] {
  const blockers: SubmissionBlocker[] = [];
  if (input.criteria.length === 0) {
    blockers.push({
      kind: 'no_exit_criteria',
      message: 'The milestone has no exit criteria to check.',
    });
  }
  for (const criterion of input.criteria) {
    if (!criterion.checked) {
      blockers.push({
        kind: 'criterion_unchecked',
        criterionId: criterion.id,
        label: criterion.label,
        message: `Exit criterion not met: "${criterion.label}".`,
      });
    }
  }
  for (const measure of input.linkedMeasures) {
    const { lastReadingAt } = measure;
    if (lastReadingAt === null || lastReadingAt.getTime() < input.startedAt.getTime()) {
      blockers.push({
        kind: 'measure_not_read',
        measureId: measure.id,
        name: measure.name,
        message: `No reading of "${measure.name}" since the milestone started on ${formatDay(input.startedAt)}.`,
      });
    }
  }
  return blockers;
}

/** Throws {@link SubmissionBlockedError} listing every missing item, if any. */
export function assertSubmittable(input: SubmissionInput): void {
  const blockers = submissionBlockers(input);
  if (blockers.length > 0) {
    throw new SubmissionBlockedError(blockers);
  }
}
