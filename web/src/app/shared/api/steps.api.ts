import { inject, Injectable } from '@angular/core';
import type {
  Page,
  StepListItem,
  StepResponse,
  StepSearchQuery,
  UpdateStepRequest,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient, segment } from './api-client';

export const STEPS_API = {
  list: `${API_ROOT}/steps`,
  one: (id: string) => `${API_ROOT}/steps/${segment(id)}`,
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
}
