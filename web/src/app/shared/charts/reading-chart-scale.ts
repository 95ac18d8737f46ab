/**
 * The geometry of the readings chart, apart from drawing: which readings are outliers, the value
 * range shown, and round tick values. Pure, so the rules can be tested without a browser.
 */

/** How many robust spreads from the middle a reading may lie before it is drawn off scale. */
export const OUTLIER_SPREADS = 4;

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The readings (by index) drawn as outliers: those further than OUTLIER_SPREADS robust spreads
 * from the median of the readings, the baseline and the target, and outside the baseline-target
 * band (a value between baseline and target is never off scale). The spread is the larger of
 * 1.4826 × the median absolute deviation, half the baseline-target span and a twentieth of the
 * median's size, so that steady readings do not make every small move an outlier.
 */
export function outlierIndices(
  values: readonly number[],
  baseline: number,
  target: number,
): Set<number> {
  const all = [...values, baseline, target].sort((a, b) => a - b);
  const middle = median(all);
  const deviations = all.map((v) => Math.abs(v - middle)).sort((a, b) => a - b);
  const spread = Math.max(
    1.4826 * median(deviations),
    Math.abs(target - baseline) / 2,
    Math.abs(middle) / 20,
    Number.EPSILON,
  );
  const low = Math.min(baseline, target);
  const high = Math.max(baseline, target);
  const outliers = new Set<number>();
  values.forEach((value, index) => {
    const outside = value < low || value > high;
    if (outside && Math.abs(value - middle) > OUTLIER_SPREADS * spread) outliers.add(index);
  });
  return outliers;
}

/** The value range shown: baseline, target and the readings that are not outliers, padded. */
export function valueDomain(
  values: readonly number[],
  baseline: number,
  target: number,
  outliers: ReadonlySet<number>,
): { min: number; max: number } {
  const shown = [baseline, target, ...values.filter((_, i) => !outliers.has(i))];
  const min = Math.min(...shown);
  const max = Math.max(...shown);
  const pad = (max - min || Math.abs(max) || 1) * 0.1;
  return { min: min - pad, max: max + pad };
}

/** Round tick values within [min, max], about `count` of them (1, 2 or 5 times a power of 10). */
export function niceTicks(min: number, max: number, count = 4): number[] {
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span)) return [min];
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
    // Round away the binary noise of repeated addition (0.30000000000000004).
    ticks.push(Number(t.toPrecision(12)));
  }
  return ticks;
}

/** Evenly spread instants across [from, to] for the date axis, about `count` of them. */
export function timeTicks(from: number, to: number, count: number): number[] {
  if (!(to > from)) return [from];
  const n = Math.max(2, Math.round(count));
  return Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
}
