import { Injectable } from '@nestjs/common';
import {
  type InitiativeStatus,
  PORTFOLIO_ALERTS_LIMIT_MAX,
  type PortfolioAlertsResponse,
  type PortfolioBriefResponse,
  type PortfolioSeriesResponse,
  type PortfolioSummaryResponse,
  type PortfolioTensionResponse,
} from '@waypoint/contracts';
import {
  type CycleRow,
  type ModelParts,
  resolveCycle,
  startedCycles,
  ValueService,
} from '../value';
import { type CachedAnswer, PortfolioCache } from './portfolio-cache';
import { type PortfolioSnapshot, portfolioSummary } from './portfolio-summary';
import {
  firstAlerts,
  firstTensionPoints,
  portfolioAlerts,
  portfolioSeries,
  tensionPoints,
} from './portfolio-views';
import { PortfolioRepository } from './portfolio.repository';

interface SnapshotParts {
  /** The stored value rows the answer reads, given the cycles and the time. */
  value?: (cycles: readonly CycleRow[], now: Date) => ModelParts;
  /** The cycle and threshold of the tension alerts the answer counts (and lists). */
  alerts?: {
    cycle: (cycles: readonly CycleRow[], now: Date) => CycleRow | null;
    threshold: number;
    list: boolean;
  };
  milestones?: boolean;
  conditions?: boolean;
  /** The KPI review's counts and the staleness of active initiatives' measures. */
  measures?: boolean;
}

/**
 * The portfolio. Each answer reads the value rows that the value engine keeps up to date on
 * write (api/src/app/value), with a fixed number of set-based statements however many
 * initiatives there are; nothing is recomputed from the readings on read.
 */
@Injectable()
export class PortfolioService {
  constructor(
    private readonly value: ValueService,
    private readonly portfolio: PortfolioRepository,
    private readonly cache: PortfolioCache,
  ) {}

  async snapshot(parts: SnapshotParts = {}): Promise<PortfolioSnapshot> {
    const now = new Date();
    const cycles = await this.value.cycles();
    const initiatives = await this.value.initiatives(null);
    const model = await this.value.model(null, parts.value?.(cycles, now) ?? { measures: false });
    const alertCycle = parts.alerts?.cycle(cycles, now) ?? null;
    const threshold = parts.alerts?.threshold ?? 0;
    const alertTotals = alertCycle ? await this.value.alertTotals(alertCycle, threshold) : null;
    const alerts =
      alertCycle && parts.alerts?.list
        ? await this.value.alerting(alertCycle, threshold, PORTFOLIO_ALERTS_LIMIT_MAX)
        : null;
    const milestones = parts.milestones ? await this.portfolio.milestones(null) : [];
    const openConditions = parts.conditions ? await this.portfolio.openConditionCount() : 0;
    const measureClasses = parts.measures ? await this.value.measureClasses() : [];
    const freshness = parts.measures ? await this.value.activeMeasureFreshness() : [];
    return {
      now,
      initiatives,
      milestones,
      model,
      alerts,
      alertTotals,
      cycles,
      openConditions,
      measureClasses,
      freshness,
    };
  }

  /**
   * Summary, tension, alerts and series are reused while nothing changed (PortfolioCache), with
   * an ETag per computation and their JSON made once.
   */
  summary(cycleId: string | undefined, threshold: number): Promise<CachedAnswer> {
    return this.cache.answer(
      `summary:${cycleId ?? ''}:${threshold}`,
      () => this.computeSummary(cycleId, threshold),
      'all',
      (all) => all,
    );
  }

  /** The `limit` points that pull apart most; all points are computed and reused once. */
  tension(
    cycleId: string | undefined,
    status: InitiativeStatus | undefined,
    limit: number,
  ): Promise<CachedAnswer> {
    return this.cache.answer(
      `tension:${cycleId ?? ''}:${status ?? ''}`,
      () => this.computeTension(cycleId, status),
      String(limit),
      (all) => firstTensionPoints(all, limit),
    );
  }

