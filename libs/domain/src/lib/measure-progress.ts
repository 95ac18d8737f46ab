import type { Direction } from '@waypoint/contracts';

/** What it takes to grade a reading of a measure: where it started, where it aims, which way. */
export interface MeasureScale {
  baseline: number;
  target: number;
  direction: Direction;
}

/**
 * Progress of a reading from the baseline (0) to the target (1).
 *
 * - `higher_is_better`: `(value - baseline) / |target - baseline|`.
 * - `lower_is_better`: `(baseline - value) / |target - baseline|`. A measure that falls from 40
 *   to 30 toward a target of 20 is at 0.5.
 * - `target_is_best`: `1 - |value - target| / |baseline - target|`: overshooting the target in
 *   either direction reduces progress; never above 1.
 *
 * The first two are unbounded: below 0 when worse than the baseline, above 1 beyond the target.
 * The direction, not the position of the target, says which way is better: on an inconsistent
 * scale (see {@link measureScaleProblem}) reaching the target reads as -1, not 1.
 *
 * Baseline equal to target ("hold the line" measures): there is no distance to grade by, so
 * progress is 1 while the value is at the target or on its better side (for `target_is_best`:
 * exactly at the target) and 0 otherwise. Never divides by zero.
 *
 * Inputs are expected finite; the result is always a finite number then (`-0` is returned as 0).
 */
export function measureProgress(scale: MeasureScale, value: number): number {
  const { baseline, target, direction } = scale;
  const span = Math.abs(target - baseline);
  if (span === 0) {
    return isAtOrBetter(direction, value, target) ? 1 : 0;
  }
  switch (direction) {
    case 'higher_is_better':
      return (value - baseline) / span + 0;
    case 'lower_is_better':
      return (baseline - value) / span + 0;
    case 'target_is_best':
      return 1 - Math.abs(value - target) / span + 0;
  }
}

/** A measure's scale as planned: its baseline may still wait for the first reading (null). */
export interface PlannedScale {
  baseline: number | null;
  target: number;
  direction: Direction;
}

/**
 * Progress of a reading ({@link measureProgress}), or null while the measure has no baseline
 * (it takes its baseline from its first reading, so there is nothing to grade from yet).
 */
export function progressOf(scale: PlannedScale, value: number): number | null {
  const { baseline, target, direction } = scale;
  return baseline === null ? null : measureProgress({ baseline, target, direction }, value);
}

/**
 * How much better `to` is than `from`, in the measure's own unit, direction-aware: positive when
 * it improved, negative when it got worse, 0 when neither. For `target_is_best`, better means
 * closer to the target.
 */
export function improvement(
  scale: Pick<MeasureScale, 'direction' | 'target'>,
  from: number,
  to: number,
): number {
  switch (scale.direction) {
    case 'higher_is_better':
      return to - from + 0;
    case 'lower_is_better':
      return from - to + 0;
    case 'target_is_best':
      return Math.abs(from - scale.target) - Math.abs(to - scale.target) + 0;
  }
}

/**
 * Why a scale cannot be graded sensibly, or null when it can: a higher-is-better measure needs a
 * target above its baseline and a lower-is-better one a target below it. Baseline equal to
 * target is allowed (a "hold the line" measure). For the API to validate measures with.
 */
export function measureScaleProblem(scale: MeasureScale): string | null {
  const { baseline, target, direction } = scale;
  if (!Number.isFinite(baseline) || !Number.isFinite(target)) {
    return 'Baseline and target must be finite numbers.';
  }
  if (direction === 'higher_is_better' && target < baseline) {
    return `A higher-is-better measure needs a target (${target}) at or above its baseline (${baseline}).`;
  }
  if (direction === 'lower_is_better' && target > baseline) {
    return `A lower-is-better measure needs a target (${target}) at or below its baseline (${baseline}).`;
  }
  return null;
}

function isAtOrBetter(direction: Direction, value: number, target: number): boolean {
  switch (direction) {
    case 'higher_is_better':
      return value >= target;
    case 'lower_is_better':
      return value <= target;
    case 'target_is_best':
      return value === target;
  }
}
