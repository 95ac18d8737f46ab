import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AcknowledgeAlertRequest,
  AlertListQuery,
  AlertResponse,
  DismissAlertRequest,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient, resourceRequest, segment } from './api-client';

const base = `${API_ROOT}/alerts`;

export const ALERTS_API = {
  list: base,
  one: (id: string) => `${base}/${segment(id)}`,
  acknowledge: (id: string) => `${base}/${segment(id)}/acknowledge`,
  dismiss: (id: string) => `${base}/${segment(id)}/dismiss`,
} as const;

/** `GET /api/alerts`: the filters with paging. */
export interface AlertListRequest extends AlertListQuery {
  limit?: number;
  offset?: number;
}

/** Tension alert records: read them, acknowledge them (owner, sponsor), dismiss them (executive). */
@Injectable({ providedIn: 'root' })
export class AlertsApi {
  private readonly api = inject(ApiClient);

  listRequest(query: AlertListRequest): HttpResourceRequest {
    return resourceRequest(ALERTS_API.list, query);
  }

  acknowledge(id: string, request: AcknowledgeAlertRequest): Promise<AlertResponse> {
    return this.api.post<AlertResponse>(ALERTS_API.acknowledge(id), request);
  }

  dismiss(id: string, request: DismissAlertRequest): Promise<AlertResponse> {
    return this.api.post<AlertResponse>(ALERTS_API.dismiss(id), request);
  }
}
