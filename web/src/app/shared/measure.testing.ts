// Test data for code that shows measures. Imported by specs only.
import type { MeasureListItem, MeasureResponse } from '@waypoint/contracts';

/** A measure as the API answers it (factory; override any field). */
export function aMeasureResponse(overrides: Partial<MeasureResponse> = {}): MeasureResponse {
  return {
    id: 'me1',
    initiativeId: 'i1',
    name: 'A measure',
    unit: '%',
    perspective: 'customer',
    direction: 'higher_is_better',
    baseline: 0,
    target: 10,
    targetDate: null,
    cadence: 'monthly',
    kpiClass: 'customer_centric',
    weight: 1,
    customerGroup: null,
    counterMeasure: null,
    recorder: null,
    baselineFrozenAt: null,
    latestReading: null,
    progress: null,
    stale: false,
    staleSince: null,
    readingDueAt: null,
    version: 1,
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    ...overrides,
  };
}

/** A measure as GET /api/measures lists it (factory; override any field). */
export function aMeasure(overrides: Partial<MeasureListItem> = {}): MeasureListItem {
  return {
    ...aMeasureResponse(),
    initiative: { id: 'i1', title: 'Call-backs', status: 'active' },
    counterMeasureProgress: null,
    cycleChange: null,
    ...overrides,
  };
}
