import { inject, Injectable } from '@angular/core';
import type { StepResponse, UpdateStepRequest } from '@waypoint/contracts';
import { API_ROOT, ApiClient, segment } from './api-client';

export const STEPS_API = {
  one: (id: string) => `${API_ROOT}/steps/${segment(id)}`,
} as const;

/** Steps of a milestone. */
@Injectable({ providedIn: 'root' })
export class StepsApi {
  private readonly api = inject(ApiClient);

  /** PATCH /api/steps/:id with If-Match (status, or status and position on the board). */
  update(
    step: Pick<StepResponse, 'id' | 'version'>,
    request: UpdateStepRequest,
  ): Promise<StepResponse> {
    return this.api.patch<StepResponse>(STEPS_API.one(step.id), request, { ifMatch: step.version });
  }
}
