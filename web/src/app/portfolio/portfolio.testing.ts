import type { HttpTestingController } from '@angular/common/http/testing';
import type {
  ApprovalResponse,
  CycleResponse,
  Page,
  PortfolioSummaryResponse,
  PortfolioTensionResponse,
} from '@waypoint/contracts';

const NONE = { draft: 0, proposed: 0, active: 0, on_hold: 0, completed: 0, stopped: 0 };
export const Q1 = { id: 'c1', name: '2026-Q1', startsOn: '2026-01-01', endsOn: '2026-03-31' };
export const Q2 = { id: 'c2', name: '2026-Q2', startsOn: '2026-04-01', endsOn: '2026-06-30' };

export function aPage<T>(items: T[]): Page<T> {
  return { items, total: items.length, limit: 50, offset: 0 };
}

/** The summary, its alerts counted over `alertsCycle` (the latest started one by default). */
export function aSummary(
  alertsCycle: PortfolioSummaryResponse['alerts']['cycle'] = Q1,
): PortfolioSummaryResponse {
  return {
    generatedAt: '2026-11-23T10:00:00.000Z',
    initiatives: 3,
    byStatus: { ...NONE, active: 2, proposed: 1 },
    byStage: [
      { kind: 'gate', position: 2, label: 'Gate 2', count: 2, byStatus: { ...NONE, active: 2 } },
      {
        kind: 'no_milestones',
        position: null,
        label: 'No milestones',
        count: 1,
        byStatus: { ...NONE, proposed: 1 },
      },
    ],
    gatesWaiting: { count: 1, oldestHours: 75, averageHours: 75 },
    openConditions: 2,
    staleMeasures: 4,
    alerts: { cycle: alertsCycle, threshold: 0.1, count: 1, critical: 1 },
    kpiReview: {
      measures: 0,
      byClass: { customer_centric: 0, neutral: 0, customer_toxic: 0 },
      byPerspective: {} as PortfolioSummaryResponse['kpiReview']['byPerspective'],
      counterMeasurePairs: 0,
      customerMeasuresWithoutCounter: 0,
    },
    crossFunctional: { byDepartments: [], averageDepartments: null },
    itemsPerStage: 10,
    items: [
      {
        id: 'i1',
        title: 'Call-backs instead of queueing',
        status: 'active',
        stage: {
          kind: 'gate',
          position: 2,
          milestoneTitle: 'Measure',
          milestoneState: 'submitted',
        },
        teamSize: 3,
        departments: 2,
      },
    ],
  };
}

export function aTension(
  cycle: PortfolioTensionResponse['cycle'] = null,
): PortfolioTensionResponse {
  return {
    cycle,
    total: 2,
    points: [
      {
        id: 'i1',
        title: 'Call-backs instead of queueing',
        status: 'active',
        teamSize: 3,
        customerIndex: 0.7,
        // Over a cycle: where it stood when the cycle opened (none for now).
        openingCustomerIndex: cycle ? 0.5 : null,
        openingBusinessIndex: cycle ? 0.45 : null,
        businessIndex: 0.4,
        estimatedCustomerValue: 8,
        estimatedBusinessValue: 5,
      },
      {
        id: 'i2',
        title: 'Know our best small-business customers',
        status: 'proposed',
        teamSize: 1,
        customerIndex: null,
        openingCustomerIndex: null,
        openingBusinessIndex: null,
        businessIndex: null,
        estimatedCustomerValue: 6,
        estimatedBusinessValue: 7,
      },
    ],
  };
}

export function aGate(): ApprovalResponse {
  return {
    submissionId: 's1',
    initiative: { id: 'i1', title: 'Call-backs instead of queueing' },
    milestone: { id: 'm2', title: 'Measure', position: 2, version: 3 },
    submittedAt: '2026-11-20T07:00:00.000Z',
    submittedBy: { id: 'u1', displayName: 'Priya Shah' },
    waitingHours: 75,
  };
}

export function theCycles(): CycleResponse[] {
  return [
    { ...Q2, version: 1, createdAt: '', updatedAt: '' },
    { ...Q1, version: 1, createdAt: '', updatedAt: '' },
  ];
}

/** Answers the summary and the tension asked for `cycle` (and fails if they were not). */
export function answerCycleFigures(
  http: HttpTestingController,
  cycle: NonNullable<PortfolioTensionResponse['cycle']>,
): void {
  http
    .expectOne((r) => r.url === '/api/portfolio/summary' && r.params.get('cycleId') === cycle.id)
    .flush(aSummary(cycle));
  http
    .expectOne((r) => r.url === '/api/portfolio/tension' && r.params.get('cycleId') === cycle.id)
    .flush(aTension(cycle));
}
