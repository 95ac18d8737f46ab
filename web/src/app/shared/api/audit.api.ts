import type { HttpResourceRequest } from '@angular/common/http';
import { Injectable } from '@angular/core';
import { API_ROOT, resourceRequest } from './api-client';

/** GET /api/audit: newest first; `from` and `to` are instants (ISO 8601), `to` excluded. */
export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export const AUDIT_API = { list: `${API_ROOT}/audit` } as const;

/** The audit trail (admins). */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  listRequest(query: AuditQuery): HttpResourceRequest {
    return resourceRequest(AUDIT_API.list, query);
  }
}
