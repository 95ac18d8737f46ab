import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './auth.guard';
import type { IssuedSession } from './auth.service';

/** The session cookie: httpOnly, same-site strict, secure over https, for the session's life. */
export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  session: Pick<IssuedSession, 'token' | 'maxAgeSeconds'>,
): void {
  void reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: session.maxAgeSeconds,
  });
}
