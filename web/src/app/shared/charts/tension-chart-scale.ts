import type { TensionPoint } from '@waypoint/contracts';
import { formatIndexMovement, formatIndexPercent } from '@waypoint/domain';

/**
 * The tension chart's axes are FIXED, the same for every cycle and for now: from -50 % (half the
 * way from baseline back past it) to 150 % (half as far again beyond the target) of progress, on
 * both axes. A bubble moves on the chart only when its initiative moved, never because the axis
 * did. An index beyond the range is drawn at the edge and marked (see `clampIndex`); the tooltip
 * and the table give its true value.
 */
export const TENSION_SCALE = { min: -0.5, max: 1.5 } as const;

/** Ticks every 50 %: -50 %, 0 %, 50 %, 100 %, 150 %; the grid lines at 50 % are the quadrant guides. */
export const TENSION_TICKS: readonly number[] = [-0.5, 0, 0.5, 1, 1.5];

/** Where an index is drawn on the fixed scale, and which edge it was pulled to (if any). */
export interface ClampedIndex {
  value: number;
  clamped: 'below' | 'above' | null;
}

export function clampIndex(value: number): ClampedIndex {
  if (value < TENSION_SCALE.min) return { value: TENSION_SCALE.min, clamped: 'below' };
  if (value > TENSION_SCALE.max) return { value: TENSION_SCALE.max, clamped: 'above' };
  return { value, clamped: null };
}

/** A tick label of the axes: "-50%", "0%", "150%" (libs/domain: one index format). */
export function formatTensionTick(value: number): string {
  return formatIndexPercent(value);
}

/** What the chart needs of an initiative's movement (the contract's TensionPoint fits). */
export type MovingPoint = Pick<
  TensionPoint,
  'customerIndex' | 'businessIndex' | 'openingCustomerIndex' | 'openingBusinessIndex'
>;

/** One index's move over the cycle: where it opened and where it closed. */
export interface IndexMove {
  from: number;
  to: number;
  change: number;
}

/**
 * The initiative's movement since the previous cycle, for the arrow on the chart: both indices
 * need an opening and a closing (null otherwise, e.g. on the chart of now).
 */
export function tensionMovement(
  point: MovingPoint,
): { customer: IndexMove; business: IndexMove } | null {
  const { customerIndex, businessIndex, openingCustomerIndex, openingBusinessIndex } = point;
  if (
    customerIndex === null ||
    businessIndex === null ||
    openingCustomerIndex === null ||
    openingBusinessIndex === null
  ) {
    return null;
  }
  return {
    customer: move(openingCustomerIndex, customerIndex),
    business: move(openingBusinessIndex, businessIndex),
  };
}

function move(from: number, to: number): IndexMove {
  return { from, to, change: to - from };
}

/** "30% → 45% (+15 points)" (libs/domain: the points add up as shown). */
export function indexMoveText(m: IndexMove): string {
  return formatIndexMovement(m.from, m.to);
}

/**
 * The movement in words, for the tooltip and the table: "Customer 30% → 45% (+15 points),
 * business 10% → 5% (-5 points)"; null when the point has no movement to show.
 */
export function movementText(point: MovingPoint): string | null {
  const m = tensionMovement(point);
  if (!m) return null;
  return `Customer ${indexMoveText(m.customer)}, business ${indexMoveText(m.business)}`;
}

/** "beyond 150%, shown at the edge" for an index drawn at the edge of the fixed scale. */
export function clampedText(c: ClampedIndex): string | null {
  if (c.clamped === null) return null;
  return c.clamped === 'above'
    ? `beyond ${formatIndexPercent(TENSION_SCALE.max)}, shown at the edge`
    : `below ${formatIndexPercent(TENSION_SCALE.min)}, shown at the edge`;
}
