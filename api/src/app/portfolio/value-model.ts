import type {
  AlertReading,
  CycleRef,
  IndexCycleChange,
  MeasuredChange,
  MeasureStandingResponse,
  TensionAlertDetail,
  ValuePair,
} from '@waypoint/contracts';
import {
  type Cycle,
  cycleReadingSpans,
  cycleWindow,
  improvement,
  latestReadings,
  type Reading,
  measureProgress,
  tensionAlerts,
  type TensionCustomerGroup,
  type TensionMeasure,
  today,
  valueIndicesForCycle,
  valueIndicesFrom,
  valueIndicesNow,
} from '@waypoint/domain';
import type { CustomerGroupRow, CycleRow, MeasureRow, ReadingRow } from './value-data.repository';

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

function toTensionMeasure(row: MeasureRow): TensionMeasure {
  return {
    id: row.id,
    name: row.name,
    unit: row.unit,
    perspective: row.perspective,
    direction: row.direction,
    baseline: row.baseline,
    target: row.target,
    weight: row.weight,
    customerGroupId: row.customerGroupId,
    counterMeasureId: row.counterMeasureId,
  };
}

function pair(indices: { customer: number | null; business: number | null }): ValuePair {
  return { customer: indices.customer, business: indices.business };
}

function indexChange(start: number | null, end: number | null): IndexCycleChange {
  return { start, end, change: start !== null && end !== null ? end - start : null };
}

/**
 * The value indices, measured changes and tension alerts of initiatives, computed in memory by
 * libs/domain from measures and readings loaded once for all of them.
 */
export class ValueModel {
  private readonly measuresByInitiative = new Map<string, MeasureRow[]>();
  private readonly readingsByInitiative = new Map<string, ReadingRow[]>();
  private readonly measureById = new Map<string, MeasureRow>();
  private readonly readingById = new Map<string, ReadingRow>();
  private readonly groups: TensionCustomerGroup[];

  constructor(
    measures: readonly MeasureRow[],
    readings: readonly ReadingRow[],
    groups: readonly CustomerGroupRow[] = [],
  ) {
    for (const measure of measures) {
      this.measureById.set(measure.id, measure);
      const list = this.measuresByInitiative.get(measure.initiativeId) ?? [];
      list.push(measure);
      this.measuresByInitiative.set(measure.initiativeId, list);
    }
    for (const reading of readings) {
      this.readingById.set(reading.id, reading);
      const measure = this.measureById.get(reading.measureId);
      if (!measure) continue;
      const list = this.readingsByInitiative.get(measure.initiativeId) ?? [];
      list.push(reading);
      this.readingsByInitiative.set(measure.initiativeId, list);
    }
    this.groups = groups.map((g) => ({ id: g.id, name: g.name, isProtected: g.isProtected }));
  }

  measures(initiativeId: string): readonly MeasureRow[] {
    return this.measuresByInitiative.get(initiativeId) ?? [];
  }

  private tensionMeasures(initiativeId: string): TensionMeasure[] {
    return this.measures(initiativeId).map(toTensionMeasure);
  }

  private readings(initiativeId: string): readonly Reading[] {
    return this.readingsByInitiative.get(initiativeId) ?? [];
  }

  /** Indices from the latest effective reading of each measure observed by `now`. */
  now(initiativeId: string, now: Date): ValuePair {
    return pair(
      valueIndicesNow(this.tensionMeasures(initiativeId), this.readings(initiativeId), now),
    );
  }

  /** The latest effective reading of each measure of the initiative observed by `now`. */
  latest(initiativeId: string, now: Date): Map<string, Reading> {
    return latestReadings(this.readings(initiativeId), now);
  }

