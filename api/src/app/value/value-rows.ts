import {
  cycleIndices,
  cycleStandings,
  cycleWindow,
  type CycleStanding,
  measureProgress,
  standingChange,
  tensionAlerts,
  valueIndicesNow,
} from '@waypoint/domain';
import type { CustomerGroupRow, CycleRow, MeasureRow, ReadingRow } from './value-data.repository';

/**
 * The stored value picture (tables value_standings, value_measure_now, value_indices and
 * value_now), computed by libs/domain from measures and readings. The engine writes these rows
 * on every write that changes their inputs; `npm run value:check` computes them again from every
 * reading and compares.
 */

/** One measure's standing in one cycle (cycle-standing.ts): where it opened and closed. */
export interface StandingRow {
  measureId: string;
  cycleId: string;
  initiativeId: string;
  /** Null when the standing opens at the baseline (no reading before the cycle). */
  openingReadingId: string | null;
  openingObservedAt: Date | null;
  openingValue: number | null;
  closingReadingId: string | null;
  closingObservedAt: Date | null;
  closingValue: number | null;
  progressOpening: number | null;
  progressClosing: number | null;
  /** Direction-aware change in the measure's unit (negative: it got worse); null without closing. */
  improvement: number | null;
}

/** Where a measure stands now: its latest effective reading. */
export interface MeasureNowRow {
  measureId: string;
  initiativeId: string;
  readingId: string | null;
  value: number | null;
  observedAt: Date | null;
  progress: number | null;
}

/** An initiative's two indices over a cycle: opening, closing and change. */
export interface IndexRow {
  initiativeId: string;
  cycleId: string;
  customerOpening: number | null;
  customerClosing: number | null;
  customerChange: number | null;
  businessOpening: number | null;
  businessClosing: number | null;
  businessChange: number | null;
  /**
   * The tension alerts over the cycle that do not depend on the threshold (libs/domain's
   * tensionAlerts): counter-measures that got worse (and how many of those are critical), and
   * protected groups' measures that got worse (always critical). With the index changes above,
   * the portfolio counts every alert for any threshold without computing one.
   */
  counterAlerts: number;
  counterCritical: number;
  protectedAlerts: number;
}

/** An initiative's two indices now. */
export interface NowRow {
  initiativeId: string;
  customer: number | null;
  business: number | null;
}

export interface ValueRows {
  standings: StandingRow[];
  measuresNow: MeasureNowRow[];
  indices: IndexRow[];
  now: NowRow[];
}

/**
 * What the rows are computed from: measures, their readings in recording order, every cycle and
 * the customer groups (which are protected).
 */
export interface ValueInputs {
  measures: readonly MeasureRow[];
  readings: readonly ReadingRow[];
  cycles: readonly CycleRow[];
  groups: readonly CustomerGroupRow[];
}

type GradedMeasureRow = MeasureRow & { baseline: number };

function isGraded(measure: MeasureRow): measure is GradedMeasureRow {
  return measure.baseline !== null;
}

/**
 * The stored rows of the initiatives that have measures in `inputs`. `now` bounds which readings
 * count (the running cycle closes by now); the engine passes {@link engineNow}. No reading is
 * observed in the future (the API refuses one), so the rows stay true as time passes.
 * `readings` may be every reading or only the decisive ones (value-data.repository.ts): the
 * domain picks the same standings from both.
 */
