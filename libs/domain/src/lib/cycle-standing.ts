import type { Perspective } from '@waypoint/contracts';
import { improvement, measureProgress, type MeasureScale } from './measure-progress';
import { effectiveReadings, type Cycle, type Reading } from './readings';
import { valueIndex } from './value-index';

/**
 * Cycle standings: where a measure stood when an improvement cycle opened and where it stands at
 * its close. This is the one definition of "change over a cycle" (DOMAIN.md, "Cycle standing"):
 * cycle change, tension alerts, a cycle review's measured change, the per-cycle series, briefs
 * and exports all read it.
 *
 * "Over a cycle" is read as people read a quarterly report: from where the measure stood as the
 * cycle began (its last reading before the cycle) to where it stands at the cycle's end. It is
 * not the span between two readings inside the cycle: a measure read once a quarter has one
 * reading per cycle and still shows change from quarter to quarter.
 */

/** A point a standing opens or closes at: a reading, or the measure's baseline (no reading). */
export interface StandingPoint<R extends Reading = Reading> {
  /** The reading, or null when the point is the measure's baseline. */
  reading: R | null;
  value: number;
}

/** One measure's standing in one cycle. */
export interface CycleStanding<R extends Reading = Reading> {
  measureId: string;
  /**
   * The last effective reading before the cycle starts; else the baseline; else the first
   * effective reading in the cycle (up to the cut-off); null when there is none of these.
   */
  opening: StandingPoint<R> | null;
  /**
   * The last effective reading before the cut-off (the cycle's end, or just after `now` for the
   * running cycle), wherever it lies before that; null when the measure has no reading by then.
   */
  closing: StandingPoint<R> | null;
}

/** What a standing needs to know of a measure: its id and baseline (null: none yet). */
export interface StandingMeasure {
  id: string;
  baseline: number | null;
}

/**
 * The instant before which readings count for a cycle's closing: its end, or for the running
 * cycle the millisecond after `now` (readings observed at `now` count).
 */
export function standingCutoff(cycle: Pick<Cycle, 'end'>, now: Date): Date {
  return new Date(Math.min(cycle.end.getTime(), now.getTime() + 1));
}

/**
 * The standing of one measure in a cycle. `readings` may hold any readings (of any measure, in
 * any order, superseded ones included): only this measure's effective readings count. On equal
 * observation times the one later in the list (recorded later) is the later reading.
 *
 * Properties (see the spec): adding a reading before the cycle can change its opening but,
 * when the measure has a reading in the cycle, never its closing; adding a reading in the cycle
 * can change its closing but, when there is an earlier reading or a baseline, never its opening.
 */
export function cycleStanding<R extends Reading>(
  measure: StandingMeasure,
  readings: readonly R[],
  cycle: Pick<Cycle, 'start' | 'end'>,
  now: Date,
): CycleStanding<R> {
  return standingOf(
    measure,
    effectiveReadings(readings).filter((r) => r.measureId === measure.id),
    cycle.start.getTime(),
    standingCutoff(cycle, now).getTime(),
  );
}

/** The standings of several measures in one cycle, by measure id (every measure has one). */
export function cycleStandings<R extends Reading>(
  measures: readonly StandingMeasure[],
  readings: readonly R[],
  cycle: Pick<Cycle, 'start' | 'end'>,
  now: Date,
): Map<string, CycleStanding<R>> {
  const byMeasure = new Map<string, R[]>();
  for (const reading of effectiveReadings(readings)) {
    const list = byMeasure.get(reading.measureId);
    if (list === undefined) {
      byMeasure.set(reading.measureId, [reading]);
    } else {
      list.push(reading);
    }
  }
  const start = cycle.start.getTime();
  const cutoff = standingCutoff(cycle, now).getTime();
  return new Map(
    measures.map((measure) => [
      measure.id,
      standingOf(measure, byMeasure.get(measure.id) ?? [], start, cutoff),
    ]),
  );
}

