import { computed, inject, Injectable, resource } from '@angular/core';
import type { PortfolioSeriesResponse, ReviewDecision } from '@waypoint/contracts';
import { PortfolioApi } from '../shared/api';
import type { CycleSeriesLine } from './cycle-series-chart.component';

export interface InitiativeSeries {
  id: string;
  title: string;
  lines: CycleSeriesLine[];
}

/** The portfolio's customer and business index per cycle, as chart lines. */
export function portfolioLines(series: PortfolioSeriesResponse): CycleSeriesLine[] {
  return [
    { name: 'Customer index', values: series.cycles.map((c) => c.customer) },
    { name: 'Business index', values: series.cycles.map((c) => c.business) },
  ];
}

/** Per initiative: its customer and business index per cycle. */
export function initiativeSeries(series: PortfolioSeriesResponse): InitiativeSeries[] {
  return series.initiatives.map((initiative) => {
    const points = series.cycles.map(
      (cycle) => cycle.initiatives.find((i) => i.id === initiative.id) ?? null,
    );
    return {
      id: initiative.id,
      title: initiative.title,
      lines: [
        { name: 'Customer index', values: points.map((p) => p?.customer ?? null) },
        { name: 'Business index', values: points.map((p) => p?.business ?? null) },
      ],
    };
  });
}

/** The decisions of each cycle's reviews, and their total. */
export function decisionTotals(
  series: PortfolioSeriesResponse,
): Array<{ cycle: string } & Record<ReviewDecision, number> & { total: number }> {
  return series.cycles.map((c) => ({
    cycle: c.cycle.name,
    ...c.decisions,
    total: c.decisions.adopt + c.decisions.adapt + c.decisions.abandon,
  }));
}

/** Cycles: progressive improvement of the portfolio and of each initiative, cycle over cycle. */
@Injectable()
export class CyclesStore {
  private readonly portfolioApi = inject(PortfolioApi);

  readonly series = resource({
    loader: () => this.portfolioApi.series(),
  });

  readonly cycleNames = computed(() =>
    this.series.hasValue() ? this.series.value().cycles.map((c) => c.cycle.name) : [],
  );
  readonly portfolio = computed(() =>
    this.series.hasValue() ? portfolioLines(this.series.value()) : [],
  );
  readonly initiatives = computed(() =>
    this.series.hasValue() ? initiativeSeries(this.series.value()) : [],
  );
  readonly decisions = computed(() =>
    this.series.hasValue() ? decisionTotals(this.series.value()) : [],
  );
}
