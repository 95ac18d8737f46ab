/** What other features may use of common/ (import it from '../common', never from a file inside). */
export { type AccessEnded, AccessEndedSignal } from './access-ended';
export { ApiProblems } from './api-problems';
export { requireChanges } from './changes';
export { atStoryTime, clockNow } from './clock';
export { ConcurrencyLimiter, LimiterFullError } from './concurrency-limiter';
export { isForeignKeyViolation, isUniqueViolation } from './database-errors';
export { DrainSwitch } from './drain';
export {
  registerSecurityHeaders,
  securityHeaders,
  SECURITY_HEADER_OPTIONS,
} from './security-headers';
export { PRECONDITION_FAILED_MESSAGE, PRECONDITION_REQUIRED_MESSAGE, parseIfMatch } from './etag';
export { registerETags } from './etag-hook';
export { clientErrorAsProblem, frameworkErrorAsProblem } from './framework-errors';
export { IdParams } from './id-params';
export { ApiIfMatch, IfMatch } from './if-match.decorator';
export { loggerParams, registerRequestLog, requestLogLevel } from './logging';
export { documentProblemAnswers } from './openapi-problems';
export { orderedUuid } from './ordered-id';
export { PageDto, PageQueryDto, type PageRequest, pageOf } from './paging';
export { ProblemDetailsFilter } from './problem-details.filter';
export { ProblemDetailsDto } from './problem.dto';
export { assignRequestId, requestIdOf } from './request-id';
export { returnedRows } from './returned-rows';
export { TooManyAttemptsException } from './too-many-attempts';
export { FieldValidationException, createValidationPipe } from './validation';
export {
  OneOf,
  Optional,
  OptionalBoolean,
  OptionalDateTime,
  OptionalText,
  RequiredText,
  SingleLine,
} from './validators';
export {
  type ChangeStatement,
  conditionalUpdate,
  hydrateRow,
  insertReturning,
} from './versioned-writes';
export { type ValueWriteListener, ValueWrites, ValueWritesModule } from './value-writes';
export { DuplicateRecordError, RecordNotFoundError, StaleVersionError } from './persistence-errors';
export {
  Email,
  FiniteNumber,
  IsoDateTime,
  IsoDay,
  OptionalNullable,
  ME,
  QueryFlag,
  ThresholdQuery,
  UserIdOrMe,
  UntrimmedText,
  UuidList,
  UuidRef,
  WholeNumber,
} from './validators';
export { CountedSql } from './statements/counted-sql';
export { PreparedStatements, PreparedStatementsModule } from './prepared-statements';
export type { StatementNotify } from './statement-notify';
export {
  SQL_STATEMENTS_HEADER,
  STATEMENT_COUNT_HEADERS,
  StatementCountInterceptor,
  StatementCountingLogger,
  statementsSoFar,
} from './statements/statement-counter';
export {
  OUTBOX_STOP_WAIT_MS,
  type OutboxBatches,
  OutboxPoller,
  type OutboxSending,
  errorText,
  nextAttemptAt,
} from './outbox-poller';
export { PeriodicJob } from './periodic-job';
