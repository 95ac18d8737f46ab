import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateCustomerGroupRequest,
  CustomerGroupResponse,
  Page,
  UpdateCustomerGroupRequest,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient, newIdempotencyKey, resourceRequest, segment } from './api-client';
import type { PageQuery } from './initiatives.api';

export const CUSTOMER_GROUPS_API = {
  list: `${API_ROOT}/customer-groups`,
  one: (id: string) => `${API_ROOT}/customer-groups/${segment(id)}`,
} as const;

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

  create(
    request: CreateCustomerGroupRequest,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<CustomerGroupResponse> {
    return this.api.post<CustomerGroupResponse>(CUSTOMER_GROUPS_API.list, request, {
      idempotencyKey,
    });
  }

  /** PATCH /api/customer-groups/:id with If-Match. */
  update(
    group: Pick<CustomerGroupResponse, 'id' | 'version'>,
    request: UpdateCustomerGroupRequest,
  ): Promise<CustomerGroupResponse> {
    return this.api.patch<CustomerGroupResponse>(CUSTOMER_GROUPS_API.one(group.id), request, {
      ifMatch: group.version,
    });
  }
}
