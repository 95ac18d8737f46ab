import { PRECONDITION_FAILED_MESSAGE } from './etag';

/**
 * What a repository reports when a write cannot happen for a reason of the data, not of a rule.
 * Plain classes: repositories know nothing of HTTP; `ProblemDetailsFilter` maps each to its
 * status with the message as the detail.
 */

/** The record the write names does not exist: 404. */
export class RecordNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordNotFoundError';
  }
}

/** The record changed since the version the client read (If-Match is stale): 412. */
export class StaleVersionError extends Error {
  constructor() {
    super(PRECONDITION_FAILED_MESSAGE);
    this.name = 'StaleVersionError';
  }
}

/** A value that must be unique is taken, or the write was made by someone else already: 409. */
export class DuplicateRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DuplicateRecordError';
  }
}

/** The HTTP status of a persistence error. */
export function persistenceStatus(
  error: RecordNotFoundError | StaleVersionError | DuplicateRecordError,
): 404 | 409 | 412 {
  if (error instanceof RecordNotFoundError) return 404;
  if (error instanceof StaleVersionError) return 412;
  return 409;
}
