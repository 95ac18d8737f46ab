import { formatMeasureValue } from './measure-value-format';
import type {
  Direction,
  InitiativeStatus,
  Payback,
  Perspective,
  RealisedSource,
} from '@waypoint/contracts';

/**
 * Show the money (issue 17), one definition for the API and the web. Amounts are integers of
 * the currency's minor units.
 *
 * - A measure's benefit in a cycle is its improvement in its own units at the cycle's close
 *   against its baseline (in the direction that is better: a fall for lower-is-better, a rise
 *   for higher-is-better, a nearer distance to target for target-is-best) times the value per
 *   unit stated on the measure, rounded to a minor unit: an improvement kept keeps earning, cycle
 *   after cycle. The owner states what a unit is worth over one cycle ("a call a month fewer
 *   saves £4.10 a month: £12.30 a quarter"). Only business measures carry a value per unit.
 * - A cycle's realised benefit is an amount entered for the cycle with evidence when there is
 *   one (the latest entry replaces the measured figure, and says so), else the sum of the valued
 *   measures' benefits, else nothing (null): never a figure nobody stated how to get.
 * - A cycle's expected benefit is the expected yearly benefit for the days of the cycle on or
 *   after the day the benefit starts (none before it, none when it is not scheduled).
 * - Payback: months to earn back the one-off cost from the monthly benefit less the monthly
 *   running cost; expected from the yearly figures, realised from the realised benefit per day
 *   over the cycles that realised something. Null when the net is not positive.
 */

const DAYS_PER_YEAR = 365;
const MONTHS_PER_YEAR = 12;
const DAY_MS = 86_400_000;

/** Units of improvement from opening to closing (positive: better). */
export function unitsImproved(
  direction: Direction,
  opening: number,
  closing: number,
  target: number,
): number {
  switch (direction) {
    case 'higher_is_better':
      return closing - opening;
    case 'lower_is_better':
      return opening - closing;
    case 'target_is_best':
      return Math.abs(opening - target) - Math.abs(closing - target);
  }
}

export interface ValuedStanding {
  direction: Direction;
  target: number;
  baseline: number;
  closing: number;
  valuePerUnitMinor: number;
}

/** A measure's benefit in a cycle (its close against its baseline), in minor units. */
export function measuredBenefitMinor(s: ValuedStanding): number {
  const amount = Math.round(
    unitsImproved(s.direction, s.baseline, s.closing, s.target) * s.valuePerUnitMinor,
  );
  return amount === 0 ? 0 : amount;
}

/** A cycle's realised benefit: entered (with evidence) first, else measured, else none. */
export function realisedBenefit(
  measuredMinor: readonly number[],
  enteredMinor: number | null,
): { amountMinor: number | null; source: RealisedSource } {
  if (enteredMinor !== null) return { amountMinor: enteredMinor, source: 'entered' };
  if (measuredMinor.length > 0) {
    return { amountMinor: measuredMinor.reduce((sum, a) => sum + a, 0), source: 'measures' };
  }
  return { amountMinor: null, source: 'none' };
}

function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** Days from `startsOn` to `endsOn`, both included (0 when the end is before the start). */
export function daysBetween(startsOn: string, endsOn: string): number {
  return Math.max(0, dayNumber(endsOn) - dayNumber(startsOn) + 1);
}

/** The expected benefit of a cycle (YYYY-MM-DD days, both included). */
export function expectedBenefitMinor(
  yearlyMinor: number,
  cycle: { startsOn: string; endsOn: string },
  benefitStartsOn: string | null,
): number {
  if (benefitStartsOn === null || yearlyMinor === 0) return 0;
  const from = benefitStartsOn > cycle.startsOn ? benefitStartsOn : cycle.startsOn;
  return Math.round((yearlyMinor * daysBetween(from, cycle.endsOn)) / DAYS_PER_YEAR);
}

function months(oneOffMinor: number, netMonthlyMinor: number): number | null {
  if (oneOffMinor <= 0) return 0;
  if (netMonthlyMinor <= 0) return null;
  return Math.round((oneOffMinor / netMonthlyMinor) * 10) / 10;
}

export interface PaybackInput {
  expectedYearlyBenefitMinor: number;
  oneOffCostMinor: number;
  runningCostMinor: number;
  /** The cycles that realised something: their amount and their length in days. */
  realised: ReadonlyArray<{ amountMinor: number; days: number }>;
}

