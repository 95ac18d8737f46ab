/** What already rests on a cycle's dates (the answer of a repository query). */
export interface CycleDependents {
  /** Cycle reviews written for the cycle: their predicted and measured change use its days. */
  reviews: number;
  /** The last day of the cycle (YYYY-MM-DD). */
  endsOn: string;
  /** Today (YYYY-MM-DD, UTC). */
  today: string;
}

/**
 * A cycle's dates may change only while nothing depends on them: no cycle review was written for
 * it (its measured change was read over those days) and it has not ended (its closing standing
 * has been reported). Null when the dates may change; else the sentence that says why not.
 */
export function cycleDatesLockedProblem(cycle: CycleDependents): string | null {
  if (cycle.reviews > 0) {
    const reviews =
      cycle.reviews === 1 ? '1 cycle review was' : `${cycle.reviews} cycle reviews were`;
    return `Its dates can no longer change: ${reviews} written for this cycle.`;
  }
  if (cycle.endsOn < cycle.today) {
    return 'Its dates can no longer change: the cycle has ended and its results have been reported.';
  }
  return null;
}
