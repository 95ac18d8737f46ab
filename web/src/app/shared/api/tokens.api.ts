import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateApiTokenRequest, CreatedApiTokenResponse } from '@waypoint/contracts';
import { API_ROOT, ApiClient, resourceRequest, segment } from './api-client';

export const TOKENS_API = {
  list: `${API_ROOT}/auth/tokens`,
  one: (id: string) => `${API_ROOT}/auth/tokens/${segment(id)}`,
} as const;

/** My personal API tokens: list, create (the secret is answered once), revoke. */
@Injectable({ providedIn: 'root' })
export class TokensApi {
  private readonly api = inject(ApiClient);

  listRequest(): HttpResourceRequest {
    return resourceRequest(TOKENS_API.list);
  }

  create(request: CreateApiTokenRequest): Promise<CreatedApiTokenResponse> {
    return this.api.post<CreatedApiTokenResponse>(TOKENS_API.list, request);
  }

  revoke(id: string): Promise<void> {
    return this.api.delete<void>(TOKENS_API.one(id));
  }
}
