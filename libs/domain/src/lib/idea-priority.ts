import type { IdeaStatus } from '@waypoint/contracts';

/** What the priority of an idea is computed from. */
export interface IdeaEstimates {
  /** 0-10. */
  customerImpact: number;
  /** 0-10. */
  businessValue: number;
  /** 1 (days) to 5 (many months). */
  effort: number;
  meTooCount: number;
}

/** Each "me too" adds this much to the priority ... */
export const ME_TOO_POINTS = 0.5;
/** ... for at most this many of them. */
export const ME_TOOS_COUNTED_MAX = 10;
/** An idea estimated at least this high for customers and for the business is in "both gain". */
export const BOTH_GAIN_MIN = 6;

/** The priority formula as the Ideas page states it. */
export const IDEA_PRIORITY_IN_WORDS =
  'Priority = (customer impact + business value) ÷ effort, plus half a point for each "me too" (at most ten count). The list shows the highest first.';

/** What "both gain" means, as the chart states it. */
export const BOTH_GAIN_IN_WORDS = `Both gain: customer impact and business value both ${BOTH_GAIN_MIN} or more.`;

/**
 * The priority of an idea: (customer impact + business value) / effort, plus ME_TOO_POINTS per
 * "me too" up to ME_TOOS_COUNTED_MAX of them, rounded to one decimal. Effort below 1 counts as 1,
 * so it never divides by zero. Higher is sooner.
 */
export function ideaPriority(idea: IdeaEstimates): number {
  const effort = Math.max(1, idea.effort);
  const meToos = Math.min(Math.max(0, idea.meTooCount), ME_TOOS_COUNTED_MAX);
  const raw = (idea.customerImpact + idea.businessValue) / effort + meToos * ME_TOO_POINTS;
  return Math.round(raw * 10) / 10;
}

/** Whether the idea sits in the corner where customers and the business both gain. */
export function inBothGainCorner(
  idea: Pick<IdeaEstimates, 'customerImpact' | 'businessValue'>,
): boolean {
  return idea.customerImpact >= BOTH_GAIN_MIN && idea.businessValue >= BOTH_GAIN_MIN;
}

/** Null while the idea is open to triage; else why not. */
export function ideaOpenProblem(status: IdeaStatus): string | null {
  switch (status) {
    case 'open':
      return null;
    case 'merged':
      return 'This idea was merged into another: add to that one instead.';
    case 'declined':
      return 'This idea was declined.';
    case 'promoted':
      return 'This idea is already an initiative.';
  }
}

/** Null when this person may say "me too" to the idea; else why not. */
export function meTooProblem(
  idea: { status: IdeaStatus; submittedById: string },
  userId: string,
): string | null {
  return (
    ideaOpenProblem(idea.status) ??
    (idea.submittedById === userId ? 'You submitted this idea: your voice is already in it.' : null)
  );
}

/** Null when `from` may be merged into `into`; else why not. */
export function ideaMergeProblem(
  from: { id: string; status: IdeaStatus },
  into: { id: string; status: IdeaStatus },
): string | null {
  if (from.id === into.id) return 'An idea cannot be merged into itself.';
  const closed = ideaOpenProblem(from.status);
  if (closed) return closed;
  return into.status === 'open' ? null : 'Merge into an idea that is still open.';
}
