import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import {
  APPROACH_VALUES,
  INITIATIVE_STATUS_VALUES,
  type Approach,
  type InitiativeListItem,
  type InitiativeListQuery,
  type InitiativeSort,
  type InitiativeStatus,
  type Page,
  type SortOrder,
} from '@waypoint/contracts';
import { InitiativesApi } from '../shared/api';

export interface InitiativeListFilters {
  status: InitiativeStatus | '';
  approach: Approach | '';
  q: string;
  sort: InitiativeSort;
  order: SortOrder;
}

export const INITIATIVE_PAGE_SIZE = 10;

export const DEFAULT_FILTERS: InitiativeListFilters = {
  status: '',
  approach: '',
  q: '',
  sort: 'updatedAt',
  order: 'desc',
};

/**
 * The filters a link gives in the address: `?status=` and `?approach=` (e.g. the portfolio's
 * cards link to `/initiatives?status=on_hold`); unknown values are ignored.
 */
export function filtersFromAddress(
  get: (name: string) => string | null,
): Partial<InitiativeListFilters> {
  const filters: Partial<InitiativeListFilters> = {};
  const status = get('status');
  const approach = get('approach');
  if (INITIATIVE_STATUS_VALUES.some((s) => s === status)) {
    filters.status = status as InitiativeStatus;
  }
  if (APPROACH_VALUES.some((a) => a === approach)) filters.approach = approach as Approach;
  return filters;
}

/** Builds the query of GET /api/initiatives from the filters and the page. */
export function initiativeListParams(
  filters: InitiativeListFilters,
  pageIndex: number,
  pageSize = INITIATIVE_PAGE_SIZE,
): InitiativeListQuery {
  const params: InitiativeListQuery = {
    sort: filters.sort,
    order: filters.order,
    limit: pageSize,
    offset: pageIndex * pageSize,
  };
  if (filters.status) params.status = filters.status;
  if (filters.approach) params.approach = filters.approach;
  const q = filters.q.trim();
  if (q) params.q = q;
  return params;
}

/** The list of initiatives (`/initiatives`): filters, sort and page, and the page loaded. */
@Injectable()
export class InitiativeListStore {
  readonly filters = signal<InitiativeListFilters>(DEFAULT_FILTERS);
  readonly pageIndex = signal(0);

  private readonly initiativesApi = inject(InitiativesApi);
  private readonly page = httpResource<Page<InitiativeListItem>>(() =>
    this.initiativesApi.listRequest(initiativeListParams(this.filters(), this.pageIndex())),
  );

  readonly items = computed(() => (this.page.hasValue() ? this.page.value().items : []));
  readonly total = computed(() => (this.page.hasValue() ? this.page.value().total : 0));
  readonly loading = this.page.isLoading;
  readonly error = this.page.error;

  /** Changes some filters and goes back to the first page. */
  setFilters(change: Partial<InitiativeListFilters>): void {
    this.filters.update((f) => ({ ...f, ...change }));
    this.pageIndex.set(0);
  }

  setPage(index: number): void {
    this.pageIndex.set(index);
  }

  reload(): void {
    this.page.reload();
  }
}
