import type { Approach, Direction, InitiativeStatus, Perspective } from './domain-enums';
import type { MeasureUserRef } from './measures';
import type { CycleRef } from './measures';

/**
 * Money (issue 17, "show the money"). Every amount is an integer number of the currency's minor
 * units (pence for GBP, cents for EUR, yen for JPY), never a float; the currency is the
 * organisation's (`ORGANISATION_CURRENCY`), named in every answer that carries amounts.
 */
export const MONEY_TEXT_MAX = 2000;
/** The largest amount accepted, in minor units (ten billion in the major unit). */
export const MONEY_MAX_MINOR = 1_000_000_000_000;

/** Where a cycle's realised benefit comes from. */
export const REALISED_SOURCE_VALUES = ['measures', 'entered', 'none'] as const;
export type RealisedSource = (typeof REALISED_SOURCE_VALUES)[number];

/** PUT /api/initiatives/:id/money: the money case of an initiative. */
export interface PutMoneyPlanRequest {
  /** Benefit expected per year once it works, in minor units. */
  expectedYearlyBenefitMinor: number;
  oneOffCostMinor: number;
  /** Running cost per year, in minor units. */
  runningCostMinor: number;
  /** The assumptions behind the figures, written out. */
  assumptions?: string;
  /** YYYY-MM-DD: the day the expected benefit starts to count; absent: not scheduled yet. */
  benefitStartsOn?: string | null;
}

/** PUT /api/measures/:id/value-per-unit: what one unit of improvement of a business measure is worth. */
export interface PutValuePerUnitRequest {
  /** Minor units per unit of improvement (0: no value stated, the measure stops counting). */
  valuePerUnitMinor: number;
  /** Why, in words: "each call avoided saves £4.10 of agent time". */
  basis?: string;
}

/** POST /api/initiatives/:id/realised-benefits: a cycle's realised benefit entered with evidence. */
export interface CreateRealisedBenefitRequest {
  cycleId: string;
  /** Minor units; negative when the cycle cost money. */
  amountMinor: number;
  evidenceUrl: string;
  note: string;
}

export interface MoneyPlan {
  expectedYearlyBenefitMinor: number;
  oneOffCostMinor: number;
  runningCostMinor: number;
  assumptions: string;
  benefitStartsOn: string | null;
  version: number;
  updatedAt: string;
}

export interface ValuedMeasure {
  measureId: string;
  name: string;
  unit: string;
  direction: Direction;
  perspective: Perspective;
  /** Null when no value per unit is stated (the measure does not count). */
  valuePerUnitMinor: number | null;
  basis: string;
}

/** One measure's part of a cycle's measured benefit: its improvement times its value per unit. */
export interface MeasuredBenefitPart {
  measureId: string;
  name: string;
  unit: string;
  baseline: number;
  /** The measure at the cycle's close (by now for the running cycle). */
  closing: number;
  /** Units of improvement at the close against the baseline (positive: better). */
  unitsImproved: number;
  valuePerUnitMinor: number;
  amountMinor: number;
}

export interface RealisedBenefitEntry {
  id: string;
  cycleId: string;
  amountMinor: number;
  evidenceUrl: string;
  note: string;
  enteredBy: MeasureUserRef;
  enteredAt: string;
}

export interface MoneyCycle {
  cycle: CycleRef;
  expectedMinor: number;
  /** Null when nothing was realised (no valued measure moved, nothing entered). */
  realisedMinor: number | null;
  source: RealisedSource;
  measured: MeasuredBenefitPart[];
  /** The entry that counts for the cycle (the latest), when one was entered. */
  entered: RealisedBenefitEntry | null;
}

export interface Payback {
  /** Months to earn back the one-off cost from the expected benefit less running cost; null: never. */
  expectedMonths: number | null;
  /** The same from the realised benefit so far; null: not paying back (or nothing realised). */
  realisedMonths: number | null;
  /** The realised benefit so far, less running cost over the same days, covers the one-off cost. */
  paidBack: boolean;
}

/** GET /api/initiatives/:id/money. */
export interface InitiativeMoneyResponse {
  initiativeId: string;
  currency: string;
  plan: MoneyPlan | null;
  measures: ValuedMeasure[];
  cycles: MoneyCycle[];
  realisedTotalMinor: number;
  expectedTotalMinor: number;
  payback: Payback | null;
  /** Every entry ever made, latest first (a later entry for a cycle replaces an earlier one). */
  entries: RealisedBenefitEntry[];
  /** The published win, if any. */
  winId: string | null;
}

export interface MoneyFigures {
  expectedMinor: number;
  realisedMinor: number;
}

export interface MoneyCycleTotals extends MoneyFigures {
  cycle: CycleRef;
}

export interface MoneyRoad {
  road: Approach;
  /** Initiatives on this road, by status (drafts included). */
  initiatives: number;
  byStatus: Partial<Record<InitiativeStatus, number>>;
  cycles: MoneyCycleTotals[];
  expectedMinor: number;
  realisedMinor: number;
}

export interface MoneyDepartment {
  department: { id: string; name: string } | null;
  cycles: MoneyCycleTotals[];
  expectedMinor: number;
  realisedMinor: number;
}

export interface CompletedPayback {
  initiative: { id: string; title: string; road: Approach };
  oneOffCostMinor: number;
  realisedMinor: number;
  payback: Payback;
}

/** GET /api/portfolio/money: expected against realised per cycle, by road and department. */
export interface PortfolioMoneyResponse {
  currency: string;
  cycles: MoneyCycleTotals[];
  expectedMinor: number;
  realisedMinor: number;
  roads: MoneyRoad[];
  departments: MoneyDepartment[];
  completed: CompletedPayback[];
}

/** POST /api/initiatives/:id/win. */
export interface PublishWinRequest {
  /** What was learned, for colleagues. */
  learned: string;
  /** For customers: what they told us (no internal figures). */
  youToldUs: string;
  /** For customers: what we changed. */
  weChanged: string;
}

export interface WinMeasure {
  name: string;
  unit: string;
  perspective: Perspective;
  direction: Direction;
  before: number;
  after: number | null;
}

export interface WinResponse {
  id: string;
  initiative: { id: string; title: string; road: Approach };
  publishedBy: MeasureUserRef;
  publishedAt: string;
  learned: string;
  youToldUs: string;
  weChanged: string;
  /** Before (baseline) and after (latest reading) of each measure, as at publication. */
  measures: WinMeasure[];
  /** The money as at publication (`publishedAt`): a snapshot that never changes. */
  money: {
    currency: string;
    expectedYearlyBenefitMinor: number | null;
    oneOffCostMinor: number | null;
    realisedMinor: number;
    payback: Payback | null;
  };
  /**
   * The money today, by the same rules as the initiative's money and the portfolio's payback
   * (live). Null for whoever may not read the initiative.
   */
  now: WinMoneyNow | null;
  customerGroups: string[];
}

/** A win's initiative's money today, beside the snapshot of its publication. */
export interface WinMoneyNow {
  /** The realised benefit of every cycle so far. */
  realisedMinor: number;
  payback: Payback | null;
}
