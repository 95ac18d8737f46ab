import type { Perspective } from '@waypoint/contracts';
import { InvalidProgressError, InvalidWeightError } from './errors';
import { measureProgress, type MeasureScale } from './measure-progress';
import { cycleReadingSpans, latestReadings, type Cycle, type Reading } from './readings';

/** One measure's contribution to an index: its progress (null: no reading) and weight. */
export interface WeightedProgress {
  progress: number | null;
  /** Relative weight, a finite number of at least 0; 1 when left out; 0 leaves it out. */
  weight?: number;
}

/**
 * Weighted mean of the progress of the measures that have a reading. Measures without a reading
 * (`progress: null`) and measures of weight 0 are left out; null when nothing is left to combine.
 * Throws {@link InvalidWeightError} for a negative or non-finite weight and
 * {@link InvalidProgressError} for a non-finite progress: they are bugs upstream, not data.
 */
export function valueIndex(measures: readonly WeightedProgress[]): number | null {
  let weightedSum = 0;
  let totalWeight = 0;
  for (const { progress, weight = 1 } of measures) {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new InvalidWeightError(weight);
    }
    if (progress === null) {
      continue;
    }
    if (!Number.isFinite(progress)) {
      throw new InvalidProgressError(progress);
    }
    weightedSum += weight * progress;
    totalWeight += weight;
  }
  return totalWeight > 0 ? weightedSum / totalWeight : null;
}

/** A measure of an initiative, as the value indices need it. */
export interface IndexedMeasure extends MeasureScale {
  id: string;
  perspective: Perspective;
  weight?: number;
}

/** Where one measure stands: the reading used (if any) and its progress. */
export interface MeasureStanding {
  measureId: string;
  perspective: Perspective;
  readingId: string | null;
  value: number | null;
  progress: number | null;
}

/** The two value indices of an initiative and the standing of each measure behind them. */
export interface ValueIndices {
  customer: number | null;
  business: number | null;
  measures: MeasureStanding[];
}

/**
 * Customer and business value index of an initiative from the latest reading of each measure
 * to hand, given as reading per measure id. Superseded readings must already be left out.
 */
export function valueIndicesFrom(
  measures: readonly IndexedMeasure[],
  readingByMeasure: ReadonlyMap<string, Reading>,
): ValueIndices {
  const standings = measures.map((measure): MeasureStanding => {
    const reading = readingByMeasure.get(measure.id);
    return {
      measureId: measure.id,
      perspective: measure.perspective,
      readingId: reading?.id ?? null,
      value: reading?.value ?? null,
      progress: reading === undefined ? null : measureProgress(measure, reading.value),
    };
  });
  const indexOf = (perspective: Perspective): number | null =>
    valueIndex(
      measures.flatMap((measure, i) =>
        measure.perspective === perspective
          ? [{ progress: standings[i].progress, weight: measure.weight }]
          : [],
      ),
    );
  return { customer: indexOf('customer'), business: indexOf('business'), measures: standings };
}

/** Value indices now: the latest effective reading of each measure observed at or before `now`. */
export function valueIndicesNow(
  measures: readonly IndexedMeasure[],
  readings: readonly Reading[],
  now: Date,
): ValueIndices {
  return valueIndicesFrom(measures, latestReadings(readings, now));
}

/**
 * Value indices of a cycle: the last effective reading of each measure observed in
 * [cycle.start, cycle.end). A measure without a reading in the cycle does not count.
 */
export function valueIndicesForCycle(
  measures: readonly IndexedMeasure[],
  readings: readonly Reading[],
  cycle: Pick<Cycle, 'start' | 'end'>,
): ValueIndices {
  const last = new Map<string, Reading>();
  for (const [measureId, span] of cycleReadingSpans(readings, cycle)) {
    last.set(measureId, span.last);
  }
  return valueIndicesFrom(measures, last);
}
