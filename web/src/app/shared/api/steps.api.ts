import { inject, Injectable } from '@angular/core';
import type {
  CreateStepRequest,
  Page,
  StepListItem,
  StepResponse,
  StepSearchQuery,
  UpdateStepRequest,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient, newIdempotencyKey, segment } from './api-client';

export const STEPS_API = {
  list: `${API_ROOT}/steps`,
  one: (id: string) => `${API_ROOT}/steps/${segment(id)}`,
  ofMilestone: (milestoneId: string) => `${API_ROOT}/milestones/${segment(milestoneId)}/steps`,
  returnToOrigin: (id: string) => `${API_ROOT}/steps/${segment(id)}/return`,
} as const;

/** Steps: across initiatives, and one step's changes. */
@Injectable({ providedIn: 'root' })
export class StepsApi {
  private readonly api = inject(ApiClient);

  /** GET /api/steps: steps across the initiatives I may read (`assigneeId: 'me'` for mine). */
  search(query: StepSearchQuery): Promise<Page<StepListItem>> {
    return this.api.get<Page<StepListItem>>(STEPS_API.list, query);
  }

  /** PATCH /api/steps/:id with If-Match (status, or status and position on the board). */
  update(
    step: Pick<StepResponse, 'id' | 'version'>,
    request: UpdateStepRequest,
  ): Promise<StepResponse> {
    return this.api.patch<StepResponse>(STEPS_API.one(step.id), request, { ifMatch: step.version });
  }

  /** POST /api/milestones/:id/steps with an Idempotency-Key: a step at the end of the gate. */
  create(
    milestoneId: string,
    request: CreateStepRequest,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<StepResponse> {
    return this.api.post<StepResponse>(STEPS_API.ofMilestone(milestoneId), request, {
      idempotencyKey,
    });
  }

  /** DELETE /api/steps/:id with If-Match. */
  remove(step: Pick<StepResponse, 'id' | 'version'>): Promise<void> {
    return this.api.delete(STEPS_API.one(step.id), { ifMatch: step.version });
  }

  /** POST /api/steps/:id/return with If-Match: a carried-over step goes back to its gate. */
  returnToOrigin(step: Pick<StepResponse, 'id' | 'version'>): Promise<StepResponse> {
    return this.api.post<StepResponse>(STEPS_API.returnToOrigin(step.id), null, {
      ifMatch: step.version,
    });
  }
}
