import type { HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { InitiativeBriefResponse, PortfolioBriefResponse } from '@waypoint/contracts';
import { API_ROOT, ApiClient, segment } from './api-client';

export const BRIEFS_API = {
  portfolio: `${API_ROOT}/briefs/portfolio`,
  initiative: (id: string) => `${API_ROOT}/briefs/initiatives/${segment(id)}`,
} as const;

/** The one-page briefs of the portfolio and of an initiative, for a cycle (null: no cycle). */
@Injectable({ providedIn: 'root' })
export class BriefsApi {
  private readonly api = inject(ApiClient);

  portfolio(cycleId: string | null, context?: HttpContext): Promise<PortfolioBriefResponse> {
    return this.api.get<PortfolioBriefResponse>(
      BRIEFS_API.portfolio,
      cycleId ? { cycleId } : {},
      context,
    );
  }

  initiative(id: string, cycleId: string | null): Promise<InitiativeBriefResponse> {
    return this.api.get<InitiativeBriefResponse>(
      BRIEFS_API.initiative(id),
      cycleId ? { cycleId } : {},
    );
  }
}
