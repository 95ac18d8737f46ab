import { Injectable } from '@nestjs/common';
import {
  type InitiativeStatus,
  PORTFOLIO_ALERTS_LIMIT_MAX,
  PORTFOLIO_SUMMARY_ITEMS_PER_STAGE,
  type PortfolioBriefResponse,
  type PortfolioSeriesResponse,
  type PortfolioSummaryResponse,
  REVIEW_DECISION_VALUES,
  type ReviewDecision,
  TENSION_LIMIT_MAX,
  type PortfolioTensionResponse,
} from '@waypoint/contracts';
import { today, valueIndex } from '@waypoint/domain';
import { AlertsService, cycleRef, resolveCycle, ValueService } from '../value';
import { type CachedAnswer, PortfolioCache } from './portfolio-cache';
import { portfolioSummary } from './portfolio-summary';
import { PortfolioRepository } from './portfolio.repository';

/** The portfolio's index: the (unweighted) value index of its initiatives' indices. */
function portfolioIndex(values: ReadonlyArray<number | null>): number | null {
  return valueIndex(values.map((progress) => ({ progress })));
}

function decisionsOf(
  counts: Partial<Record<ReviewDecision, number>>,
): Record<ReviewDecision, number> {
  return Object.fromEntries(REVIEW_DECISION_VALUES.map((d) => [d, counts[d] ?? 0])) as Record<
    ReviewDecision,
    number
  >;
}

/**
 * The portfolio. Each answer is computed by PostgreSQL from the rows kept up to date on write
 * (the value engine's indices, the alert records, the per-initiative and per-measure rows of the
 * PortfolioRows migration), in a fixed number of statements however many initiatives there are:
 * nothing is loaded per initiative into the process but what the answer sends.
 */
@Injectable()
export class PortfolioService {
  constructor(
    private readonly value: ValueService,
    private readonly alerts: AlertsService,
    private readonly portfolio: PortfolioRepository,
    private readonly cache: PortfolioCache,
  ) {}

  /**
   * Summary, tension and series are reused while nothing changed (PortfolioCache), with an ETag
   * per computation and their JSON made once.
   */
  summary(cycleId: string | undefined, threshold: number): Promise<CachedAnswer> {
    return this.cache.answer(
      `summary:${cycleId ?? ''}:${threshold}`,
      () => this.computeSummary(cycleId, threshold),
      'all',
      (all) => all,
    );
  }

  /** The `limit` points that pull apart most. */
  tension(
    cycleId: string | undefined,
    status: InitiativeStatus | undefined,
    limit: number,
  ): Promise<CachedAnswer> {
    return this.cache.answer(
      `tension:${cycleId ?? ''}:${status ?? ''}:${limit}`,
      () => this.computeTension(cycleId, status, limit),
      'all',
      (all) => all,
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
    const now = new Date();
    const alerts = await this.alerts.totals(cycleId, threshold);
    const rows = await this.portfolio.summary(now, PORTFOLIO_SUMMARY_ITEMS_PER_STAGE);
    return portfolioSummary(rows, { threshold, ...alerts }, now);
  }

  private async computeTension(
    cycleId: string | undefined,
    status: InitiativeStatus | undefined,
    limit: number,
  ): Promise<PortfolioTensionResponse> {
    const cycle =
      cycleId === undefined
        ? null
        : resolveCycle(await this.value.cycles(), cycleId, 'none', new Date());
    const { total, points } = await this.portfolio.tension(
      cycle?.id ?? null,
      status ?? null,
      limit,
    );
    return { cycle: cycle ? cycleRef(cycle) : null, total, points };
  }

  private async computeSeries(): Promise<PortfolioSeriesResponse> {
    const rows = await this.portfolio.series(today(new Date()));
    return {
      initiatives: rows.initiatives,
      cycles: rows.cycles.map((c) => ({
        cycle: c.cycle,
        customer: portfolioIndex(c.initiatives.map((i) => i.customer)),
        business: portfolioIndex(c.initiatives.map((i) => i.business)),
        decisions: decisionsOf(c.decisions),
        initiatives: c.initiatives,
      })),
    };
  }

  /** The one-page brief of the portfolio: summary, tension chart and alert records. */
  async brief(cycleId: string | undefined, threshold: number): Promise<PortfolioBriefResponse> {
    const now = new Date();
    const {
      items: _items,
      itemsPerStage: _itemsPerStage,
      ...summary
    } = await this.computeSummary(cycleId, threshold);
    return {
      generatedAt: now.toISOString(),
      summary,
      tension: await this.computeTension(cycleId, undefined, TENSION_LIMIT_MAX),
      alerts: await this.alerts.portfolioAlerts(cycleId, threshold, PORTFOLIO_ALERTS_LIMIT_MAX),
    };
  }
}
