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
