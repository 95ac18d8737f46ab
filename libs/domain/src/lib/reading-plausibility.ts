/** What the plausibility check knows about a measure. */
export interface PlausibilityMeasure {
  unit: string;
  /** Null while the measure waits for its first reading to give it a baseline. */
  baseline: number | null;
  target: number;
}

/** Why a value deserves an "Are you sure?" before it is saved (null: nothing to ask). */
export type ImplausibleReading =
  /** Negative, for a quantity that cannot be negative (see {@link cannotBeNegative}). */
  | { kind: 'wrong_sign' }
  /** Far outside everything the measure has seen: `low`..`high` is that range. */
  | { kind: 'far_outside'; side: 'below' | 'above'; low: number; high: number };

/** Units (lower case, as words or symbols) of quantities that have no negative values. */
const NON_NEGATIVE_UNITS = new Set([
  // money
  '£',
  '€',
  '$',
  '¥',
  '₹',
  'eur',
  'euro',
  'euros',
  'usd',
  'gbp',
  'chf',
  'jpy',
  'sek',
  'nok',
  'dkk',
  'aud',
  'cad',
  'inr',
  'dollar',
  'dollars',
  'pound',
  'pounds',
  // time
  's',
  'sec',
  'secs',
  'second',
  'seconds',
  'min',
  'mins',
  'minute',
  'minutes',
  'h',
  'hr',
  'hrs',
  'hour',
  'hours',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  // counts and shares
  '#',
  'count',
  'contacts',
  'calls',
  'tickets',
  'complaints',
  'customers',
  'orders',
  'people',
  'visits',
  '%',
  'percent',
]);

/**
 * Whether a measure's values cannot be negative: its unit names money, time, a count or a share
 * (a word or symbol of the unit is one of NON_NEGATIVE_UNITS, so "EUR/contact" and "£ per month"
 * count), and neither its baseline nor its target is negative. A measure whose own scale goes
 * below zero (a net balance, a net promoter score) or whose unit says nothing of the kind
 * ("points", "score") may take either sign.
 */
export function cannotBeNegative(measure: PlausibilityMeasure): boolean {
  if ((measure.baseline ?? 0) < 0 || measure.target < 0) return false;
  const words = measure.unit
    .toLowerCase()
    .split(/[\s/]+|(?<=[£€$¥₹%#])|(?=[£€$¥₹%#])/u)
    .filter((word) => word !== '' && word !== 'per');
  return words.some((word) => NON_NEGATIVE_UNITS.has(word));
}

/** How many widths of the known range a value may stray beyond it before we ask. */
export const PLAUSIBLE_MARGIN = 2;

/**
 * Whether a new value of a measure deserves a question before it is saved. The known range runs
 * from the lowest to the highest of the baseline (if any yet), the target and the effective readings so far;
 * its width is that span, but at least half the largest magnitude in it (a measure moving from
 * 6.4 to 6 has a span of 0.4 but values of about 6), and 1 when everything is 0. A value more
 * than PLAUSIBLE_MARGIN widths below or above the range is far outside; a negative value of a
 * quantity that cannot be negative is of the wrong sign (asked first). It only asks: the person
 * may confirm, and the API records whatever is confirmed.
 */
export function readingPlausibility(
  measure: PlausibilityMeasure,
  history: readonly number[],
  value: number,
): ImplausibleReading | null {
  if (value < 0 && cannotBeNegative(measure)) return { kind: 'wrong_sign' };
  const known = [
    ...(measure.baseline === null ? [] : [measure.baseline]),
    measure.target,
    ...history,
  ];
  const low = Math.min(...known);
  const high = Math.max(...known);
  const width = Math.max(high - low, Math.max(Math.abs(low), Math.abs(high)) / 2) || 1;
  if (value < low - PLAUSIBLE_MARGIN * width)
    return { kind: 'far_outside', side: 'below', low, high };
  if (value > high + PLAUSIBLE_MARGIN * width)
    return { kind: 'far_outside', side: 'above', low, high };
  return null;
}
