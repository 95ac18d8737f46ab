/** A measure's value at a time. Corrections are new readings that supersede an earlier one. */
export interface Reading {
  id: string;
  measureId: string;
  value: number;
  observedAt: Date;
  /** The reading this one corrects, if it is a correction. */
  supersedesId?: string | null;
  /** Withdrawn with a reason: kept in the history, never counted. */
  withdrawn?: boolean;
}

/** An improvement cycle: the half-open period [start, end). */
export interface Cycle {
  start: Date;
  end: Date;
  /** For explanations, e.g. "2026-Q4". */
  name?: string;
}

/** The first and the last reading of one measure in a window (the same reading if only one). */
export interface ReadingSpan<R extends Reading = Reading> {
  first: R;
  last: R;
}

/** Whether `at` lies in the cycle: at or after its start and strictly before its end. */
export function isInCycle(at: Date, cycle: Pick<Cycle, 'start' | 'end'>): boolean {
  const t = at.getTime();
  return t >= cycle.start.getTime() && t < cycle.end.getTime();
}

/**
 * The readings that still count: every reading that is not withdrawn and that no other reading
 * of the list supersedes. A withdrawn correction still supersedes the reading it corrected (that
 * one was already judged wrong): withdrawing never brings a value back. Order is kept.
 */
export function effectiveReadings<R extends Reading>(readings: readonly R[]): R[] {
  const superseded = new Set<string>();
  for (const reading of readings) {
    if (reading.supersedesId !== undefined && reading.supersedesId !== null) {
      superseded.add(reading.supersedesId);
    }
  }
  return readings.filter((reading) => reading.withdrawn !== true && !superseded.has(reading.id));
}

/**
 * Per measure, the first and last effective reading for which `include(observedAt)` holds,
 * by `observedAt`. On equal `observedAt`, `first` is the one earlier in the input and `last` the
 * one later in the input (the later-recorded one, when the caller lists readings in recording
 * order).
 */
export function readingSpans<R extends Reading>(
  readings: readonly R[],
  include: (observedAt: Date) => boolean,
): Map<string, ReadingSpan<R>> {
  const spans = new Map<string, ReadingSpan<R>>();
  for (const reading of effectiveReadings(readings)) {
    if (!include(reading.observedAt)) {
      continue;
    }
    const t = reading.observedAt.getTime();
    const span = spans.get(reading.measureId);
    if (span === undefined) {
      spans.set(reading.measureId, { first: reading, last: reading });
      continue;
    }
    if (t < span.first.observedAt.getTime()) {
      span.first = reading;
    }
    if (t >= span.last.observedAt.getTime()) {
      span.last = reading;
    }
  }
  return spans;
}

/** Per measure, the first and last effective reading observed within the cycle. */
export function cycleReadingSpans<R extends Reading>(
  readings: readonly R[],
  cycle: Pick<Cycle, 'start' | 'end'>,
): Map<string, ReadingSpan<R>> {
  return readingSpans(readings, (at) => isInCycle(at, cycle));
}

/** Per measure, the latest effective reading observed at or before `now`. */
export function latestReadings<R extends Reading>(
  readings: readonly R[],
  now: Date,
): Map<string, R> {
  const latest = new Map<string, R>();
  const spans = readingSpans(readings, (at) => at.getTime() <= now.getTime());
  for (const [measureId, span] of spans) {
    latest.set(measureId, span.last);
  }
  return latest;
}

/** Who asks to correct a reading, and how they stand to it and to its initiative. */
export interface CorrectorInput {
  correctorId: string;
  /** Who recorded the reading being corrected. */
  recorderId: string;
  isAdmin: boolean;
  /** Owner or sponsor of the initiative, while holding the role the relation presumes. */
  isOwner: boolean;
  isSponsor: boolean;
}

/**
 * Whether this person may supersede the reading: its recorder, the initiative's owner or its
 * sponsor, or an admin. Any other team member records readings of their own but does not
 * overwrite a colleague's.
 */
export function mayCorrectReading(input: CorrectorInput): boolean {
  return (
    input.correctorId === input.recorderId || input.isAdmin || input.isOwner || input.isSponsor
  );
}
