import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CycleResponse,
  CycleSort,
  NextCycleRequest,
  Page,
  UpdateCycleRequest,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient, newIdempotencyKey, resourceRequest, segment } from './api-client';

export interface CycleListQuery {
  sort?: CycleSort;
  /** Only the cycles that start on or before this day (YYYY-MM-DD). */
  to?: string;
  limit?: number;
  offset?: number;
}

export const CYCLES_API = {
  list: `${API_ROOT}/cycles`,
  next: `${API_ROOT}/cycles/next`,
  one: (id: string) => `${API_ROOT}/cycles/${segment(id)}`,
} as const;

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

  /** POST /api/cycles/next: the period after the latest cycle. */
  createNext(
    request: NextCycleRequest,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<CycleResponse> {
    return this.api.post<CycleResponse>(CYCLES_API.next, request, { idempotencyKey });
  }

  /** PATCH /api/cycles/:id with If-Match (dates only while nothing depends on them). */
  update(
    cycle: Pick<CycleResponse, 'id' | 'version'>,
    request: UpdateCycleRequest,
  ): Promise<CycleResponse> {
    return this.api.patch<CycleResponse>(CYCLES_API.one(cycle.id), request, {
      ifMatch: cycle.version,
    });
  }
}
