import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateRealisedBenefitRequest,
  InitiativeMoneyResponse,
  Page,
  PublishWinRequest,
  PutMoneyPlanRequest,
  PutValuePerUnitRequest,
  WinResponse,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient, newIdempotencyKey, resourceRequest, segment } from './api-client';

export const MONEY_API = {
  initiative: (id: string) => `${API_ROOT}/initiatives/${segment(id)}/money`,
  valuePerUnit: (measureId: string) => `${API_ROOT}/measures/${segment(measureId)}/value-per-unit`,
  realised: (id: string) => `${API_ROOT}/initiatives/${segment(id)}/realised-benefits`,
  portfolio: `${API_ROOT}/portfolio/money`,
  publishWin: (id: string) => `${API_ROOT}/initiatives/${segment(id)}/win`,
  wins: `${API_ROOT}/wins`,
  win: (id: string) => `${API_ROOT}/wins/${segment(id)}`,
} as const;

/** Money (an initiative's case, realised benefit, the portfolio's money) and wins. */
@Injectable({ providedIn: 'root' })
export class MoneyApi {
  private readonly api = inject(ApiClient);

  initiativeRequest(id: string): HttpResourceRequest {
    return resourceRequest(MONEY_API.initiative(id));
  }

  /** Creates the case (no version) or replaces it (the plan's version as If-Match). */
  putPlan(
    id: string,
    body: PutMoneyPlanRequest,
    version: number | null,
  ): Promise<InitiativeMoneyResponse> {
    return this.api.put<InitiativeMoneyResponse>(
      MONEY_API.initiative(id),
      body,
      version === null ? {} : { ifMatch: version },
    );
  }

  putValuePerUnit(
    measureId: string,
    body: PutValuePerUnitRequest,
  ): Promise<InitiativeMoneyResponse> {
    return this.api.put<InitiativeMoneyResponse>(MONEY_API.valuePerUnit(measureId), body);
  }

  enterRealised(
    id: string,
    body: CreateRealisedBenefitRequest,
    idempotencyKey = newIdempotencyKey(),
  ): Promise<InitiativeMoneyResponse> {
    return this.api.post<InitiativeMoneyResponse>(MONEY_API.realised(id), body, { idempotencyKey });
  }

  portfolioRequest(): HttpResourceRequest {
    return resourceRequest(MONEY_API.portfolio);
  }

  publishWin(
    id: string,
    body: PublishWinRequest,
    idempotencyKey = newIdempotencyKey(),
  ): Promise<WinResponse> {
    return this.api.post<WinResponse>(MONEY_API.publishWin(id), body, { idempotencyKey });
  }

  winsRequest(query: { limit?: number; offset?: number } = {}): HttpResourceRequest {
    return resourceRequest(MONEY_API.wins, query);
  }

  wins(query: { limit: number; offset: number }): Promise<Page<WinResponse>> {
    return this.api.get<Page<WinResponse>>(MONEY_API.wins, query);
  }

  winRequest(id: string): HttpResourceRequest {
    return resourceRequest(MONEY_API.win(id));
  }
}
