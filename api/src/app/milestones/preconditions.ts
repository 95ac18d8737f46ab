import { PreconditionFailedException } from '@nestjs/common';
import { PRECONDITION_FAILED_MESSAGE } from '../common';

/**
 * If-Match is evaluated before the business rules: a client that read an older version learns
 * that first (412), not a rule about a state it has not seen. The write itself stays one
 * conditional UPDATE, which also catches a change made in between.
 */
export function assertFresh(current: { version: number }, expectedVersion: number): void {
  if (current.version !== expectedVersion) {
    throw new PreconditionFailedException(PRECONDITION_FAILED_MESSAGE);
  }
}
