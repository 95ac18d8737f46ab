import type { HttpResourceRequest } from '@angular/common/http';
import { Injectable } from '@angular/core';
import type { TemplateListQuery } from '@waypoint/contracts';
import { API_ROOT, resourceRequest } from './api-client';
import type { PageQuery } from './initiatives.api';

export const PLANNING_API = {
  templates: `${API_ROOT}/templates`,
  sponsors: `${API_ROOT}/users/sponsors`,
  people: `${API_ROOT}/users/people`,
} as const;

/** What planning an initiative chooses from: the templates and the possible sponsors. */
@Injectable({ providedIn: 'root' })
export class PlanningApi {
  templatesRequest(query: TemplateListQuery): HttpResourceRequest {
    return resourceRequest(PLANNING_API.templates, query);
  }

  /** Who may sponsor: the active executives. */
  sponsorsRequest(query: PageQuery): HttpResourceRequest {
    return resourceRequest(PLANNING_API.sponsors, query);
  }

  /** Whom a team may take: active people of every role, with their departments. */
  peopleRequest(query: PageQuery & { q?: string }): HttpResourceRequest {
    return resourceRequest(PLANNING_API.people, query);
  }
}
