import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CloseConditionRequest,
  CreateMilestoneRequest,
  MilestoneDetailResponse,
  DecideGateRequest,
  DecisionConditionResponse,
  DecisionListQuery,
  GateDecisionResponse,
  MilestoneResponse,
  Page,
  StepListQuery,
  StepResponse,
  SubmitGateRequest,
  UpdateMilestoneRequest,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient, newIdempotencyKey, resourceRequest, segment } from './api-client';

const one = (id: string): string => `${API_ROOT}/milestones/${segment(id)}`;

/** The paths of the milestones (gates) resource. */
export const MILESTONES_API = {
  one,
  steps: (id: string) => `${one(id)}/steps`,
  decisions: (id: string) => `${one(id)}/decisions`,
  start: (id: string) => `${one(id)}/start`,
  submit: (id: string) => `${one(id)}/submit`,
  resume: (id: string) => `${one(id)}/resume`,
  reorder: (id: string) => `${one(id)}/reorder`,
  ofInitiative: (initiativeId: string) =>
    `${API_ROOT}/initiatives/${segment(initiativeId)}/milestones`,
  closeCondition: (id: string) => `${API_ROOT}/conditions/${segment(id)}/close`,
} as const;

/**
 * What an owner does with a gate: start working on it, submit it for a decision, or resume it
 * after changes were requested or it was put on hold.
 */
export type GateAction = 'start' | 'submit' | 'resume';

/** Milestones (gates): the gate itself, its steps and decisions, and what moves it. */
@Injectable({ providedIn: 'root' })
export class MilestonesApi {
  private readonly api = inject(ApiClient);

  oneRequest(id: string): HttpResourceRequest {
    return resourceRequest(MILESTONES_API.one(id));
  }

  stepsRequest(id: string, query: StepListQuery): HttpResourceRequest {
    return resourceRequest(MILESTONES_API.steps(id), query);
  }

  steps(id: string, query: StepListQuery): Promise<Page<StepResponse>> {
    return this.api.get<Page<StepResponse>>(MILESTONES_API.steps(id), query);
  }

  decisionsRequest(id: string, query: DecisionListQuery): HttpResourceRequest {
    return resourceRequest(MILESTONES_API.decisions(id), query);
  }

  decisions(id: string, query: DecisionListQuery): Promise<Page<GateDecisionResponse>> {
    return this.api.get<Page<GateDecisionResponse>>(MILESTONES_API.decisions(id), query);
  }

  /** POST /api/conditions/:id/close with If-Match: closes a condition of a decision, with a note. */
  closeCondition(
    condition: Pick<DecisionConditionResponse, 'id' | 'version'>,
    request: CloseConditionRequest,
  ): Promise<DecisionConditionResponse> {
    return this.api.post<DecisionConditionResponse>(
      MILESTONES_API.closeCondition(condition.id),
      request,
      { ifMatch: condition.version },
    );
  }

  /** PATCH /api/milestones/:id with If-Match. */
  update(
    milestone: Pick<MilestoneResponse, 'id' | 'version'>,
    request: UpdateMilestoneRequest,
  ): Promise<MilestoneResponse> {
    return this.api.patch<MilestoneResponse>(MILESTONES_API.one(milestone.id), request, {
      ifMatch: milestone.version,
    });
  }

  /** POST /api/initiatives/:id/milestones with an Idempotency-Key: a gate at the end. */
  create(
    initiativeId: string,
    request: CreateMilestoneRequest,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<MilestoneDetailResponse> {
    return this.api.post<MilestoneDetailResponse>(
      MILESTONES_API.ofInitiative(initiativeId),
      request,
      { idempotencyKey },
    );
  }

  /** POST /api/milestones/:id/reorder with If-Match: a planned gate to another position. */
  reorder(
    milestone: Pick<MilestoneResponse, 'id' | 'version'>,
    position: number,
  ): Promise<MilestoneDetailResponse> {
    return this.api.post<MilestoneDetailResponse>(
      MILESTONES_API.reorder(milestone.id),
      { position },
      { ifMatch: milestone.version },
    );
  }

  /** DELETE /api/milestones/:id with If-Match: a planned gate without steps. */
  remove(milestone: Pick<MilestoneResponse, 'id' | 'version'>): Promise<void> {
    return this.api.delete(MILESTONES_API.one(milestone.id), { ifMatch: milestone.version });
  }

  /** POST /api/milestones/:id/start, /submit (body: the note for the decider) or /resume with If-Match. */
  act(
    milestone: Pick<MilestoneResponse, 'id' | 'version'>,
    action: GateAction,
    body?: SubmitGateRequest,
  ): Promise<MilestoneResponse> {
    return this.api.post<MilestoneResponse>(MILESTONES_API[action](milestone.id), body ?? null, {
      ifMatch: milestone.version,
    });
  }

  /**
   * POST /api/milestones/:id/decisions with an Idempotency-Key (a retry of the same request is
   * answered once).
   */
  decide(
    id: string,
    request: DecideGateRequest,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<GateDecisionResponse> {
    return this.api.post<GateDecisionResponse>(MILESTONES_API.decisions(id), request, {
      idempotencyKey,
    });
  }
}
