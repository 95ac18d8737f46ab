import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { GateBlocker, ProblemDetails } from '@waypoint/contracts';
import { DomainError, SubmissionBlockedError } from '@waypoint/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TooManyAttemptsException } from './too-many-attempts';
import { WebHost } from '../web-host';
import { isDatabaseBusy, isDatabaseUnavailable } from './database-unavailable';
import {
  DuplicateRecordError,
  persistenceStatus,
  RecordNotFoundError,
  StaleVersionError,
} from './persistence-errors';
import { PROBLEM_CONTENT_TYPE, problem } from './problem';
import { requestIdOf } from './request-id';
import { FieldValidationException } from './validation';

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Messages of Fastify's own request errors that are safe to show. */
function fastifyClientError(error: FastifyLikeError): ProblemDetails | null {
  const status = error.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'The request body is larger than this server accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'Send the request body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'The request says it has a JSON body but the body is empty.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem(400, 'The request body is not valid JSON.');
    default:
      return error.message && !/\bat\b.*\(/.test(error.message)
        ? problem(status, error.message.slice(0, 300))
        : problem(status, undefined);
  }
}

/**
 * A rule refused: 422 with the rule's message as the detail, its `code`, its per-field `errors`
 * where it has any, and every missing item in `blockers` for a blocked gate submission.
 */
export function ruleProblem(error: DomainError): ProblemDetails & { blockers?: GateBlocker[] } {
  const errors = error.errors ?? {};
  return problem(422, error.message, {
    code: error.code,
    ...(Object.keys(errors).length > 0
      ? { errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, [...v]])) }
      : {}),
    ...(error instanceof SubmissionBlockedError ? { blockers: [...error.blockers] } : {}),
  });
}

/**
 * The one exception filter: every error becomes RFC 9457 problem details. A rule's
 * {@link DomainError} is a 422 with its `code` on every endpoint; a repository's not-found,
 * stale-version and duplicate errors are 404, 412 and 409. A 500 never shows a stack or SQL; it
 * is logged with the request id instead. Unknown non-API paths fall back to the single-page app
 * so deep links work.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly webHost: WebHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (reply.sent) return;
    const status = exception instanceof HttpException ? exception.getStatus() : 0;
    if (status === 404 && this.webHost.servesFallback(request)) {
      this.webHost.sendIndex(reply);
      return;
    }
    const body = this.toProblem(exception, request, requestIdOf(request.raw));
    body.instance = request.url.split('?')[0];
    const requestId = requestIdOf(request.raw);
    if (requestId) body.requestId = requestId;
    if (body.status === 503) void reply.header('Retry-After', '5');
    if (exception instanceof TooManyAttemptsException) {
      void reply.header('Retry-After', String(exception.retryAfterSeconds));
    }
    void reply.status(body.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(body);
  }

  private toProblem(
    exception: unknown,
    request: FastifyRequest,
    requestId: string | undefined,
  ): ProblemDetails {
    const where = { url: request.url, requestId };
    if (exception instanceof DomainError) return ruleProblem(exception);
    if (
      exception instanceof RecordNotFoundError ||
      exception instanceof StaleVersionError ||
      exception instanceof DuplicateRecordError
    ) {
      return problem(persistenceStatus(exception), exception.message);
    }
    if (exception instanceof FieldValidationException) {
      return problem(400, 'The request has invalid fields.', { errors: exception.fieldErrors });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const detail = Array.isArray(message)
        ? message.join('; ')
        : typeof message === 'string'
          ? message
          : undefined;
      if (status >= 500) this.logger.error({ err: exception, ...where }, 'server error');
      return problem(status, status >= 500 ? 'The server could not complete the request.' : detail);
    }
    const fastifyProblem = fastifyClientError(exception as FastifyLikeError);
    if (fastifyProblem) return fastifyProblem;
    if (isDatabaseBusy(exception)) {
      this.logger.warn({ err: exception, url: request.url }, 'database busy');
      return problem(
        503,
        'The server is busy with other requests and did not save or change anything. Try again in a few seconds.',
      );
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn({ err: exception, ...where }, 'database unavailable');
      return problem(503, 'The database is not reachable right now. Try again in a few seconds.');
    }
    this.logger.error({ err: exception, ...where }, 'unhandled error');
    return problem(500, 'An unexpected error occurred. Quote the request id when you report it.');
  }
}
