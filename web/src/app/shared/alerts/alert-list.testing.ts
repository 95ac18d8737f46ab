import type { AlertResponse, Page } from '@waypoint/contracts';

/** A live alert as GET /api/alerts answers it: a protected group's measure worsened. */
export function anAlert(overrides: Partial<AlertResponse> = {}): AlertResponse {
  return {
    id: 'a1',
    status: 'open',
    kind: 'customer_worsens_as_business_improves',
    severity: 'critical',
    explanation:
      'Customer value fell from 0% to -40% (-40 points) while business value rose from 17% to 50% (+33 points) in 2026-Q4.',
    measureIds: ['m1', 'm2'],
    readingIds: ['r1', 'r2', 'r3', 'r4'],
    initiative: { id: 'i3', title: 'Self-service for occasional buyers' },
    cycle: { id: 'c4', name: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' },
    raisedAt: '2026-12-01T10:00:00.000Z',
    resolvedAt: null,
    readings: [],
    indices: {
      customer: { opening: 0, closing: -0.4, change: -0.4 },
      business: { opening: 1 / 6, closing: 0.5, change: 1 / 3 },
    },
    moves: [
      {
        measureId: 'm1',
        measureName: 'Satisfaction of loyal families',
        unit: 'pts',
        perspective: 'customer',
        opening: { readingId: 'r1', value: 60, observedAt: '2026-08-01T00:00:00.000Z' },
        closing: { readingId: 'r2', value: 52, observedAt: '2026-12-01T00:00:00.000Z' },
        improvement: -8,
        progressOpening: 0,
        progressClosing: -0.4,
        progressChange: -0.4,
      },
    ],
    acknowledgement: null,
    dismissal: null,
    history: [{ action: 'raised', at: '2026-12-01T10:00:00.000Z', actor: null, note: null }],
    can: { acknowledge: false, dismiss: false },
    ...overrides,
  };
}

export function alertPage(items: AlertResponse[], total = items.length): Page<AlertResponse> {
  return { items, total, limit: 25, offset: 0 };
}
