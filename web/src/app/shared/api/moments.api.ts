import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateMomentRequest,
  InitiativeMomentRef,
  MomentListQuery,
  MomentResponse,
  ReorderMomentsRequest,
  UpdateMomentRequest,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient, newIdempotencyKey, resourceRequest, segment } from './api-client';

export const MOMENTS_API = {
  list: `${API_ROOT}/moments`,
  heatMap: `${API_ROOT}/moments/heat-map`,
  order: `${API_ROOT}/moments/order`,
  one: (id: string) => `${API_ROOT}/moments/${segment(id)}`,
  ofInitiative: (id: string) => `${API_ROOT}/initiatives/${segment(id)}/moments`,
} as const;

/** Customer moments: the journeys, the heat map, the moments an initiative improves. */
@Injectable({ providedIn: 'root' })
export class MomentsApi {
  private readonly api = inject(ApiClient);

  listRequest(query: MomentListQuery): HttpResourceRequest {
    return resourceRequest(MOMENTS_API.list, query);
  }

  heatMapRequest(): HttpResourceRequest {
    return resourceRequest(MOMENTS_API.heatMap);
  }

  ofInitiativeRequest(initiativeId: string): HttpResourceRequest {
    return resourceRequest(MOMENTS_API.ofInitiative(initiativeId));
  }

  create(
    request: CreateMomentRequest,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<MomentResponse> {
    return this.api.post<MomentResponse>(MOMENTS_API.list, request, { idempotencyKey });
  }

  /** PATCH /api/moments/:id with If-Match. */
  update(
    moment: Pick<MomentResponse, 'id' | 'version'>,
    request: UpdateMomentRequest,
  ): Promise<MomentResponse> {
    return this.api.patch<MomentResponse>(MOMENTS_API.one(moment.id), request, {
      ifMatch: moment.version,
    });
  }

  remove(moment: Pick<MomentResponse, 'id' | 'version'>): Promise<void> {
    return this.api.delete(MOMENTS_API.one(moment.id), { ifMatch: moment.version });
  }

  reorder(request: ReorderMomentsRequest): Promise<MomentResponse[]> {
    return this.api.put<MomentResponse[]>(MOMENTS_API.order, request);
  }

  linkInitiative(initiativeId: string, momentIds: string[]): Promise<InitiativeMomentRef[]> {
    return this.api.put<InitiativeMomentRef[]>(MOMENTS_API.ofInitiative(initiativeId), {
      momentIds,
    });
  }
}
