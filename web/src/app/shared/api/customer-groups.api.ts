import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CustomerGroupResponse, Page } from '@waypoint/contracts';
import { API_ROOT, ApiClient, resourceRequest } from './api-client';
import type { PageQuery } from './initiatives.api';

export const CUSTOMER_GROUPS_API = { list: `${API_ROOT}/customer-groups` } as const;

/** Customer groups. */
@Injectable({ providedIn: 'root' })
export class CustomerGroupsApi {
  private readonly api = inject(ApiClient);

  listRequest(query: PageQuery): HttpResourceRequest {
    return resourceRequest(CUSTOMER_GROUPS_API.list, query);
  }

  list(query: PageQuery): Promise<Page<CustomerGroupResponse>> {
    return this.api.get<Page<CustomerGroupResponse>>(CUSTOMER_GROUPS_API.list, query);
  }
}
