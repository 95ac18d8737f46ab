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

/**
 * Node answers some requests before Fastify can route them (a header block over the limit: 431,
 * a malformed request: 400). Fastify's default writes JSON; this writes problem details.
 */
export function clientErrorAsProblem(
  error: Error & { code?: string },
  socket: { writable: boolean; end(data: string): void },
): void {
  if (!socket.writable) return;
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify(
    problem(
      status,
      tooLarge
        ? 'The request headers are larger than the server accepts.'
        : 'The request is not valid HTTP.',
    ),
  );
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Connection: close\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
