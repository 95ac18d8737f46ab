/** What the withdrawal and correction rules look at in a reading. */
export interface WithdrawableReading {
  /** The reading that corrects this one, if any. */
  supersededById: string | null;
  /** Whether it has been withdrawn already. */
  withdrawn: boolean;
}

/**
 * Whether a reading may be withdrawn (null: it may). A withdrawal takes a reading out of every
 * computed value while keeping it in the history, with its reason. It is final: a withdrawn
 * reading is not withdrawn again nor corrected, and a superseded reading no longer counts
 * already (withdraw the correction that replaced it instead).
 */
export function readingWithdrawalProblem(reading: WithdrawableReading): string | null {
  if (reading.withdrawn) {
    return 'This reading is already withdrawn.';
  }
  if (reading.supersededById !== null) {
    return 'This reading has been corrected and no longer counts: withdraw the correction instead.';
  }
  return null;
}

/** Whether a reading may be corrected as far as withdrawal goes (null: it may). */
export function withdrawnCorrectionProblem(
  reading: Pick<WithdrawableReading, 'withdrawn'>,
): string | null {
  return reading.withdrawn
    ? 'This reading is withdrawn: record a new reading instead of correcting it.'
    : null;
}
