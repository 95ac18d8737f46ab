import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  PortfolioAlertsResponse,
  PortfolioSeriesResponse,
  PortfolioSummaryResponse,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient, resourceRequest } from './api-client';

/** The tension points or alerts of a cycle (none: now and the current cycle). */
export interface PortfolioCycleQuery {
  cycleId?: string;
  limit?: number;
  offset?: number;
}

export const PORTFOLIO_API = {
  summary: `${API_ROOT}/portfolio/summary`,
  tension: `${API_ROOT}/portfolio/tension`,
  alerts: `${API_ROOT}/portfolio/alerts`,
  series: `${API_ROOT}/portfolio/series`,
} as const;

/** The portfolio: its summary, tension points and alerts, and its series over the cycles. */
@Injectable({ providedIn: 'root' })
export class PortfolioApi {
  private readonly api = inject(ApiClient);

  /** The summary; its alert counts are those of the cycle (none: the latest started one). */
  summaryRequest(query: { cycleId?: string } = {}): HttpResourceRequest {
    return resourceRequest(PORTFOLIO_API.summary, query);
  }

  summary(): Promise<PortfolioSummaryResponse> {
    return this.api.get<PortfolioSummaryResponse>(PORTFOLIO_API.summary);
  }

  tensionRequest(query: PortfolioCycleQuery): HttpResourceRequest {
    return resourceRequest(PORTFOLIO_API.tension, query);
  }

  alerts(): Promise<PortfolioAlertsResponse> {
    return this.api.get<PortfolioAlertsResponse>(PORTFOLIO_API.alerts);
  }

  series(): Promise<PortfolioSeriesResponse> {
    return this.api.get<PortfolioSeriesResponse>(PORTFOLIO_API.series);
  }
}