  /** Where each measure stands now. */
  standings(initiativeId: string, now: Date): MeasureStandingResponse[] {
    const indices = valueIndicesNow(
      this.tensionMeasures(initiativeId),
      this.readings(initiativeId),
      now,
    );
    return indices.measures.map((standing) => ({
      measureId: standing.measureId,
      name: this.measureById.get(standing.measureId)?.name ?? '',
      perspective: standing.perspective,
      readingId: standing.readingId,
      value: standing.value,
      progress: standing.progress,
    }));
  }

  /** Indices from the last effective reading of each measure within the cycle. */
  forCycle(initiativeId: string, cycle: CycleRow): ValuePair {
    return pair(
      valueIndicesForCycle(
        this.tensionMeasures(initiativeId),
        this.readings(initiativeId),
        cycleWindow(cycle),
      ),
    );
  }

  /**
   * The measured change of a cycle: each index at the cycle's start (first reading of each
   * measure in the cycle) and end (last reading), and how each measure moved.
   */
  measuredChange(initiativeId: string, cycle: CycleRow): MeasuredChange {
    const window: Cycle = cycleWindow(cycle);
    const measures = this.tensionMeasures(initiativeId);
    const readings = this.readings(initiativeId);
    const spans = cycleReadingSpans(readings, window);
    const firsts = new Map([...spans].map(([id, span]) => [id, span.first]));
    const start = valueIndicesFrom(measures, firsts);
    const end = valueIndicesForCycle(measures, readings, window);
    return {
      customer: indexChange(start.customer, end.customer),
      business: indexChange(start.business, end.business),
      measures: measures.flatMap((measure) => {
        const span = spans.get(measure.id);
        if (!span) return [];
        return [
          {
            measureId: measure.id,
            name: measure.name,
            unit: measure.unit ?? '',
            perspective: measure.perspective,
            first: point(span.first),
            last: point(span.last),
            improvement: improvement(measure, span.first.value, span.last.value),
            progressFirst: measureProgress(measure, span.first.value),
            progressLast: measureProgress(measure, span.last.value),
          },
        ];
      }),
    };
  }

  /** The tension alerts of libs/domain over the cycle, each with the readings that raised it. */
  alerts(initiativeId: string, cycle: CycleRow, threshold: number): TensionAlertDetail[] {
    const alerts = tensionAlerts(
      {
        cycle: cycleWindow(cycle),
        measures: this.tensionMeasures(initiativeId),
        readings: this.readings(initiativeId),
        customerGroups: this.groups,
      },
      { threshold },
    );
    return alerts.map(({ kind, severity, explanation, measureIds, readingIds }) => ({
      kind,
      severity,
      explanation,
      measureIds,
      readingIds,
      readings: readingIds.flatMap((id): AlertReading[] => {
        const reading = this.readingById.get(id);
        if (!reading) return [];
        return [
          {
            id,
            measureId: reading.measureId,
            measureName: this.measureById.get(reading.measureId)?.name ?? '',
            value: reading.value,
            observedAt: reading.observedAt.toISOString(),
          },
        ];
      }),
    }));
  }
}

function point(reading: Reading): { readingId: string; value: number; observedAt: string } {
  return {
    readingId: reading.id,
    value: reading.value,
    observedAt: reading.observedAt.toISOString(),
  };
}

/** What {@link loadValueModel} needs: the set-based loads of the value data. */
export interface ValueDataSource {
  measures(scope: readonly string[] | null): Promise<MeasureRow[]>;
  readings(scope: readonly string[] | null): Promise<ReadingRow[]>;
  customerGroups(): Promise<CustomerGroupRow[]>;
}

/** Loads measures, readings (and customer groups, for alerts) of the initiatives in scope. */
export async function loadValueModel(
  data: ValueDataSource,
  scope: readonly string[] | null,
  options: { withGroups?: boolean } = {},
): Promise<ValueModel> {
  const measures = await data.measures(scope);
  const readings = await data.readings(scope);
  const groups = options.withGroups ? await data.customerGroups() : [];
  return new ValueModel(measures, readings, groups);
}
