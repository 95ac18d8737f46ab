import {
  type EvidenceSnapshot,
  type ExitCriterion,
  type SnapshotMeasure,
  type Readiness,
  STEP_STATUS_VALUES,
  type StepStatus,
} from '@waypoint/contracts';
import type { SubmissionInput } from './gate-submission';
import { progressOf } from './measure-progress';
import { latestReadings, type Reading } from './readings';

/**
 * Building the evidence snapshot of a gate submission from what was read in its transaction.
 * The readings' supersession and the progress come from their own rules.
 */

/** A linked measure as read at submission: what its frozen snapshot keeps of it. */
export type EvidenceMeasure = Pick<
  SnapshotMeasure,
  'id' | 'name' | 'unit' | 'perspective' | 'direction' | 'baseline' | 'target'
>;

export interface EvidenceInput {
  takenAt: Date;
  milestone: {
    id: string;
    position: number;
    title: string;
    goal: string;
    dueDate: string | null;
    startedAt: Date;
    criteria: ExitCriterion[];
  };
  /** The measures linked to the milestone, by name. */
  measures: EvidenceMeasure[];
  /** The readings of those measures, in recording order (corrections supersede). */
  readings: Reading[];
  stepCounts: { status: StepStatus; count: number }[];
  readiness: Readiness;
  openConditions: EvidenceSnapshot['openConditions'];
}

/** What `submissionBlockers` needs: the checklist and when each linked measure was last read. */
export function submissionInput(input: EvidenceInput): SubmissionInput {
  const latest = latestReadings(input.readings, input.takenAt);
  return {
    criteria: input.milestone.criteria,
    startedAt: input.milestone.startedAt,
    linkedMeasures: input.measures.map((measure) => ({
      id: measure.id,
      name: measure.name,
      lastReadingAt: latest.get(measure.id)?.observedAt ?? null,
    })),
  };
}

export function buildEvidenceSnapshot(input: EvidenceInput): EvidenceSnapshot {
  const latest = latestReadings(input.readings, input.takenAt);
  const byStatus = Object.fromEntries(STEP_STATUS_VALUES.map((status) => [status, 0])) as Record<
    StepStatus,
    number
  >;
  for (const { status, count } of input.stepCounts) byStatus[status] += count;
  const { milestone } = input;
  return {
    takenAt: input.takenAt.toISOString(),
    milestone: {
      id: milestone.id,
      position: milestone.position,
      title: milestone.title,
      goal: milestone.goal,
      dueDate: milestone.dueDate,
      startedAt: milestone.startedAt.toISOString(),
    },
    criteria: milestone.criteria.map((c) => ({ id: c.id, label: c.label, checked: c.checked })),
    measures: input.measures.map((measure) => {
      const reading = latest.get(measure.id);
      return {
        ...measure,
        latestReading: reading
          ? { id: reading.id, value: reading.value, observedAt: reading.observedAt.toISOString() }
          : null,
        progress: reading ? progressOf(measure, reading.value) : null,
      };
    }),
    steps: {
      total: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
      byStatus,
    },
    readiness: { score: input.readiness.score, notes: input.readiness.notes },
    openConditions: input.openConditions.map((c) => ({ ...c })),
  };
}
