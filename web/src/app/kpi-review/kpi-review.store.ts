import { effect, inject, Injectable, resource, signal, untracked } from '@angular/core';
import type { KpiClass, MeasureListItem, MeasureSearchQuery } from '@waypoint/contracts';
import { MeasuresApi, PortfolioApi } from '../shared/api';
import { PagedList } from '../shared/paged-list';

/** Which measures the review lists: one KPI class, or all of them. */
export type KpiClassChoice = KpiClass | 'all';

/** How many measures a page of the review shows before "Show more". */
export const KPI_REVIEW_PAGE_SIZE = 50;

/** The query of the measure list for a choice of class, "stale only" and "worsening only". */
export function kpiQuery(
  kpiClass: KpiClassChoice,
  staleOnly: boolean,
  worseningOnly = false,
): MeasureSearchQuery {
  return {
    ...(kpiClass === 'all' ? {} : { kpiClass }),
    ...(staleOnly ? { stale: true } : {}),
    ...(worseningOnly ? { worsening: true } : {}),
    sort: 'initiative',
  };
}

/**
 * KPI review: the portfolio summary's KPI counts (one request) and the measures of every
 * initiative, by class and staleness (`GET /api/measures`, one request a page, "Show more").
 * Each measure shows its progress from baseline to target, whether it is stale, its
 * counter-measure's progress, and its change over the current cycle as the API stores it
 * (`cycleChange`: "worsening" is the API's libs/domain `isWorsening`, nothing the browser works
 * out); "worsening only" asks the API for those (`worsening=true`).
 */
@Injectable()
export class KpiReviewStore {
  private readonly portfolioApi = inject(PortfolioApi);
  private readonly measuresApi = inject(MeasuresApi);

  readonly kpiClass = signal<KpiClassChoice>('all');
  readonly staleOnly = signal(false);
  readonly worseningOnly = signal(false);

  readonly summary = resource({ loader: () => this.portfolioApi.summary() });

  readonly measures = new PagedList<MeasureListItem>(
    (page) =>
      this.measuresApi.search({
        ...kpiQuery(this.kpiClass(), this.staleOnly(), this.worseningOnly()),
        ...page,
      }),
    KPI_REVIEW_PAGE_SIZE,
  );

  constructor() {
    effect(() => {
      this.kpiClass();
      this.staleOnly();
      this.worseningOnly();
      untracked(() => void this.measures.restart());
    });
  }

  reload(): void {
    this.summary.reload();
    void this.measures.reload();
  }
}
