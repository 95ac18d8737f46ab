import type {
  CycleRef,
  IndexCycleChange,
  MeasuredChange,
  MeasuredPoint,
  MeasureStandingResponse,
  ValuePair,
} from '@waypoint/contracts';
import { today } from '@waypoint/domain';
import type { CycleRow, MeasureRow } from './value-data.repository';
import type { IndexRow, MeasureNowRow, NowRow, StandingRow } from './value-rows';

export function cycleRef(cycle: CycleRow): CycleRef {
  return { id: cycle.id, name: cycle.name, startsOn: cycle.startsOn, endsOn: cycle.endsOn };
}

/** Cycles that have started by `now`, oldest first. */
export function startedCycles(cycles: readonly CycleRow[], now: Date): CycleRow[] {
  const day = today(now);
  return [...cycles]
    .filter((c) => c.startsOn <= day)
    .sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
}

/** The cycle that started last by `now` (the default cycle of alerts and briefs). */
export function latestStartedCycle(cycles: readonly CycleRow[], now: Date): CycleRow | null {
  const started = startedCycles(cycles, now);
  return started[started.length - 1] ?? null;
}

const NO_VALUE: ValuePair = { customer: null, business: null };

/** A reading as the stored rows keep it: where a standing opens or closes, or the latest one. */
export interface StoredReading {
  id: string;
  value: number;
  observedAt: Date;
}

/** What a {@link ValueModel} is made of: stored rows (value-rows.ts) and the measures. */
export interface ValueModelParts {
  measures: readonly MeasureRow[];
  now?: readonly NowRow[];
  measuresNow?: readonly MeasureNowRow[];
  indices?: readonly IndexRow[];
  standings?: readonly StandingRow[];
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/**
 * The value picture of some initiatives as the stored rows hold it (kept up to date on write by
 * the value engine): indices now and per cycle, measures' standings and measured change (the
 * tension alerts are the alert records, alerts/). Every reader (portfolio, cycle
 * reviews, briefs, exports, the initiative's value) reads it, so every place shows one number.
 */
export class ValueModel {
  private readonly measuresByInitiative: Map<string, MeasureRow[]>;
  private readonly measureById: Map<string, MeasureRow>;
  private readonly nowByInitiative: Map<string, NowRow>;
  private readonly measureNow: Map<string, MeasureNowRow>;
  private readonly indexByKey: Map<string, IndexRow>;
  private readonly standingsByKey: Map<string, StandingRow[]>;

  constructor(parts: ValueModelParts) {
    this.measuresByInitiative = groupBy(parts.measures, (m) => m.initiativeId);
    this.measureById = new Map(parts.measures.map((m) => [m.id, m]));
    this.nowByInitiative = new Map((parts.now ?? []).map((r) => [r.initiativeId, r]));
    this.measureNow = new Map((parts.measuresNow ?? []).map((r) => [r.measureId, r]));
    this.indexByKey = new Map(
      (parts.indices ?? []).map((r) => [`${r.initiativeId}:${r.cycleId}`, r]),
    );
    this.standingsByKey = groupBy(parts.standings ?? [], (r) => `${r.initiativeId}:${r.cycleId}`);
  }

  /** Every measure of the model's initiatives. */
  allMeasures(): MeasureRow[] {
    return [...this.measureById.values()];
  }

  measures(initiativeId: string): readonly MeasureRow[] {
    return this.measuresByInitiative.get(initiativeId) ?? [];
  }

  /** Indices from the latest effective reading of each measure. */
  now(initiativeId: string): ValuePair {
    const row = this.nowByInitiative.get(initiativeId);
    return row ? { customer: row.customer, business: row.business } : NO_VALUE;
  }

  /** The latest effective reading of each measure of the initiative that has one. */
  latest(initiativeId: string): Map<string, StoredReading> {
    const latest = new Map<string, StoredReading>();
    for (const measure of this.measures(initiativeId)) {
      const row = this.measureNow.get(measure.id);
      if (row?.readingId && row.value !== null && row.observedAt !== null) {
        latest.set(measure.id, { id: row.readingId, value: row.value, observedAt: row.observedAt });
      }
    }
    return latest;
  }

  /** Where each measure stands now. */
  standings(initiativeId: string): MeasureStandingResponse[] {
    return this.measures(initiativeId).map((measure) => {
      const row = this.measureNow.get(measure.id);
      return {
        measureId: measure.id,
        name: measure.name,
        perspective: measure.perspective,
        readingId: row?.readingId ?? null,
        value: row?.value ?? null,
        progress: row?.progress ?? null,
      };
    });
  }

  /** The indices at the cycle's close (by its end, or now for the running cycle). */
  forCycle(initiativeId: string, cycle: CycleRow): ValuePair {
    const row = this.indexByKey.get(`${initiativeId}:${cycle.id}`);
    return row ? { customer: row.customerClosing, business: row.businessClosing } : NO_VALUE;
  }

  /**
   * The indices at the cycle's opening: where the initiative stood when the previous cycle
   * closed, over the same measures as {@link forCycle} (domain cycleIndices).
   */
  openingFor(initiativeId: string, cycle: CycleRow): ValuePair {
    const row = this.indexByKey.get(`${initiativeId}:${cycle.id}`);
    return row ? { customer: row.customerOpening, business: row.businessOpening } : NO_VALUE;
  }

  /** The measured change of a cycle: each index at its opening and closing, and each measure. */
  measuredChange(initiativeId: string, cycle: CycleRow): MeasuredChange {
    const index = this.indexByKey.get(`${initiativeId}:${cycle.id}`);
    const standings = this.standingsOf(initiativeId, cycle);
    return {
      customer: indexChange(index?.customerOpening, index?.customerClosing, index?.customerChange),
      business: indexChange(index?.businessOpening, index?.businessClosing, index?.businessChange),
      measures: this.measures(initiativeId).flatMap((measure) => {
        const s = standings.get(measure.id);
        if (
          !s ||
          s.openingValue === null ||
          s.closingValue === null ||
          s.improvement === null ||
          s.progressOpening === null ||
          s.progressClosing === null
        ) {
          return [];
        }
        return [
          {
            measureId: measure.id,
            name: measure.name,
            unit: measure.unit,
            perspective: measure.perspective,
            first: point(s.openingReadingId, s.openingValue, s.openingObservedAt),
            last: point(s.closingReadingId, s.closingValue, s.closingObservedAt),
            improvement: s.improvement,
            progressFirst: s.progressOpening,
            progressLast: s.progressClosing,
          },
        ];
      }),
    };
  }

  private standingsOf(initiativeId: string, cycle: CycleRow): Map<string, StandingRow> {
    const rows = this.standingsByKey.get(`${initiativeId}:${cycle.id}`) ?? [];
    return new Map(rows.map((r) => [r.measureId, r]));
  }
}

function indexChange(
  start: number | null | undefined,
  end: number | null | undefined,
  change: number | null | undefined,
): IndexCycleChange {
  return { start: start ?? null, end: end ?? null, change: change ?? null };
}

function point(readingId: string | null, value: number, observedAt: Date | null): MeasuredPoint {
  return { readingId, value, observedAt: observedAt?.toISOString() ?? null };
}
