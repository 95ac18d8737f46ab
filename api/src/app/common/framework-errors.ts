import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem } from './problem';
import { assignRequestId } from './request-id';

/**
 * Fastify's router answers a few requests before Nest sees them (a path parameter longer than
 * the router accepts, a path that is not valid URL encoding). By default those get Fastify's own
 * JSON; this gives them problem details like every other error.
 */
export function frameworkErrorAsProblem(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const badUrl = error.code === 'FST_ERR_MAX_PARAM_LENGTH' || error.code === 'FST_ERR_BAD_URL';
  const status = badUrl ? 400 : 500;
  const body = problem(
    status,
    badUrl
      ? 'A path parameter is too long or not valid URL encoding.'
      : 'The server could not route the request.',
    { requestId: assignRequestId(request.raw) },
  );
  void reply
    .code(status)
    .header('X-Request-Id', body.requestId)
    .header('Content-Type', PROBLEM_CONTENT_TYPE)
    .send(body);
}