/** `own`: this measure's effective readings, in recording order. */
function standingOf<R extends Reading>(
  measure: StandingMeasure,
  own: readonly R[],
  start: number,
  cutoff: number,
): CycleStanding<R> {
  let before: R | null = null;
  let firstIn: R | null = null;
  let last: R | null = null;
  for (const reading of own) {
    const t = reading.observedAt.getTime();
    if (t >= cutoff) {
      continue;
    }
    if (last === null || t >= last.observedAt.getTime()) {
      last = reading;
    }
    if (t < start) {
      if (before === null || t >= before.observedAt.getTime()) {
        before = reading;
      }
    } else if (firstIn === null || t < firstIn.observedAt.getTime()) {
      firstIn = reading;
    }
  }
  const point = (reading: R): StandingPoint<R> => ({ reading, value: reading.value });
  const opening: StandingPoint<R> | null =
    before !== null
      ? point(before)
      : measure.baseline !== null
        ? { reading: null, value: measure.baseline }
        : firstIn !== null
          ? point(firstIn)
          : null;
  return { measureId: measure.id, opening, closing: last === null ? null : point(last) };
}

/** How a measure moved over a cycle, in its own unit and in progress. */
export interface StandingChange {
  /** Direction-aware: positive when it improved, negative when it got worse. */
  improvement: number;
  progressOpening: number;
  progressClosing: number;
  /** progressClosing - progressOpening. */
  progressChange: number;
}

/**
 * The change of a standing, or null when the measure has no closing (no reading by the cut-off).
 * A measure whose opening and closing are the same reading has changed by 0.
 */
export function standingChange(
  scale: MeasureScale,
  standing: Pick<CycleStanding, 'opening' | 'closing'>,
): StandingChange | null {
  const { opening, closing } = standing;
  if (opening === null || closing === null) {
    return null;
  }
  const progressOpening = measureProgress(scale, opening.value);
  const progressClosing = measureProgress(scale, closing.value);
  return {
    improvement: improvement(scale, opening.value, closing.value),
    progressOpening,
    progressClosing,
    progressChange: progressClosing - progressOpening + 0,
  };
}

/** "Worsening" means exactly this: the measure's standing fell over the cycle. */
export function isWorsening(
  scale: MeasureScale,
  standing: Pick<CycleStanding, 'opening' | 'closing'>,
): boolean {
  const change = standingChange(scale, standing);
  return change !== null && change.improvement < 0;
}

/** An index at a cycle's opening and closing, and the change between them. */
export interface IndexStanding {
  opening: number | null;
  closing: number | null;
  change: number | null;
}

/** A measure as the cycle indices need it. */
export interface CycleIndexMeasure extends MeasureScale {
  id: string;
  perspective: Perspective;
  weight?: number;
}

/** An initiative's two indices over a cycle. */
export interface CycleIndices {
  customer: IndexStanding;
  business: IndexStanding;
}

/**
 * The customer and business index of an initiative at a cycle's opening and closing: the
 * weighted mean of the progress of the perspective's measures that have a closing (both ends
 * over the same measures, so the change is the measures' own movement, not a change of which
 * measures count). The closing index of the running cycle is the initiative's index now.
 */
export function cycleIndices(
  measures: readonly CycleIndexMeasure[],
  standings: ReadonlyMap<string, Pick<CycleStanding, 'opening' | 'closing'>>,
): CycleIndices {
  const of = (perspective: Perspective): IndexStanding => {
    const opening: { progress: number; weight?: number }[] = [];
    const closing: { progress: number; weight?: number }[] = [];
    for (const measure of measures) {
      if (measure.perspective !== perspective) {
        continue;
      }
      const standing = standings.get(measure.id);
      const change = standing === undefined ? null : standingChange(measure, standing);
      if (change !== null) {
        opening.push({ progress: change.progressOpening, weight: measure.weight });
        closing.push({ progress: change.progressClosing, weight: measure.weight });
      }
    }
    const open = valueIndex(opening);
    const close = valueIndex(closing);
    return {
      opening: open,
      closing: close,
      change: open !== null && close !== null ? close - open + 0 : null,
    };
  };
  return { customer: of('customer'), business: of('business') };
}