  /** The first `limit` alerts; all are computed and reused once. */
  alerts(cycleId: string | undefined, threshold: number, limit: number): Promise<CachedAnswer> {
    return this.cache.answer(
      `alerts:${cycleId ?? ''}:${threshold}`,
      () => this.computeAlerts(cycleId, threshold),
      String(limit),
      (all) => firstAlerts(all, limit),
    );
  }

  series(): Promise<CachedAnswer> {
    return this.cache.answer(
      'series',
      () => this.computeSeries(),
      'all',
      (all) => all,
    );
  }

  private async computeSummary(
    cycleId: string | undefined,
    threshold: number,
  ): Promise<PortfolioSummaryResponse> {
    const alertCycle = (cycles: readonly CycleRow[], now: Date) =>
      resolveCycle(cycles, cycleId, 'latest_started', now);
    const snapshot = await this.snapshot({
      milestones: true,
      conditions: true,
      measures: true,
      alerts: { cycle: alertCycle, threshold, list: false },
    });
    return portfolioSummary(snapshot, alertCycle(snapshot.cycles, snapshot.now), threshold);
  }

  private async computeTension(
    cycleId: string | undefined,
    status: InitiativeStatus | undefined,
  ): Promise<PortfolioTensionResponse> {
    const chartCycle = (cycles: readonly CycleRow[], now: Date) =>
      resolveCycle(cycles, cycleId, 'none', now);
    const snapshot = await this.snapshot({ value: tensionParts(chartCycle) });
    const cycle = chartCycle(snapshot.cycles, snapshot.now);
    const initiatives = status
      ? snapshot.initiatives.filter((i) => i.status === status)
      : snapshot.initiatives;
    return tensionPoints(snapshot, initiatives, cycle);
  }

  private async computeAlerts(
    cycleId: string | undefined,
    threshold: number,
  ): Promise<PortfolioAlertsResponse> {
    const alertCycle = (cycles: readonly CycleRow[], now: Date) =>
      resolveCycle(cycles, cycleId, 'latest_started', now);
    const snapshot = await this.snapshot({ alerts: { cycle: alertCycle, threshold, list: true } });
    return portfolioAlerts(snapshot, alertCycle(snapshot.cycles, snapshot.now), threshold);
  }

  private async computeSeries(): Promise<PortfolioSeriesResponse> {
    const snapshot = await this.snapshot({
      value: (cycles, now) => ({ measures: false, indices: startedCycles(cycles, now) }),
    });
    return portfolioSeries(snapshot, await this.portfolio.reviewDecisions());
  }

  /** The one-page brief of the portfolio: summary, tension chart and alerts. */
  async brief(cycleId: string | undefined, threshold: number): Promise<PortfolioBriefResponse> {
    const alertCycle = (cycles: readonly CycleRow[], now: Date) =>
      resolveCycle(cycles, cycleId, 'latest_started', now);
    const chartCycle = (cycles: readonly CycleRow[], now: Date) =>
      resolveCycle(cycles, cycleId, 'none', now);
    const snapshot = await this.snapshot({
      milestones: true,
      conditions: true,
      measures: true,
      value: tensionParts(chartCycle),
      alerts: { cycle: alertCycle, threshold, list: true },
    });
    const cycle = alertCycle(snapshot.cycles, snapshot.now);
    const {
      items: _items,
      itemsPerStage: _itemsPerStage,
      ...summary
    } = portfolioSummary(snapshot, cycle, threshold);
    return {
      generatedAt: snapshot.now.toISOString(),
      summary,
      tension: tensionPoints(
        snapshot,
        snapshot.initiatives,
        chartCycle(snapshot.cycles, snapshot.now),
      ),
      alerts: portfolioAlerts(snapshot, cycle, threshold),
    };
  }
}

/** The tension chart reads the indices now, or at the close of the cycle asked for. */
function tensionParts(
  chartCycle: (cycles: readonly CycleRow[], now: Date) => CycleRow | null,
): (cycles: readonly CycleRow[], now: Date) => ModelParts {
  return (cycles, now) => {
    const cycle = chartCycle(cycles, now);
    return cycle ? { measures: false, indices: [cycle] } : { measures: false, now: true };
  };
}
