import {
  INITIATIVE_STATUS_VALUES,
  type InitiativeStatus,
  KPI_CLASS_VALUES,
  type KpiClass,
  type GatesWaiting,
  type KpiReviewSummary,
  PORTFOLIO_SUMMARY_ITEMS_PER_STAGE,
  type PortfolioInitiativeItem,
  type PortfolioStage,
  type PortfolioStageCount,
  type PortfolioSummaryResponse,
  type TensionAlertDetail,
} from '@waypoint/contracts';
import { currentMilestoneIndex, isStale } from '@waypoint/domain';
import {
  cycleRef,
  type CycleRow,
  type InitiativeRow,
  type MeasureClassCount,
  type MeasureFreshness,
  type MeasureRow,
  type ValueModel,
} from '../value';
import type { MilestoneRow } from './portfolio.repository';

const HOUR_MS = 3_600_000;

/** Everything the portfolio answers are computed from, loaded with a fixed number of queries. */
export interface PortfolioSnapshot {
  now: Date;
  initiatives: InitiativeRow[];
  milestones: MilestoneRow[];
  /** The stored value rows the answer reads. */
  model: ValueModel;
  /** The first initiatives that have a tension alert over the answer's cycle, and their rows. */
  alerts: { initiativeIds: Set<string>; model: ValueModel } | null;
  /** How many tension alerts there are over the answer's cycle (null: no cycle asked). */
  alertTotals: { count: number; critical: number } | null;
  /** The KPI review's counts. */
  measureClasses: MeasureClassCount[];
  /** Active initiatives' measures and when they were last read. */
  freshness: MeasureFreshness[];
  cycles: CycleRow[];
  openConditions: number;
}

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

const NO_MILESTONES: PortfolioStage = {
  kind: 'no_milestones',
  position: null,
  milestoneTitle: null,
  milestoneState: null,
};

function stageLabel(stage: PortfolioStage): string {
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

function byStage(items: readonly PortfolioInitiativeItem[]): PortfolioStageCount[] {
  const counts = new Map<string, PortfolioStageCount>();
  for (const item of items) {
    const key = `${item.stage.kind}:${item.stage.position ?? ''}`;
    const entry = counts.get(key) ?? {
      kind: item.stage.kind,
      position: item.stage.position,
      label: stageLabel(item.stage),
      count: 0,
      byStatus: zeroByStatus(),
    };
    entry.count += 1;
    entry.byStatus[item.status] += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => stageOrder(a) - stageOrder(b));
}

/** The first `perStage` items of each stage, in stage order (stable: else initiatives' order). */
export function firstItemsPerStage(
  items: readonly PortfolioInitiativeItem[],
  perStage: number,
): PortfolioInitiativeItem[] {
  const taken = new Map<string, number>();
  const kept: PortfolioInitiativeItem[] = [];
  for (const item of items) {
    const key = `${item.stage.kind}:${item.stage.position ?? ''}`;
    const count = taken.get(key) ?? 0;
    if (count >= perStage) continue;
    taken.set(key, count + 1);
    kept.push(item);
  }
  return kept.sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage));
}

function gatesWaiting(milestones: readonly MilestoneRow[], now: Date): GatesWaiting {
  const hours = milestones
    .filter((m) => m.state === 'submitted' && m.submittedAt !== null)
    .map((m) => (now.getTime() - (m.submittedAt?.getTime() ?? now.getTime())) / HOUR_MS);
  return {
    count: hours.length,
    oldestHours: hours.length ? round1(Math.max(...hours)) : null,
    averageHours: hours.length ? round1(hours.reduce((a, b) => a + b, 0) / hours.length) : null,
  };
}

function kpiReview(classes: readonly MeasureClassCount[]): KpiReviewSummary {
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

/** The KPI review's counts of some measures (what ValueDataRepository.measureClasses counts). */
export function measureClassesOf(measures: readonly MeasureRow[]): MeasureClassCount[] {
  const counts = new Map<string, MeasureClassCount>();
  for (const m of measures) {
    const hasCounter = m.counterMeasureId !== null;
    const key = `${m.perspective}:${m.kpiClass}:${hasCounter}`;
    const entry = counts.get(key) ?? {
      perspective: m.perspective,
      kpiClass: m.kpiClass,
      hasCounter,
      count: 0,
    };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()];
}

/** Measures of active initiatives that are stale (libs/domain's isStale). */
function staleMeasureCount(snapshot: PortfolioSnapshot): number {
  let stale = 0;
  for (const m of snapshot.freshness) {
    if (isStale(m.lastObservedAt, m.cadence, snapshot.now, m.createdAt)) stale += 1;
  }
  return stale;
}

/**
 * The tension alerts of each initiative over the cycle, in the initiatives' order, computed only
 * for the first initiatives that have one (the stored rows tell which).
 */
export function initiativeAlerts(
  snapshot: PortfolioSnapshot,
  cycle: CycleRow | null,
  threshold: number,
): Array<{ initiative: InitiativeRow; alerts: TensionAlertDetail[] }> {
  const candidates = snapshot.alerts;
  if (cycle === null || candidates === null) return [];
  return snapshot.initiatives.flatMap((initiative) => {
    if (!candidates.initiativeIds.has(initiative.id)) return [];
    const alerts = candidates.model.alerts(initiative.id, cycle, threshold);
    return alerts.length > 0 ? [{ initiative, alerts }] : [];
  });
}

/** The portfolio at a glance, computed in memory from one snapshot. */
export function portfolioSummary(
  snapshot: PortfolioSnapshot,
  cycle: CycleRow | null,
  threshold: number,
): PortfolioSummaryResponse {
  const stages = stagesOf(snapshot.milestones);
  const items: PortfolioInitiativeItem[] = snapshot.initiatives.map((i) => ({
    id: i.id,
    title: i.title,
    status: i.status,
    stage: stages.get(i.id) ?? NO_MILESTONES,
    teamSize: i.teamSize,
    departments: i.departments,
  }));
  const byStatus = zeroByStatus();
  for (const item of items) byStatus[item.status] += 1;

  const spread = new Map<number, number>();
  for (const item of items) spread.set(item.departments, (spread.get(item.departments) ?? 0) + 1);
  return {
    generatedAt: snapshot.now.toISOString(),
    initiatives: items.length,
    byStatus,
    byStage: byStage(items),
    gatesWaiting: gatesWaiting(snapshot.milestones, snapshot.now),
    openConditions: snapshot.openConditions,
    staleMeasures: staleMeasureCount(snapshot),
    alerts: {
      cycle: cycle ? cycleRef(cycle) : null,
      threshold,
      count: snapshot.alertTotals?.count ?? 0,
      critical: snapshot.alertTotals?.critical ?? 0,
    },
    kpiReview: kpiReview(snapshot.measureClasses),
    crossFunctional: {
      byDepartments: [...spread]
        .sort(([a], [b]) => a - b)
        .map(([departments, initiatives]) => ({ departments, initiatives })),
      averageDepartments: items.length
        ? round1(items.reduce((sum, i) => sum + i.departments, 0) / items.length)
        : null,
    },
    itemsPerStage: PORTFOLIO_SUMMARY_ITEMS_PER_STAGE,
    items: firstItemsPerStage(items, PORTFOLIO_SUMMARY_ITEMS_PER_STAGE),
  };
}
