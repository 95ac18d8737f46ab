/**
 * How a value index or a measure's progress reads for people, everywhere (DOMAIN.md, "One
 * picture"): a whole percentage, 0 % at the baseline and 100 % at the target. The tension chart,
 * its tooltip, alerts, cycles, briefs, the KPI review and exports all format through here, so
 * the same index never reads two ways.
 */

/** The index as a whole percentage (0.423 → 42, -0.08 → -8); never -0. */
export function indexPercent(value: number): number {
  return Math.round(value * 100) + 0;
}

/** "42%", "-8%". */
export function formatIndexPercent(value: number): string {
  return `${indexPercent(value)}%`;
}

/**
 * A change of an index in percentage points: "+12 points", "-8 points", "1 point", "no change"
 * (a change that rounds to 0).
 */
export function formatIndexChange(change: number): string {
  const points = indexPercent(change);
  if (points === 0) {
    return 'no change';
  }
  const unit = Math.abs(points) === 1 ? 'point' : 'points';
  return `${points > 0 ? '+' : ''}${points} ${unit}`;
}

/**
 * An index's move from one standing to another: "30% → 45% (+15 points)". The points are the
 * difference of the two percentages as shown, so the line always adds up (0.164 → -0.078 reads
 * "16% → -8% (-24 points)", never the -23 of the unrounded change).
 */
export function formatIndexMovement(from: number, to: number): string {
  const points = indexPercent(to) - indexPercent(from);
  return `${formatIndexPercent(from)} → ${formatIndexPercent(to)} (${formatIndexChange(points / 100)})`;
}
