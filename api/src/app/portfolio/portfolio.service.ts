import { Injectable } from '@nestjs/common';
import type {
  InitiativeStatus,
  PortfolioAlertsResponse,
  PortfolioBriefResponse,
  PortfolioSeriesResponse,
  PortfolioSummaryResponse,
  PortfolioTensionResponse,
} from '@waypoint/contracts';
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
import { type CycleRow, ValueDataRepository } from './value-data.repository';
import { latestStartedCycle, startedCycles, ValueModel } from './value-model';
import { cycleWindow, DomainError } from '@waypoint/domain';

/** Which cycle a request means: the one named, else the latest that has started (or none). */
export function resolveCycle(
  cycles: readonly CycleRow[],
  cycleId: string | undefined,
  fallback: 'latest_started' | 'none',
  now: Date,
): CycleRow | null {
  if (cycleId !== undefined) {
    const cycle = cycles.find((c) => c.id === cycleId);
    if (!cycle) {
      const problem = `There is no cycle with the id ${cycleId}.`;
      throw new DomainError('reference_invalid', problem, { cycleId: [problem] });
    }
    return cycle;
  }
  return fallback === 'latest_started' ? latestStartedCycle(cycles, now) : null;
}

interface SnapshotParts {
  /** The cycles whose first and last readings the answer needs (besides the latest by now). */
  windows?: (cycles: readonly CycleRow[], now: Date) => ReadonlyArray<CycleRow | null>;
  milestones?: boolean;
  conditions?: boolean;
  groups?: boolean;
}

/**
 * The portfolio. Each answer loads what it needs with a fixed number of set-based statements
 * (however many initiatives there are) and computes in memory with libs/domain.
 */
@Injectable()
export class PortfolioService {
  constructor(
    private readonly data: ValueDataRepository,
    private readonly portfolio: PortfolioRepository,
    private readonly cache: PortfolioCache,
  ) {}

  async snapshot(parts: SnapshotParts = {}): Promise<PortfolioSnapshot> {
    const now = new Date();
    const cycles = await this.data.cycles();
    const windows = (parts.windows?.(cycles, now) ?? [])
      .filter((c): c is CycleRow => c !== null)
      .map(cycleWindow);
    const initiatives = await this.data.initiatives(null);
    const measures = await this.data.measures(null);
    const readings = await this.data.decisiveReadings(now, windows);
    const groups = parts.groups ? await this.data.customerGroups() : [];
    const milestones = parts.milestones ? await this.portfolio.milestones(null) : [];
    const openConditions = parts.conditions ? await this.portfolio.openConditionCount() : 0;
    return {
      now,
      initiatives,
      milestones,
      measures,
      model: new ValueModel(measures, readings, groups),
      cycles,
      openConditions,
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
    const snapshot = await this.snapshot({
      milestones: true,
      conditions: true,
      groups: true,
      windows: (cycles, now) => [resolveCycle(cycles, cycleId, 'latest_started', now)],
    });
    const cycle = resolveCycle(snapshot.cycles, cycleId, 'latest_started', snapshot.now);
    return portfolioSummary(snapshot, cycle, threshold);
  }

  private async computeTension(
    cycleId: string | undefined,
    status: InitiativeStatus | undefined,
  ): Promise<PortfolioTensionResponse> {
    const snapshot = await this.snapshot({
      windows: (cycles, now) => [resolveCycle(cycles, cycleId, 'none', now)],
    });
    const cycle = resolveCycle(snapshot.cycles, cycleId, 'none', snapshot.now);
    const initiatives = status
      ? snapshot.initiatives.filter((i) => i.status === status)
      : snapshot.initiatives;
    return tensionPoints(snapshot, initiatives, cycle);
  }

  private async computeAlerts(
    cycleId: string | undefined,
    threshold: number,
  ): Promise<PortfolioAlertsResponse> {
    const snapshot = await this.snapshot({
      groups: true,
      windows: (cycles, now) => [resolveCycle(cycles, cycleId, 'latest_started', now)],
    });
    const cycle = resolveCycle(snapshot.cycles, cycleId, 'latest_started', snapshot.now);
    return portfolioAlerts(snapshot, cycle, threshold);
  }

  private async computeSeries(): Promise<PortfolioSeriesResponse> {
    const snapshot = await this.snapshot({ windows: startedCycles });
    return portfolioSeries(snapshot, await this.portfolio.reviewDecisions());
  }

  /** The one-page brief of the portfolio: summary, tension chart and alerts. */
  async brief(cycleId: string | undefined, threshold: number): Promise<PortfolioBriefResponse> {
    const snapshot = await this.snapshot({
      milestones: true,
      conditions: true,
      groups: true,
      windows: (cycles, now) => [
        resolveCycle(cycles, cycleId, 'latest_started', now),
        resolveCycle(cycles, cycleId, 'none', now),
      ],
    });
    const cycle = resolveCycle(snapshot.cycles, cycleId, 'latest_started', snapshot.now);
    const {
      items: _items,
      itemsPerStage: _itemsPerStage,
      ...summary
    } = portfolioSummary(snapshot, cycle, threshold);
    const chartCycle = resolveCycle(snapshot.cycles, cycleId, 'none', snapshot.now);
    return {
      generatedAt: snapshot.now.toISOString(),
      summary,
      tension: tensionPoints(snapshot, snapshot.initiatives, chartCycle),
      alerts: portfolioAlerts(snapshot, cycle, threshold),
    };
  }
}
