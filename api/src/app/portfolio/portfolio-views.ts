import {
  PORTFOLIO_ALERTS_LIMIT_MAX,
  type PortfolioAlert,
  type PortfolioAlertsResponse,
  type PortfolioSeriesResponse,
  type PortfolioTensionResponse,
  REVIEW_DECISION_VALUES,
  type ReviewDecision,
  type TensionPoint,
} from '@waypoint/contracts';
import { valueIndex } from '@waypoint/domain';
import { cycleRef, type CycleRow, type InitiativeRow, startedCycles } from '../value';
import { initiativeAlerts, type PortfolioSnapshot } from './portfolio-summary';
import type { DecisionCountRow } from './portfolio.repository';

/**
 * One point per initiative: its indices now (or over the cycle) beside its estimates, those that
 * pull apart most first.
 */
/** The chart of now has no opening: nothing moved "since" anything. */
const NO_OPENING = { customer: null, business: null } as const;

export function tensionPoints(
  snapshot: PortfolioSnapshot,
  initiatives: readonly InitiativeRow[],
  cycle: CycleRow | null,
): PortfolioTensionResponse {
  const points = initiatives.map((i): TensionPoint => {
    const indices = cycle ? snapshot.model.forCycle(i.id, cycle) : snapshot.model.now(i.id);
    const opening = cycle ? snapshot.model.openingFor(i.id, cycle) : NO_OPENING;
    return {
      id: i.id,
      title: i.title,
      status: i.status,
      teamSize: i.teamSize,
      customerIndex: indices.customer,
      businessIndex: indices.business,
      openingCustomerIndex: opening.customer,
      openingBusinessIndex: opening.business,
      estimatedCustomerValue: i.estimatedCustomerValue,
      estimatedBusinessValue: i.estimatedBusinessValue,
    };
  });
  // Array.prototype.sort is stable: equal gaps keep the initiatives' order.
  points.sort((a, b) => tensionGap(b) - tensionGap(a));
  return { cycle: cycle ? cycleRef(cycle) : null, total: points.length, points };
}

/** How far an initiative's customer and business index pull apart; -1 without both. */
export function tensionGap(p: TensionPoint): number {
  return p.customerIndex === null || p.businessIndex === null
    ? -1
    : Math.abs(p.customerIndex - p.businessIndex);
}

/** The first `limit` points of a tension answer (ordered by gap), with the total kept. */
export function firstTensionPoints(
  all: PortfolioTensionResponse,
  limit: number,
): PortfolioTensionResponse {
  return all.points.length <= limit ? all : { ...all, points: all.points.slice(0, limit) };
}

/** The tension alerts of every initiative over the cycle, with the readings that raised them. */
export function portfolioAlerts(
  snapshot: PortfolioSnapshot,
  cycle: CycleRow | null,
  threshold: number,
): PortfolioAlertsResponse {
  const items: PortfolioAlert[] = initiativeAlerts(snapshot, cycle, threshold).flatMap(
    ({ initiative, alerts }) =>
      alerts.map((alert) => ({
        ...alert,
        initiative: { id: initiative.id, title: initiative.title },
      })),
  );
  return {
    cycle: cycle ? cycleRef(cycle) : null,
    threshold,
    total: snapshot.alertTotals?.count ?? items.length,
    items: items.slice(0, PORTFOLIO_ALERTS_LIMIT_MAX),
  };
}

/** The first `limit` alerts of an answer, with the total kept. */
export function firstAlerts(all: PortfolioAlertsResponse, limit: number): PortfolioAlertsResponse {
  return all.items.length <= limit ? all : { ...all, items: all.items.slice(0, limit) };
}

function zeroDecisions(): Record<ReviewDecision, number> {
  return Object.fromEntries(REVIEW_DECISION_VALUES.map((d) => [d, 0])) as Record<
    ReviewDecision,
    number
  >;
}

/** The portfolio's index: the (unweighted) value index of its initiatives' indices. */
function portfolioIndex(values: ReadonlyArray<number | null>): number | null {
  return valueIndex(values.map((progress) => ({ progress })));
}

/** Cycle over cycle: the portfolio's and each initiative's indices, and the review decisions. */
export function portfolioSeries(
  snapshot: PortfolioSnapshot,
  decisions: readonly DecisionCountRow[],
): PortfolioSeriesResponse {
  return {
    initiatives: snapshot.initiatives.map((i) => ({ id: i.id, title: i.title })),
    cycles: startedCycles(snapshot.cycles, snapshot.now).map((cycle) => {
      const initiatives = snapshot.initiatives.map((i) => ({
        id: i.id,
        ...snapshot.model.forCycle(i.id, cycle),
      }));
      const counts = zeroDecisions();
      for (const row of decisions) {
        if (row.cycleId === cycle.id) counts[row.decision] += row.count;
      }
      return {
        cycle: cycleRef(cycle),
        customer: portfolioIndex(initiatives.map((i) => i.customer)),
        business: portfolioIndex(initiatives.map((i) => i.business)),
        decisions: counts,
        initiatives,
      };
    }),
  };
}
