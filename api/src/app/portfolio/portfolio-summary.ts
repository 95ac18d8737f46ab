import {
  type CycleRef,
  INITIATIVE_STATUS_VALUES,
  type InitiativeStatus,
  KPI_CLASS_VALUES,
  type KpiClass,
  type KpiReviewSummary,
  PORTFOLIO_SUMMARY_ITEMS_PER_STAGE,
  type PortfolioInitiativeItem,
  type PortfolioStage,
  type PortfolioStageCount,
  type PortfolioSummaryResponse,
} from '@waypoint/contracts';
import { currentMilestoneIndex } from '@waypoint/domain';
import type { MilestoneRow, StageItemRow, SummaryRows } from './portfolio.repository';

export function zeroByStatus(): Record<InitiativeStatus, number> {
  return Object.fromEntries(INITIATIVE_STATUS_VALUES.map((s) => [s, 0])) as Record<
    InitiativeStatus,
    number
  >;
}

function zeroByClass(): Record<KpiClass, number> {
  return Object.fromEntries(KPI_CLASS_VALUES.map((k) => [k, 0])) as Record<KpiClass, number>;
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

/** Where each initiative is on its gate track (libs/domain: the first unapproved milestone). */
export function stagesOf(milestones: readonly MilestoneRow[]): Map<string, PortfolioStage> {
  const byInitiative = new Map<string, MilestoneRow[]>();
  for (const m of milestones) {
    byInitiative.set(m.initiativeId, [...(byInitiative.get(m.initiativeId) ?? []), m]);
  }
  const stages = new Map<string, PortfolioStage>();
  for (const [initiativeId, list] of byInitiative) {
    const ordered = [...list].sort((a, b) => a.position - b.position);
    const index = currentMilestoneIndex(ordered);
    const current = index === null ? undefined : ordered[index];
    stages.set(
      initiativeId,
      index === null || !current
        ? { kind: 'all_approved', position: null, milestoneTitle: null, milestoneState: null }
        : {
            kind: 'gate',
            position: index + 1,
            milestoneTitle: current.title,
            milestoneState: current.state,
          },
    );
  }
  return stages;
}

function stageLabel(stage: { kind: PortfolioStage['kind']; position: number | null }): string {
  switch (stage.kind) {
    case 'no_milestones':
      return 'No milestones';
    case 'gate':
      return `Gate ${stage.position ?? 0}`;
    case 'all_approved':
      return 'All gates approved';
  }
}

function stageOrder(stage: { kind: PortfolioStage['kind']; position: number | null }): number {
  switch (stage.kind) {
    case 'no_milestones':
      return -1;
    case 'gate':
      return stage.position ?? 0;
    case 'all_approved':
      return Number.MAX_SAFE_INTEGER;
  }
}

/** A stored stage (position 0 when not a gate) as the contract has it. */
function stageOf(row: StageItemRow): PortfolioStage {
  return row.kind === 'gate'
    ? {
        kind: 'gate',
        position: row.position,
        milestoneTitle: row.milestoneTitle,
        milestoneState: row.milestoneState,
      }
    : { kind: row.kind, position: null, milestoneTitle: null, milestoneState: null };
}

function kpiReview(classes: SummaryRows['classes']): KpiReviewSummary {
  const summary: KpiReviewSummary = {
    measures: 0,
    byClass: zeroByClass(),
    byPerspective: { customer: zeroByClass(), business: zeroByClass() },
    counterMeasurePairs: 0,
    customerMeasuresWithoutCounter: 0,
  };
  for (const c of classes) {
    summary.measures += c.count;
    summary.byClass[c.kpiClass] += c.count;
    summary.byPerspective[c.perspective][c.kpiClass] += c.count;
    if (c.perspective === 'customer') {
      if (c.hasCounter) summary.counterMeasurePairs += c.count;
      else summary.customerMeasuresWithoutCounter += c.count;
    }
  }
  return summary;
}

/** The alerts card: the live alert records of the cycle picked (see AlertsService.totals). */
export interface SummaryAlerts {
  cycle: CycleRef | null;
  threshold: number;
  count: number;
  critical: number;
}

/** The portfolio at a glance, from the stored rows' figures (PortfolioRepository.summary). */
export function portfolioSummary(
  rows: SummaryRows,
  alerts: SummaryAlerts,
  now: Date,
): PortfolioSummaryResponse {
  const byStatus = zeroByStatus();
  const stages = new Map<string, PortfolioStageCount>();
  const spread = new Map<number, number>();
  let initiatives = 0;
  let departments = 0;
  for (const c of rows.counts) {
    initiatives += c.n;
    departments += c.departments * c.n;
    byStatus[c.status] += c.n;
    spread.set(c.departments, (spread.get(c.departments) ?? 0) + c.n);
    const position = c.kind === 'gate' ? c.position : null;
    const key = `${c.kind}:${position ?? ''}`;
    const entry = stages.get(key) ?? {
      kind: c.kind,
      position,
      label: stageLabel({ kind: c.kind, position }),
      count: 0,
      byStatus: zeroByStatus(),
    };
    entry.count += c.n;
    entry.byStatus[c.status] += c.n;
    stages.set(key, entry);
  }
  const items: PortfolioInitiativeItem[] = rows.items
    .map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      stage: stageOf(row),
      teamSize: row.teamSize,
      departments: row.departments,
    }))
    // Array.prototype.sort is stable: within a stage, the initiatives' order from the SQL.
    .sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage));
  const gates = rows.gates;
  return {
    generatedAt: now.toISOString(),
    initiatives,
    byStatus,
    byStage: [...stages.values()].sort((a, b) => stageOrder(a) - stageOrder(b)),
    gatesWaiting: {
      count: gates.count,
      oldestHours: gates.oldestHours === null ? null : round1(gates.oldestHours),
      averageHours: gates.averageHours === null ? null : round1(gates.averageHours),
    },
    openConditions: rows.openConditions,
    staleMeasures: rows.staleMeasures,
    alerts,
    kpiReview: kpiReview(rows.classes),
    crossFunctional: {
      byDepartments: [...spread]
        .sort(([a], [b]) => a - b)
        .map(([count, n]) => ({ departments: count, initiatives: n })),
      averageDepartments: initiatives ? round1(departments / initiatives) : null,
    },
    itemsPerStage: PORTFOLIO_SUMMARY_ITEMS_PER_STAGE,
    items,
  };
}
