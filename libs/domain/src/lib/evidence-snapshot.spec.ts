import { submissionBlockers } from './gate-submission';
import type { Reading } from './readings';
import { buildEvidenceSnapshot, type EvidenceInput, submissionInput } from './evidence-snapshot';

const at = (iso: string): Date => new Date(iso);
const reading = (
  id: string,
  measureId: string,
  value: number,
  observedAt: string,
  supersedesId?: string,
): Reading => ({
  id,
  measureId,
  value,
  observedAt: at(observedAt),
  supersedesId: supersedesId ?? null,
});

function input(overrides: Partial<EvidenceInput> = {}): EvidenceInput {
  return {
    takenAt: at('2026-03-10T12:00:00Z'),
    milestone: {
      id: 'm1',
      position: 2,
      title: 'Measure',
      goal: 'Know today.',
      dueDate: '2026-03-31',
      startedAt: at('2026-03-01T00:00:00Z'),
      criteria: [{ id: 'c1', label: 'Data collected', checked: true }],
    },
    measures: [
      {
        id: 'wait',
        name: 'Average wait',
        unit: 'min',
        perspective: 'customer',
        direction: 'lower_is_better',
        baseline: 40,
        target: 20,
      },
      {
        id: 'cost',
        name: 'Cost per call',
        unit: 'EUR',
        perspective: 'business',
        direction: 'higher_is_better',
        baseline: 10,
        target: 20,
      },
    ],
    readings: [
      reading('r1', 'wait', 35, '2026-03-02T00:00:00Z'),
      reading('r2', 'wait', 300, '2026-03-05T00:00:00Z'),
      reading('r3', 'wait', 30, '2026-03-05T00:00:00Z', 'r2'),
      reading('r4', 'cost', 12, '2026-02-20T00:00:00Z'),
      reading('r5', 'cost', 99, '2026-03-20T00:00:00Z'),
    ],
    stepCounts: [
      { status: 'done', count: 2 },
      { status: 'blocked', count: 1 },
    ],
    readiness: { score: 3, notes: 'Mixed' },
    openConditions: [
      { id: 'k1', text: 'Churn check', milestoneId: 'm0', milestoneTitle: 'Define' },
    ],
    ...overrides,
  };
}

describe('the evidence snapshot', () => {
  it('freezes the latest effective reading before submission and its progress per measure', () => {
    const snapshot = buildEvidenceSnapshot(input());
    expect(snapshot.takenAt).toBe('2026-03-10T12:00:00.000Z');
    expect(snapshot.measures).toEqual([
      expect.objectContaining({
        id: 'wait',
        latestReading: { id: 'r3', value: 30, observedAt: '2026-03-05T00:00:00.000Z' },
        progress: 0.5,
      }),
      expect.objectContaining({
        id: 'cost',
        latestReading: { id: 'r4', value: 12, observedAt: '2026-02-20T00:00:00.000Z' },
        progress: 0.2,
      }),
    ]);
    expect(snapshot.steps).toEqual({
      total: 3,
      byStatus: { todo: 0, doing: 0, blocked: 1, done: 2 },
    });
    expect(snapshot.milestone).toEqual({
      id: 'm1',
      position: 2,
      title: 'Measure',
      goal: 'Know today.',
      dueDate: '2026-03-31',
      startedAt: '2026-03-01T00:00:00.000Z',
    });
    expect(snapshot.readiness).toEqual({ score: 3, notes: 'Mixed' });
    expect(snapshot.openConditions).toEqual([
      { id: 'k1', text: 'Churn check', milestoneId: 'm0', milestoneTitle: 'Define' },
    ]);
  });

  it('shows a measure without readings with no reading and no progress', () => {
    const snapshot = buildEvidenceSnapshot(input({ readings: [] }));
    expect(snapshot.measures.map((m) => [m.latestReading, m.progress])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('tells the submission rules when each measure was last read (a reading before the start blocks)', () => {
    const blockers = submissionBlockers(submissionInput(input()));
    expect(blockers.map((b) => b.kind === 'measure_not_read' && b.name)).toEqual(['Cost per call']);
  });
});
