import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable } from '@angular/core';
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

/** `?cycle=now`: the picker's choice of the current state instead of a cycle. */
export const PORTFOLIO_NOW = 'now';

/**
 * The Portfolio place's data: the summary, the tension points and the alerts of the picked cycle,
 * the gates waiting and the cycles to choose from. The picked cycle comes from the page's
 * `?cycle=` (see `connect`): a cycle's id, `now`, or nothing, which means the latest cycle that
 * has started (a cycle, so the chart shows each initiative's movement over it). Nothing is asked
 * of the API for a cycle until the cycles are known. The alerts list loads its own
 * (shared/alerts), for `alertsCycle`.
 */
@Injectable()
export class PortfolioStore {
  /** The picked `?cycle=`: a cycle's id, PORTFOLIO_NOW, or null for the default. */
  private picked: () => string | null = () => null;

  private readonly portfolioApi = inject(PortfolioApi);
  private readonly approvalsApi = inject(ApprovalsApi);
  private readonly cyclesApi = inject(CyclesApi);

  private readonly cyclesResource = httpResource<Page<CycleResponse>>(() =>
    this.cyclesApi.listRequest({
      sort: '-startsOn',
      limit: 50,
      to: new Date().toISOString().slice(0, 10),
    }),
  );

  readonly cycles = computed<CycleResponse[]>(() =>
    this.cyclesResource.hasValue() ? this.cyclesResource.value().items : [],
  );
  readonly cyclesLoaded = computed(() => this.cyclesResource.hasValue());

  /**
   * The cycle asked for: `{ cycleId }`, `{}` for now (or when no cycle has started), undefined
   * while the default (the latest started cycle) is not known yet.
   */
  readonly query = computed<{ cycleId?: string } | undefined>(
    () => {
      const picked = this.picked();
      if (picked === PORTFOLIO_NOW) return {};
      if (picked) return { cycleId: picked };
      if (!this.cyclesResource.hasValue()) return undefined;
      const latest = this.cycles()[0];
      return latest ? { cycleId: latest.id } : {};
    },
    // The same cycle again (e.g. the cycles reloaded) asks nothing again.
    { equal: (a, b) => a === b || (a !== undefined && b !== undefined && a.cycleId === b.cycleId) },
  );
  /** The picker's value: the cycle's id, or PORTFOLIO_NOW. */
  readonly pickerValue = computed(() => this.query()?.cycleId ?? PORTFOLIO_NOW);
  /** Whether the page shows the current state (no cycle). */
  readonly isNow = computed(() => this.query() !== undefined && !this.query()?.cycleId);
  /** The picked cycle's name (null: now, or not known yet). */
  readonly cycleName = computed(() => {
    const id = this.query()?.cycleId;
    if (!id) return null;
    return this.cycles().find((c) => c.id === id)?.name ?? this.tension()?.cycle?.name ?? null;
  });
  /**
   * The cycle whose alerts are shown: the picked one; for now, the latest started one (as the
   * summary counts them). Undefined while not known; null: no cycle has started.
   */
  readonly alertsCycle = computed<{ id: string; name: string } | null | undefined>(() => {
    const query = this.query();
    if (query === undefined || !this.cyclesResource.hasValue()) return undefined;
    const id = query.cycleId ?? this.cycles()[0]?.id;
    if (!id) return null;
    return { id, name: this.cycles().find((c) => c.id === id)?.name ?? this.cycleName() ?? '' };
  });

  private readonly summaryResource = httpResource<PortfolioSummaryResponse>(() => {
    const query = this.query();
    return query && this.portfolioApi.summaryRequest(query);
  });
  private readonly tensionResource = httpResource<PortfolioTensionResponse>(() => {
    const query = this.query();
    return query && this.portfolioApi.tensionRequest({ ...query, limit: PORTFOLIO_CHART_LIMIT });
  });
  private readonly approvalsResource = httpResource<Page<ApprovalResponse>>(() =>
    this.approvalsApi.listRequest({
      sort: 'submittedAt',
      order: 'asc',
      limit: PORTFOLIO_GATES_LIMIT,
    }),
  );
  readonly summary = computed(() =>
    this.summaryResource.hasValue() ? this.summaryResource.value() : null,
  );
  readonly summaryLoading = computed(
    () =>
      (this.query() === undefined || this.summaryResource.isLoading()) &&
      !this.summaryResource.hasValue(),
  );
  readonly summaryError = computed(() => this.summaryResource.error() ?? null);

  readonly tension = computed(() =>
    this.tensionResource.hasValue() ? this.tensionResource.value() : null,
  );
  readonly tensionLoading = computed(
    () => this.query() === undefined || this.tensionResource.isLoading(),
  );
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

  /** Follows the picked `?cycle=` (a signal, e.g. of the route). */
  connect(picked: () => string | null): void {
    this.picked = picked;
  }

  reload(): void {
    this.summaryResource.reload();
    this.tensionResource.reload();
    this.approvalsResource.reload();
    this.cyclesResource.reload();
  }
}
