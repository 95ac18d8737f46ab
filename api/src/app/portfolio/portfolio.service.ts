import { Injectable } from '@nestjs/common';
import type {
  InitiativeStatus,
  PortfolioAlertsResponse,
  PortfolioBriefResponse,
  PortfolioSeriesResponse,
  PortfolioSummaryResponse,
  PortfolioTensionResponse,
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
  /** The cycle whose tension alerts the answer needs. */
  alertCycle?: (cycles: readonly CycleRow[], now: Date) => CycleRow | null;
  milestones?: boolean;
  conditions?: boolean;
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
    const alertCycle = parts.alertCycle?.(cycles, now) ?? null;
    const alerts = alertCycle ? await this.value.alertModel(alertCycle) : null;
    const milestones = parts.milestones ? await this.portfolio.milestones(null) : [];
    const openConditions = parts.conditions ? await this.portfolio.openConditionCount() : 0;
    return { now, initiatives, milestones, model, alerts, cycles, openConditions };
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
      value: () => ({ now: true }),
      alertCycle,
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
    const snapshot = await this.snapshot({ alertCycle });
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
      value: (cycles, now) => {
        const chart = chartCycle(cycles, now);
        return { now: true, indices: chart ? [chart] : [] };
      },
      alertCycle,
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
