import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CommentListQuery,
  CommentResponse,
  CreateCommentRequest,
  CreateInitiativeRequest,
  HistoryQuery,
  InitiativeListItem,
  InitiativeListQuery,
  InitiativeResponse,
  InitiativeTransitionRequest,
  CreateMeasureRequest,
  MeasureResponse,
  MilestoneListQuery,
  MilestoneResponse,
  Page,
  UpdateInitiativeRequest,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient, newIdempotencyKey, resourceRequest, segment } from './api-client';

/** A page query of the lists that take only limit and offset. */
export interface PageQuery {
  limit?: number;
  offset?: number;
}

const base = `${API_ROOT}/initiatives`;
const one = (id: string): string => `${base}/${segment(id)}`;

/** The paths of the initiatives resource and of the lists below an initiative. */
export const INITIATIVES_API = {
  list: base,
  one,
  milestones: (id: string) => `${one(id)}/milestones`,
  measures: (id: string) => `${one(id)}/measures`,
  value: (id: string) => `${one(id)}/value`,
  reviews: (id: string) => `${one(id)}/cycle-reviews`,
  comments: (id: string) => `${one(id)}/comments`,
  history: (id: string) => `${one(id)}/history`,
  transitions: (id: string) => `${one(id)}/transitions`,
} as const;

/** Initiatives, and what hangs below one: milestones, measures, value, reviews, comments, history. */
@Injectable({ providedIn: 'root' })
export class InitiativesApi {
  private readonly api = inject(ApiClient);

  listRequest(query: InitiativeListQuery): HttpResourceRequest {
    return resourceRequest(INITIATIVES_API.list, query);
  }

  list(query: InitiativeListQuery): Promise<Page<InitiativeListItem>> {
    return this.api.get<Page<InitiativeListItem>>(INITIATIVES_API.list, query);
  }

  oneRequest(id: string): HttpResourceRequest {
    return resourceRequest(INITIATIVES_API.one(id));
  }

  milestonesRequest(id: string, query: MilestoneListQuery): HttpResourceRequest {
    return resourceRequest(INITIATIVES_API.milestones(id), query);
  }

  milestones(id: string, query: MilestoneListQuery): Promise<Page<MilestoneResponse>> {
    return this.api.get<Page<MilestoneResponse>>(INITIATIVES_API.milestones(id), query);
  }

  measuresRequest(id: string, query: PageQuery): HttpResourceRequest {
    return resourceRequest(INITIATIVES_API.measures(id), query);
  }

  measures(id: string, query: PageQuery): Promise<Page<MeasureResponse>> {
    return this.api.get<Page<MeasureResponse>>(INITIATIVES_API.measures(id), query);
  }

  /** POST /api/initiatives/:id/measures with an Idempotency-Key: a measure of the plan. */
  createMeasure(
    id: string,
    request: CreateMeasureRequest,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<MeasureResponse> {
    return this.api.post<MeasureResponse>(INITIATIVES_API.measures(id), request, {
      idempotencyKey,
    });
  }

  valueRequest(id: string): HttpResourceRequest {
    return resourceRequest(INITIATIVES_API.value(id));
  }

  reviewsRequest(id: string, query: PageQuery): HttpResourceRequest {
    return resourceRequest(INITIATIVES_API.reviews(id), query);
  }

  commentsRequest(id: string, query: CommentListQuery): HttpResourceRequest {
    return resourceRequest(INITIATIVES_API.comments(id), query);
  }

  historyRequest(id: string, query: HistoryQuery): HttpResourceRequest {
    return resourceRequest(INITIATIVES_API.history(id), query);
  }

  /**
   * POST /api/initiatives. The caller makes the Idempotency-Key once per plan, so a retry of the
   * same plan cannot create it twice.
   */
  create(request: CreateInitiativeRequest, idempotencyKey: string): Promise<InitiativeResponse> {
    return this.api.post<InitiativeResponse>(INITIATIVES_API.list, request, { idempotencyKey });
  }

  /** PATCH /api/initiatives/:id with If-Match: the plan's fields, team, customer groups. */
  update(
    initiative: Pick<InitiativeResponse, 'id' | 'version'>,
    request: UpdateInitiativeRequest,
  ): Promise<InitiativeResponse> {
    return this.api.patch<InitiativeResponse>(INITIATIVES_API.one(initiative.id), request, {
      ifMatch: initiative.version,
    });
  }

  /** POST /api/initiatives/:id/transitions with If-Match. */
  transition(
    initiative: Pick<InitiativeResponse, 'id' | 'version'>,
    request: InitiativeTransitionRequest,
  ): Promise<InitiativeResponse> {
    return this.api.post<InitiativeResponse>(INITIATIVES_API.transitions(initiative.id), request, {
      ifMatch: initiative.version,
    });
  }

  /** POST /api/initiatives/:id/comments with an Idempotency-Key. */
  comment(
    id: string,
    request: CreateCommentRequest,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<CommentResponse> {
    return this.api.post<CommentResponse>(INITIATIVES_API.comments(id), request, {
      idempotencyKey,
    });
  }
}
