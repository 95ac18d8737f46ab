import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  DeclineIdeaRequest,
  IdeaDetailResponse,
  IdeaListQuery,
  IdeaResponse,
  InitiativeResponse,
  MergeIdeaRequest,
  MeTooRequest,
  Page,
  PromoteIdeaRequest,
  SubmitIdeaRequest,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient, newIdempotencyKey, resourceRequest, segment } from './api-client';

export const IDEAS_API = {
  list: `${API_ROOT}/ideas`,
  one: (id: string) => `${API_ROOT}/ideas/${segment(id)}`,
  meToo: (id: string) => `${API_ROOT}/ideas/${segment(id)}/me-too`,
  decline: (id: string) => `${API_ROOT}/ideas/${segment(id)}/decline`,
  merge: (id: string) => `${API_ROOT}/ideas/${segment(id)}/merge`,
  promote: (id: string) => `${API_ROOT}/ideas/${segment(id)}/promote`,
} as const;

/** The opportunity backlog. */
@Injectable({ providedIn: 'root' })
export class IdeasApi {
  private readonly api = inject(ApiClient);

  listRequest(query: IdeaListQuery): HttpResourceRequest {
    return resourceRequest(IDEAS_API.list, query);
  }

  oneRequest(id: string): HttpResourceRequest {
    return resourceRequest(IDEAS_API.one(id));
  }

  list(query: IdeaListQuery): Promise<Page<IdeaResponse>> {
    return this.api.get<Page<IdeaResponse>>(IDEAS_API.list, query);
  }

  get(id: string): Promise<IdeaDetailResponse> {
    return this.api.get<IdeaDetailResponse>(IDEAS_API.one(id));
  }

  submit(
    request: SubmitIdeaRequest,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<IdeaDetailResponse> {
    return this.api.post<IdeaDetailResponse>(IDEAS_API.list, request, { idempotencyKey });
  }

  meToo(
    id: string,
    request: MeTooRequest,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<IdeaDetailResponse> {
    return this.api.post<IdeaDetailResponse>(IDEAS_API.meToo(id), request, { idempotencyKey });
  }

  /** POST /api/ideas/:id/decline with If-Match. */
  decline(
    idea: Pick<IdeaResponse, 'id' | 'version'>,
    request: DeclineIdeaRequest,
  ): Promise<IdeaDetailResponse> {
    return this.api.post<IdeaDetailResponse>(IDEAS_API.decline(idea.id), request, {
      ifMatch: idea.version,
    });
  }

  /** POST /api/ideas/:id/merge with If-Match. */
  merge(
    idea: Pick<IdeaResponse, 'id' | 'version'>,
    request: MergeIdeaRequest,
  ): Promise<IdeaDetailResponse> {
    return this.api.post<IdeaDetailResponse>(IDEAS_API.merge(idea.id), request, {
      ifMatch: idea.version,
    });
  }

  /** The wizard's plan: creates the initiative and links the idea to it. */
  promote(
    id: string,
    request: PromoteIdeaRequest,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<InitiativeResponse> {
    return this.api.post<InitiativeResponse>(IDEAS_API.promote(id), request, { idempotencyKey });
  }
}
