import {
  firstItemsPerStage,
  measureClassesOf,
  portfolioSummary,
  type PortfolioSnapshot,
  stagesOf,
} from './portfolio-summary';
import type { MilestoneRow } from './portfolio.repository';
import { type InitiativeRow, type MeasureRow, ValueModel } from '../value';

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

function initiative(id: string, overrides: Partial<InitiativeRow> = {}): InitiativeRow {
  return {
    id,
    title: id,
    status: 'active',
    approach: 'engineering',
    ownerId: 'u',
    sponsorId: null,
    estimatedCustomerValue: null,
    estimatedBusinessValue: null,
    teamSize: 0,
    departments: 1,
    createdAt: now,
    updatedAt: now,
    ...overrides,
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

describe('portfolio summary', () => {
  const snapshot: PortfolioSnapshot = {
    now,
    initiatives: [
      initiative('a', { departments: 3, teamSize: 4 }),
      initiative('b', { status: 'draft' }),
      initiative('c', { status: 'on_hold', departments: 3 }),
    ],
    milestones: [
      milestone('a', 1, 'submitted', 30),
      milestone('c', 1, 'approved'),
      milestone('c', 2, 'submitted', 10),
    ],
    model: new ValueModel({ measures: [] }),
    alerts: null,
    alertTotals: null,
    measureClasses: [],
    freshness: [],
    cycles: [],
    openConditions: 2,
  };

  it('counts by status and stage, and how long gates wait', () => {
    const summary = portfolioSummary(snapshot, null, 0.1);
    expect(summary.byStatus).toEqual({
      draft: 1,
      proposed: 0,
      active: 1,
      on_hold: 1,
      completed: 0,
      stopped: 0,
    });
    expect(summary.byStage.map((s) => [s.label, s.count])).toEqual([
      ['No milestones', 1],
      ['Gate 1', 1],
      ['Gate 2', 1],
    ]);
    expect(summary.gatesWaiting).toEqual({ count: 2, oldestHours: 30, averageHours: 20 });
    expect(summary.alerts).toEqual({ cycle: null, threshold: 0.1, count: 0, critical: 0 });
    expect(summary.crossFunctional).toEqual({
      byDepartments: [
        { departments: 1, initiatives: 1 },
        { departments: 3, initiatives: 2 },
      ],
      averageDepartments: 2.3,
    });
    expect(summary.openConditions).toBe(2);
  });

  it('counts each customer measure paired with a counter-measure once, and the unpaired apart', () => {
    const row = (id: string, overrides: Partial<MeasureRow> = {}): MeasureRow => ({
      id,
      initiativeId: 'a',
      name: id,
      unit: '',
      perspective: 'customer',
      direction: 'higher_is_better',
      baseline: 0,
      target: 100,
      cadence: 'monthly',
      kpiClass: 'customer_centric',
      weight: 1,
      customerGroupId: null,
      counterMeasureId: null,
      createdAt: now,
      ...overrides,
    });
    const measures = [
      row('nps', { counterMeasureId: 'cost' }),
      row('wait', { counterMeasureId: 'cost' }),
      row('csat'),
      row('cost', { perspective: 'business', kpiClass: 'neutral' }),
      row('margin', { perspective: 'business', kpiClass: 'neutral', counterMeasureId: 'csat' }),
    ];
    const { kpiReview } = portfolioSummary(
      { ...snapshot, measureClasses: measureClassesOf(measures) },
      null,
      0.1,
    );
    expect(kpiReview.measures).toBe(5);
    expect(kpiReview.counterMeasurePairs).toBe(2);
    expect(kpiReview.customerMeasuresWithoutCounter).toBe(1);
  });

  it('is empty-safe', () => {
    const empty = portfolioSummary(
      { ...snapshot, initiatives: [], milestones: [], openConditions: 0 },
      null,
      0.1,
    );
    expect(empty).toMatchObject({
      initiatives: 0,
      byStage: [],
      gatesWaiting: { count: 0, oldestHours: null, averageHours: null },
      crossFunctional: { byDepartments: [], averageDepartments: null },
      staleMeasures: 0,
    });
  });

  it('lists at most a few initiatives per stage, in stage order, and counts them all', () => {
    const many = Array.from({ length: 25 }, (_, n) => initiative(`m${n}`));
    const summary = portfolioSummary(
      { ...snapshot, initiatives: [...many, ...snapshot.initiatives] },
      null,
      0.1,
    );
    expect(summary.initiatives).toBe(28);
    expect(summary.byStage.map((s) => [s.label, s.count])).toEqual([
      ['No milestones', 26],
      ['Gate 1', 1],
      ['Gate 2', 1],
    ]);
    expect(summary.itemsPerStage).toBe(10);
    expect(summary.items.map((i) => i.id)).toEqual([
      ...many.slice(0, 10).map((i) => i.id),
      'a',
      'c',
    ]);
  });

  it('keeps the first of each stage and orders stages by position', () => {
    const stage = (kind: 'gate' | 'all_approved', position: number | null) => ({
      kind,
      position,
      milestoneTitle: null,
      milestoneState: null,
    });
    const item = (id: string, s: ReturnType<typeof stage>) => ({
      id,
      title: id,
      status: 'active' as const,
      stage: s,
      teamSize: 0,
      departments: 1,
    });
    const items = [
      item('done1', stage('all_approved', null)),
      item('g2a', stage('gate', 2)),
      item('g1a', stage('gate', 1)),
      item('g2b', stage('gate', 2)),
      item('g2c', stage('gate', 2)),
    ];
    expect(firstItemsPerStage(items, 2).map((i) => i.id)).toEqual(['g1a', 'g2a', 'g2b', 'done1']);
  });
});
