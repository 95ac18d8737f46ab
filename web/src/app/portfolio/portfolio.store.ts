import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  ApprovalResponse,
  CycleResponse,
  Page,
  PortfolioSummaryResponse,
  PortfolioTensionResponse,
} from '@waypoint/contracts';
import { ApprovalsApi, CyclesApi, PortfolioApi } from '../shared/api';

/** Most waiting gates listed on the portfolio (the full list is on Approvals). */
export const PORTFOLIO_GATES_LIMIT = 10;
/** How many tension points the chart draws: the API sends those that pull apart most. */
export const PORTFOLIO_CHART_LIMIT = 200;

/**
 * The Portfolio place's data: the summary, the tension points (of the chosen cycle; none chosen:
 * now), the gates waiting and the cycles to choose from. The alerts list loads its own
 * (shared/alerts).
 */
@Injectable()
export class PortfolioStore {
  /** The chosen cycle's id; null: the current state. */
  readonly cycleId = signal<string | null>(null);

  private readonly portfolioApi = inject(PortfolioApi);
  private readonly approvalsApi = inject(ApprovalsApi);
  private readonly cyclesApi = inject(CyclesApi);

  private readonly summaryResource = httpResource<PortfolioSummaryResponse>(() =>
    this.portfolioApi.summaryRequest(),
  );
  private readonly tensionResource = httpResource<PortfolioTensionResponse>(() =>
    this.portfolioApi.tensionRequest({ ...this.cycleParams(), limit: PORTFOLIO_CHART_LIMIT }),
  );
  private readonly approvalsResource = httpResource<Page<ApprovalResponse>>(() =>
    this.approvalsApi.listRequest({
      sort: 'submittedAt',
      order: 'asc',
      limit: PORTFOLIO_GATES_LIMIT,
    }),
  );
  private readonly cyclesResource = httpResource<Page<CycleResponse>>(() =>
    this.cyclesApi.listRequest({
      sort: '-startsOn',
      limit: 50,
      to: new Date().toISOString().slice(0, 10),
    }),
  );

  readonly summary = computed(() =>
    this.summaryResource.hasValue() ? this.summaryResource.value() : null,
  );
  readonly summaryLoading = computed(
    () => this.summaryResource.isLoading() && !this.summaryResource.hasValue(),
  );
  readonly summaryError = computed(() => this.summaryResource.error() ?? null);

  readonly tension = computed(() =>
    this.tensionResource.hasValue() ? this.tensionResource.value() : null,
  );
  readonly tensionLoading = computed(() => this.tensionResource.isLoading());
  readonly tensionError = computed(() => this.tensionResource.error() ?? null);

  readonly gates = computed<ApprovalResponse[]>(() =>
    this.approvalsResource.hasValue() ? this.approvalsResource.value().items : [],
  );
  readonly gatesTotal = computed(() =>
    this.approvalsResource.hasValue() ? this.approvalsResource.value().total : 0,
  );
  readonly gatesLoading = computed(
    () => this.approvalsResource.isLoading() && !this.approvalsResource.hasValue(),
  );
  readonly gatesError = computed(() => this.approvalsResource.error() ?? null);

  readonly cycles = computed<CycleResponse[]>(() =>
    this.cyclesResource.hasValue() ? this.cyclesResource.value().items : [],
  );

  selectCycle(id: string | null): void {
    this.cycleId.set(id || null);
  }

  reload(): void {
    this.summaryResource.reload();
    this.tensionResource.reload();
    this.approvalsResource.reload();
    this.cyclesResource.reload();
  }

  private cycleParams(): { cycleId?: string } {
    const id = this.cycleId();
    return id ? { cycleId: id } : {};
  }
}
