import type { ReviewDecision } from '@waypoint/contracts';

/** The decision may wait while the cycle runs; it cannot come before it, nor be missing after. */
export function decisionProblem(
  cycle: { name: string; startsOn: string; endsOn: string },
  decision: ReviewDecision | null,
  day: string,
): string | null {
  if (decision !== null && cycle.startsOn > day) {
    return `The cycle ${cycle.name} starts on ${cycle.startsOn}: decide (${decision}) once it has run and its change is measured.`;
  }
  if (decision === null && cycle.endsOn < day) {
    return `The cycle ${cycle.name} ended on ${cycle.endsOn}: its review needs a decision (adopt, adapt or abandon).`;
  }
  return null;
}
