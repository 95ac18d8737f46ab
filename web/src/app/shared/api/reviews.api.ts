import { inject, Injectable } from '@angular/core';
import type { CycleReviewResponse, PutCycleReviewRequest } from '@waypoint/contracts';
import { API_ROOT, ApiClient, segment } from './api-client';

export const REVIEWS_API = {
  one: (initiativeId: string, cycleId: string) =>
    `${API_ROOT}/initiatives/${segment(initiativeId)}/cycle-reviews/${segment(cycleId)}`,
} as const;

/** Cycle reviews (plan-do-check-act); the list is read through InitiativesApi.reviewsRequest. */
@Injectable({ providedIn: 'root' })
export class ReviewsApi {
  private readonly api = inject(ApiClient);

  /**
   * PUT /api/initiatives/:id/cycle-reviews/:cycleId: the whole review. The first write creates it
   * (no If-Match); a later one replaces it with If-Match of the version it was read at.
   */
  put(
    initiativeId: string,
    cycleId: string,
    request: PutCycleReviewRequest,
    existing: Pick<CycleReviewResponse, 'version'> | null,
  ): Promise<CycleReviewResponse> {
    return this.api.put<CycleReviewResponse>(
      REVIEWS_API.one(initiativeId, cycleId),
      request,
      existing ? { ifMatch: existing.version } : {},
    );
  }
}
