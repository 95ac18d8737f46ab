/**
 * Recognises the errors of `pg`, pg-pool, TypeORM and PostgreSQL that mean "the database is away
 * (or too busy) for now": the request may succeed if retried in a few seconds, so it answers 503
 * with Retry-After instead of 500.
 */

/** Node socket errors and PostgreSQL SQLSTATEs (classes 08, 53300, 57P0x, 57014, 40001, 40P01, 55P03). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '53300', // too many connections
  '57P01', // terminating connection due to administrator command
  '57P02', // crash shutdown
  '57P03', // cannot connect now (starting up or shutting down)
  '57014', // query cancelled (statement_timeout)
  '40001', // serialization failure: retry
  '40P01', // deadlock detected: retry
  '55P03', // lock not available (lock_timeout): retry
]);

const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Query read timeout|Cannot use a pool after calling end|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * TypeORM releases a query runner whose connection emitted 'error' (terminated, server gone) and
 * then refuses its next query, or the COMMIT, with one of these: the transaction was rolled back.
 */
const RELEASED_RUNNER = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

/**
 * Of those, the ones that mean "busy", not "away": the pool had no free connection in time (every
 * one was in use by other requests), a statement ran past statement_timeout, a lock wait, a
 * deadlock or a serialization failure. Answered with their own detail: the database is there.
 */
const BUSY_CODES = new Set(['53300', '57014', '40001', '40P01', '55P03']);
const BUSY_MESSAGES = /timeout exceeded when trying to connect/i;

function codeOf(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Nested errors that TypeORM, pg and Node keep: the driver's error, the cause, an aggregate's. */
function innerErrors(error: Error): unknown[] {
  return [
    (error as { driverError?: unknown }).driverError,
    error.cause,
    ...(error instanceof AggregateError ? (error.errors as unknown[]) : []),
  ].filter((inner) => inner !== error);
}

/** A database error that means other requests hold what this one needs (see BUSY_CODES). */
export function isDatabaseBusy(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const code = codeOf(error);
  if (code !== undefined && BUSY_CODES.has(code)) return true;
  if (BUSY_MESSAGES.test(error.message)) return true;
  return innerErrors(error).some((inner) => isDatabaseBusy(inner, depth + 1));
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const code = codeOf(error);
  if (code !== undefined && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  if (UNAVAILABLE_MESSAGES.test(error.message) || RELEASED_RUNNER.has(error.name)) return true;
  // TypeORM keeps pg's error as driverError; Node's happy-eyeballs connect gives an AggregateError.
  return innerErrors(error).some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
