import type { DecisionOutcome, StepStatus } from '@waypoint/contracts';

/** The words for each decision outcome, and what it does, for the decision form and history. */
export const OUTCOMES: ReadonlyArray<{
  value: DecisionOutcome;
  label: string;
  explanation: string;
}> = [
  {
    value: 'go',
    label: 'Go',
    explanation: 'The gate is passed and the next milestone can start. A rationale is optional.',
  },
  {
    value: 'go_with_conditions',
    label: 'Go with conditions',
    explanation: 'Passed, with conditions the team must close later. List at least one.',
  },
  {
    value: 'changes_requested',
    label: 'Changes requested',
    explanation: 'Sent back to the team to complete; the initiative stays active.',
  },
  {
    value: 'on_hold',
    label: 'On hold',
    explanation: 'The initiative pauses until the gate is resumed.',
  },
  {
    value: 'rejected',
    label: 'Rejected',
    explanation: 'The initiative stops here.',
  },
];

export function outcomeLabel(outcome: DecisionOutcome): string {
  return OUTCOMES.find((o) => o.value === outcome)?.label ?? outcome;
}

/** "3 hours", "1 day", "12 days": how long a gate has waited, from whole hours. */
export function waitingText(hours: number): string {
  const whole = Math.max(0, Math.floor(hours));
  if (whole < 1) return 'less than an hour';
  if (whole < 48) return `${whole} ${whole === 1 ? 'hour' : 'hours'}`;
  const days = Math.floor(whole / 24);
  return `${days} days`;
}

export const STEP_STATUS_LABELS: Readonly<Record<StepStatus, string>> = {
  todo: 'To do',
  doing: 'Doing',
  blocked: 'Blocked',
  done: 'Done',
};

/** A progress share (0..1, may overshoot) as a whole percentage, or "—" without one. */
export function progressText(progress: number | null): string {
  return progress === null ? 'no reading' : `${Math.round(progress * 100)}%`;
}
