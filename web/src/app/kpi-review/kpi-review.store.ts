import { inject, Injectable, resource } from '@angular/core';
import {
  KPI_CLASS_VALUES,
  type KpiClass,
  type KpiReviewSummary,
  type MeasureResponse,
} from '@waypoint/contracts';
import { InitiativesApi, PortfolioApi } from '../shared/api';

export interface KpiRow {
  id: string;
  name: string;
  unit: string;
  initiativeId: string;
  initiativeTitle: string;
  perspective: MeasureResponse['perspective'];
  kpiClass: KpiClass;
  counterMeasure: MeasureResponse['counterMeasure'];
  progress: number | null;
  stale: boolean;
  /** Named by a tension alert of the current cycle. */
  worsening: boolean;
}

export interface KpiGroup {
  kpiClass: KpiClass;
  rows: KpiRow[];
}

export interface KpiReview {
  summary: KpiReviewSummary;
  groups: KpiGroup[];
  pairs: Array<{ customer: KpiRow; counter: KpiRow | null }>;
}

/** The measures grouped by KPI class (customer-centric, neutral, customer-toxic), by name. */
export function groupByClass(rows: readonly KpiRow[]): KpiGroup[] {
  return KPI_CLASS_VALUES.map((kpiClass) => ({
    kpiClass,
    rows: rows
      .filter((row) => row.kpiClass === kpiClass)
      .sort(
        (a, b) =>
          Number(b.stale || b.worsening) - Number(a.stale || a.worsening) ||
          a.name.localeCompare(b.name),
      ),
  }));
}

/** The customer measures that have a counter-measure, each with it. */
export function counterPairs(rows: readonly KpiRow[]): KpiReview['pairs'] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return rows
    .filter((row) => row.counterMeasure)
    .map((row) => ({ customer: row, counter: byId.get(row.counterMeasure?.id ?? '') ?? null }));
}

/**
 * KPI review: the portfolio summary's KPI counts, every measure of the initiatives grouped by
 * class, counter-measure pairs, and warnings (stale, or named by a tension alert).
 */
@Injectable()
export class KpiReviewStore {
  private readonly portfolioApi = inject(PortfolioApi);
  private readonly initiativesApi = inject(InitiativesApi);

  readonly review = resource({ loader: () => this.load() });

  private async load(): Promise<KpiReview> {
    const [summary, alerts, initiatives] = await Promise.all([
      this.portfolioApi.summary(),
      this.portfolioApi.alerts(),
      this.initiativesApi.list({ limit: 200, sort: 'title', order: 'asc' }),
    ]);
    const worsening = new Set(alerts.items.flatMap((alert) => alert.measureIds));
    const measures = await Promise.all(
      initiatives.items.map(async (initiative) =>
        (await this.initiativesApi.measures(initiative.id, { limit: 200 })).items.map(
          (m): KpiRow => ({
            id: m.id,
            name: m.name,
            unit: m.unit,
            initiativeId: initiative.id,
            initiativeTitle: initiative.title,
            perspective: m.perspective,
            kpiClass: m.kpiClass,
            counterMeasure: m.counterMeasure,
            progress: m.progress,
            stale: m.stale,
            worsening: worsening.has(m.id),
          }),
        ),
      ),
    );
    const rows = measures.flat();
    return { summary: summary.kpiReview, groups: groupByClass(rows), pairs: counterPairs(rows) };
  }
}
