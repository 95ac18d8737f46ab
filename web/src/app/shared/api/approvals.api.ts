import type { HttpResourceRequest } from '@angular/common/http';
import { Injectable } from '@angular/core';
import type { ApprovalListQuery } from '@waypoint/contracts';
import { API_ROOT, resourceRequest } from './api-client';

export const APPROVALS_API = { list: `${API_ROOT}/approvals` } as const;

/** The gates waiting for the signed-in user's decision. */
@Injectable({ providedIn: 'root' })
export class ApprovalsApi {
  listRequest(query: ApprovalListQuery): HttpResourceRequest {
    return resourceRequest(APPROVALS_API.list, query);
  }
}
