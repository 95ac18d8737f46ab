import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CycleResponse, CycleSort, Page } from '@waypoint/contracts';
import { API_ROOT, ApiClient, resourceRequest } from './api-client';

export interface CycleListQuery {
  sort?: CycleSort;
  /** Only the cycles that start on or before this day (YYYY-MM-DD). */
  to?: string;
  limit?: number;
  offset?: number;
}

export const CYCLES_API = { list: `${API_ROOT}/cycles` } as const;

/** Improvement cycles. */
@Injectable({ providedIn: 'root' })
export class CyclesApi {
  private readonly api = inject(ApiClient);

  listRequest(query: CycleListQuery): HttpResourceRequest {
    return resourceRequest(CYCLES_API.list, query);
  }

  list(query: CycleListQuery): Promise<Page<CycleResponse>> {
    return this.api.get<Page<CycleResponse>>(CYCLES_API.list, query);
  }
}