export function payback(input: PaybackInput): Payback {
  const runningMonthly = input.runningCostMinor / MONTHS_PER_YEAR;
  const expectedMonths = months(
    input.oneOffCostMinor,
    input.expectedYearlyBenefitMinor / MONTHS_PER_YEAR - runningMonthly,
  );
  const days = input.realised.reduce((sum, r) => sum + r.days, 0);
  const amount = input.realised.reduce((sum, r) => sum + r.amountMinor, 0);
  if (days === 0) return { expectedMonths, realisedMonths: null, paidBack: false };
  const monthlyRealised = (amount / days) * (DAYS_PER_YEAR / MONTHS_PER_YEAR);
  const runningOverDays = (input.runningCostMinor * days) / DAYS_PER_YEAR;
  return {
    expectedMonths,
    realisedMonths: months(input.oneOffCostMinor, monthlyRealised - runningMonthly),
    paidBack: amount - runningOverDays >= input.oneOffCostMinor,
  };
}

/** Null when a value per unit may be stated on the measure; else why not. */
export function valuePerUnitProblem(perspective: Perspective): string | null {
  return perspective === 'business'
    ? null
    : 'A value per unit is stated on business measures only: a customer measure is not money.';
}

export interface WinReadiness {
  status: InitiativeStatus;
  /** Measures whose latest reading is better than their baseline. */
  improvedMeasures: number;
  /** The realised benefit of every cycle, summed (0 when none). */
  realisedMinor: number;
  alreadyPublished: boolean;
}

/** Null when the owner may publish the initiative's win; else why not. */
export function winProblem(w: WinReadiness): string | null {
  if (w.alreadyPublished) return 'This initiative’s win is already published.';
  if (w.status !== 'completed') return 'A win is published once the initiative is completed.';
  if (w.improvedMeasures === 0 && w.realisedMinor <= 0) {
    return 'A win needs realised results: a measure better than its baseline, or realised benefit.';
  }
  return null;
}

/** The digits of the currency's minor unit (2 for GBP and EUR, 0 for JPY). */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** Minor units to the currency's major unit (1234 pence: 12.34 pounds). */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

/**
 * What a person typed as an amount of the currency, in minor units: "12,500.50" → 1250050.
 * Null when it is not an amount (more decimals than the currency has, letters, empty).
 */
export function parseMoney(text: string, currency: string): number | null {
  // A sign and a currency symbol or code may stand around the number ("-£40.50", "40,50 €").
  const parts = /^(-?)\s*([^\d\s.,-]{0,3})\s*(-?)([\d.,\s_]+?)\s*([^\d\s.,-]{0,3})$/.exec(
    text.trim(),
  );
  if (!parts) return null;
  const [, signBefore = '', , signAfter = '', body = ''] = parts;
  if (signBefore !== '' && signAfter !== '') return null;
  const digits = minorDigits(currency);
  const match = /^(\d+)(?:\.(\d*))?$/.exec(body.replace(/[\s,_]/g, ''));
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return (signBefore || signAfter) && minor !== 0 ? -minor : minor;
}

/**
 * An amount for people, as the locale writes the currency: "£12,500", "12.500 €", "-£40.50".
 * A thousand or more of the major unit is written in whole units ("£171,438", not
 * "£171,438.36"): pence do not matter at that size and make the figures hard to read.
 */
export function formatMoney(minor: number, currency: string, locale = 'en-US'): string {
  const major = toMajor(minor, currency);
  return formatMeasureValue(Math.abs(major) >= 1000 ? Math.round(major) : major, currency, locale);
}

function monthsText(months: number): string {
  return `${months} ${months === 1 ? 'month' : 'months'}`;
}

/** Payback in words, the same on the portfolio, the brief and the wins. */
export function paybackText(p: Payback): string {
  const expected =
    p.expectedMonths === null ? 'expected never' : `expected ${monthsText(p.expectedMonths)}`;
  if (p.realisedMonths === null) return `Not paying back yet (${expected})`;
  const verb = p.paidBack ? 'Paid back' : 'Pays back';
  return `${verb} in ${monthsText(p.realisedMonths)} (${expected})`;
}
