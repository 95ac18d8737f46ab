import { inject, Injectable } from '@angular/core';
import type { ConditionListItem, ConditionListQuery, Page } from '@waypoint/contracts';
import { API_ROOT, ApiClient } from './api-client';

export const CONDITIONS_API = { list: `${API_ROOT}/conditions` } as const;

/** The conditions of go-with-conditions decisions across initiatives. */
@Injectable({ providedIn: 'root' })
export class ConditionsApi {
  private readonly api = inject(ApiClient);

  list(query: ConditionListQuery): Promise<Page<ConditionListItem>> {
    return this.api.get<Page<ConditionListItem>>(CONDITIONS_API.list, query);
  }
}
