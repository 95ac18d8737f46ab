import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedAnswer } from './portfolio-cache';
import { SQL_STATEMENTS_HEADER, statementsSoFar } from '../common';

/** Whether an If-None-Match header names this ETag (weak comparison, RFC 9110 13.1.2). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

/**
 * Sends a reused portfolio answer: 304 without a body when the client already holds it
 * (If-None-Match), else its JSON, made once per computation. The reply is sent here (not by
 * Nest), so the statement count header is set here too.
 */
export function sendReusedAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: CachedAnswer,
): void {
  const statements = statementsSoFar();
  if (statements !== null) void reply.header(SQL_STATEMENTS_HEADER, String(statements));
  // private: the answer depends on who may read it; no-cache: revalidate every time.
  void reply.header('ETag', answer.etag).header('Cache-Control', 'private, no-cache');
  const ifNoneMatch = request.headers['if-none-match'];
  if (etagMatches(typeof ifNoneMatch === 'string' ? ifNoneMatch : undefined, answer.etag)) {
    void reply.status(304).send();
    return;
  }
  void reply.type('application/json; charset=utf-8').send(answer.json());
}
