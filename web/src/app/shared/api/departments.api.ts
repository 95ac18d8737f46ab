import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateDepartmentRequest,
  DepartmentResponse,
  Page,
  UpdateDepartmentRequest,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient, newIdempotencyKey, resourceRequest, segment } from './api-client';
import type { PageQuery } from './initiatives.api';

export const DEPARTMENTS_API = {
  list: `${API_ROOT}/departments`,
  one: (id: string) => `${API_ROOT}/departments/${segment(id)}`,
} as const;

/** Departments: everyone lists them, admins create and rename them. */
@Injectable({ providedIn: 'root' })
export class DepartmentsApi {
  private readonly api = inject(ApiClient);

  listRequest(query: PageQuery): HttpResourceRequest {
    return resourceRequest(DEPARTMENTS_API.list, query);
  }

  list(query: PageQuery): Promise<Page<DepartmentResponse>> {
    return this.api.get<Page<DepartmentResponse>>(DEPARTMENTS_API.list, query);
  }

  create(
    request: CreateDepartmentRequest,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<DepartmentResponse> {
    return this.api.post<DepartmentResponse>(DEPARTMENTS_API.list, request, { idempotencyKey });
  }

  /** PATCH /api/departments/:id with If-Match. */
  update(
    department: Pick<DepartmentResponse, 'id' | 'version'>,
    request: UpdateDepartmentRequest,
  ): Promise<DepartmentResponse> {
    return this.api.patch<DepartmentResponse>(DEPARTMENTS_API.one(department.id), request, {
      ifMatch: department.version,
    });
  }
}
