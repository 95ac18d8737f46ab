import { portfolioSummary, type SummaryAlerts, stagesOf } from './portfolio-summary';
import type { MilestoneRow, StageItemRow, SummaryRows } from './portfolio.repository';

const now = new Date('2026-05-01T12:00:00Z');

function milestone(
  initiativeId: string,
  position: number,
  state: MilestoneRow['state'],
  submittedHoursAgo?: number,
): MilestoneRow {
  return {
    id: `${initiativeId}-${position}`,
    initiativeId,
    position,
    title: `Stage ${position}`,
    state,
    dueDate: null,
    submittedAt:
      submittedHoursAgo === undefined
        ? null
        : new Date(now.getTime() - submittedHoursAgo * 3_600_000),
    decidedAt: null,
  };
}

describe('portfolio stages', () => {
  it('place each initiative at its first unapproved milestone, in position order', () => {
    const stages = stagesOf([
      milestone('a', 2, 'in_progress'),
      milestone('a', 1, 'approved'),
      milestone('b', 1, 'approved'),
    ]);
    expect(stages.get('a')).toEqual({
      kind: 'gate',
      position: 2,
      milestoneTitle: 'Stage 2',
      milestoneState: 'in_progress',
    });
    expect(stages.get('b')?.kind).toBe('all_approved');
    expect(stages.has('c')).toBe(false);
  });
});

describe('portfolio summary from the stored rows', () => {
  const alerts: SummaryAlerts = { cycle: null, threshold: 0.1, count: 2, critical: 1 };
  const item = (id: string, kind: StageItemRow['kind'], position: number): StageItemRow => ({
    id,
    title: id,
    status: 'active',
    kind,
    position,
    milestoneTitle: kind === 'gate' ? `Stage ${position}` : null,
    milestoneState: kind === 'gate' ? 'submitted' : null,
    teamSize: 1,
    departments: 2,
  });
  const rows: SummaryRows = {
    counts: [
      { status: 'active', kind: 'gate', position: 1, departments: 3, n: 2 },
      { status: 'draft', kind: 'no_milestones', position: 0, departments: 1, n: 1 },
      { status: 'on_hold', kind: 'gate', position: 2, departments: 3, n: 1 },
      { status: 'completed', kind: 'all_approved', position: 0, departments: 1, n: 1 },
    ],
    items: [
      item('done', 'all_approved', 0),
      item('g2', 'gate', 2),
      item('g1b', 'gate', 1),
      item('g1a', 'gate', 1),
      item('none', 'no_milestones', 0),
    ],
    gates: { count: 2, oldestHours: 30.04, averageHours: 20.06 },
    openConditions: 2,
    staleMeasures: 3,
    classes: [
      { perspective: 'customer', kpiClass: 'customer_centric', hasCounter: true, count: 2 },
      { perspective: 'customer', kpiClass: 'neutral', hasCounter: false, count: 1 },
      { perspective: 'business', kpiClass: 'customer_toxic', hasCounter: false, count: 4 },
    ],
  };

  it('counts by status, stage and spread, and rounds how long gates wait', () => {
    const summary = portfolioSummary(rows, alerts, now);
    expect(summary.initiatives).toBe(5);
    expect(summary.byStatus).toEqual({
      draft: 1,
      proposed: 0,
      active: 2,
      on_hold: 1,
      completed: 1,
      stopped: 0,
    });
    expect(summary.byStage.map((s) => [s.label, s.count])).toEqual([
      ['No milestones', 1],
      ['Gate 1', 2],
      ['Gate 2', 1],
      ['All gates approved', 1],
    ]);
    expect(summary.byStage[2]?.byStatus.on_hold).toBe(1);
    expect(summary.gatesWaiting).toEqual({ count: 2, oldestHours: 30, averageHours: 20.1 });
    expect(summary.crossFunctional).toEqual({
      byDepartments: [
        { departments: 1, initiatives: 2 },
        { departments: 3, initiatives: 3 },
      ],
      averageDepartments: 2.2,
    });
    expect(summary.alerts).toEqual(alerts);
    expect(summary.staleMeasures).toBe(3);
    expect(summary.openConditions).toBe(2);
  });

  it('lists the items in stage order, keeping the initiatives order within a stage', () => {
    const summary = portfolioSummary(rows, alerts, now);
    expect(summary.items.map((i) => i.id)).toEqual(['none', 'g1b', 'g1a', 'g2', 'done']);
    expect(summary.items[0]?.stage).toEqual({
      kind: 'no_milestones',
      position: null,
      milestoneTitle: null,
      milestoneState: null,
    });
    expect(summary.items[1]?.stage).toEqual({
      kind: 'gate',
      position: 1,
      milestoneTitle: 'Stage 1',
      milestoneState: 'submitted',
    });
  });

  it('sums the KPI review by class and perspective, with the counter-measure pairs', () => {
    expect(portfolioSummary(rows, alerts, now).kpiReview).toEqual({
      measures: 7,
      byClass: { customer_centric: 2, neutral: 1, customer_toxic: 4 },
      byPerspective: {
        customer: { customer_centric: 2, neutral: 1, customer_toxic: 0 },
        business: { customer_centric: 0, neutral: 0, customer_toxic: 4 },
      },
      counterMeasurePairs: 2,
      customerMeasuresWithoutCounter: 1,
    });
  });

  it('has no average spread without initiatives', () => {
    const empty = portfolioSummary({ ...rows, counts: [], items: [] }, alerts, now);
    expect(empty.initiatives).toBe(0);
    expect(empty.crossFunctional.averageDepartments).toBeNull();
  });
});