export function computeValueRows(inputs: ValueInputs, now: Date): ValueRows {
  const measuresByInitiative = new Map<string, GradedMeasureRow[]>();
  const initiativeOf = new Map<string, string>();
  // A measure without a baseline has no reading yet (the first reading gives it its baseline, in
  // the reading's own statement: migration 1764000003600), so it has nothing to contribute.
  for (const measure of inputs.measures.filter(isGraded)) {
    const list = measuresByInitiative.get(measure.initiativeId);
    if (list) list.push(measure);
    else measuresByInitiative.set(measure.initiativeId, [measure]);
    initiativeOf.set(measure.id, measure.initiativeId);
  }
  const readingsByInitiative = new Map<string, ReadingRow[]>();
  for (const reading of inputs.readings) {
    const initiativeId = initiativeOf.get(reading.measureId);
    if (initiativeId === undefined) continue;
    const list = readingsByInitiative.get(initiativeId);
    if (list) list.push(reading);
    else readingsByInitiative.set(initiativeId, [reading]);
  }
  const rows: ValueRows = { standings: [], measuresNow: [], indices: [], now: [] };
  const groups = inputs.groups.map((g) => ({ id: g.id, name: g.name, isProtected: g.isProtected }));
  const windows = inputs.cycles.map((cycle) => ({ cycle, window: cycleWindow(cycle) }));
  for (const [initiativeId, measures] of measuresByInitiative) {
    const readings = readingsByInitiative.get(initiativeId) ?? [];
    const current = valueIndicesNow(measures, readings, now);
    rows.now.push({ initiativeId, customer: current.customer, business: current.business });
    const byId = new Map(readings.map((r) => [r.id, r]));
    for (const standing of current.measures) {
      const reading = standing.readingId === null ? undefined : byId.get(standing.readingId);
      rows.measuresNow.push({
        measureId: standing.measureId,
        initiativeId,
        readingId: standing.readingId,
        value: standing.value,
        observedAt: reading?.observedAt ?? null,
        progress: standing.progress,
      });
    }
    for (const { cycle, window } of windows) {
      const standings = cycleStandings(measures, readings, window, now);
      for (const measure of measures) {
        const standing = standings.get(measure.id);
        if (standing) rows.standings.push(standingRow(measure, cycle.id, standing));
      }
      const indices = cycleIndices(measures, standings);
      // Threshold-independent alerts only: an infinite threshold raises no divergence.
      const alerts = tensionAlerts(
        { cycle: window, measures, readings, customerGroups: groups, now },
        { threshold: Number.POSITIVE_INFINITY },
      );
      const counter = alerts.filter((a) => a.kind === 'counter_measure_worsens');
      rows.indices.push({
        initiativeId,
        cycleId: cycle.id,
        customerOpening: indices.customer.opening,
        customerClosing: indices.customer.closing,
        customerChange: indices.customer.change,
        businessOpening: indices.business.opening,
        businessClosing: indices.business.closing,
        businessChange: indices.business.change,
        counterAlerts: counter.length,
        counterCritical: counter.filter((a) => a.severity === 'critical').length,
        protectedAlerts: alerts.filter((a) => a.kind === 'protected_group_worsens').length,
      });
    }
  }
  return rows;
}

function standingRow(
  measure: GradedMeasureRow,
  cycleId: string,
  standing: CycleStanding<ReadingRow>,
): StandingRow {
  const { opening, closing } = standing;
  const change = standingChange(measure, standing);
  return {
    measureId: measure.id,
    cycleId,
    initiativeId: measure.initiativeId,
    openingReadingId: opening?.reading?.id ?? null,
    openingObservedAt: opening?.reading?.observedAt ?? null,
    openingValue: opening?.value ?? null,
    closingReadingId: closing?.reading?.id ?? null,
    closingObservedAt: closing?.reading?.observedAt ?? null,
    closingValue: closing?.value ?? null,
    progressOpening: opening === null ? null : measureProgress(measure, opening.value),
    progressClosing: closing === null ? null : measureProgress(measure, closing.value),
    improvement: change?.improvement ?? null,
  };
}

/**
 * How far ahead of the clock the API accepts a reading's observation time (the readings
 * service's OBSERVED_AT_SKEW_MS; value-rows.spec.ts holds them equal).
 */
export const READING_CLOCK_SKEW_MS = 60_000;

/**
 * The "now" the engine computes the stored rows at: the clock plus the skew the API accepts, so
 * that a reading it accepted counts at once. A reading cannot be observed later than that
 * through the API; one written behind its back with a later time counts from the next write of
 * its initiative after that time.
 */
export function engineNow(clock = new Date()): Date {
  return new Date(clock.getTime() + READING_CLOCK_SKEW_MS);
}
