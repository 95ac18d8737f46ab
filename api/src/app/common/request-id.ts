import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Uses a caller's X-Request-Id when it is a safe token, otherwise a new UUID. */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const value = Array.isArray(given) ? given[0] : given;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}

/** Gives the raw request its id once (pino-http and the Fastify hook share it). */
export function assignRequestId(req: IncomingMessage): string {
  const holder = req as IncomingMessage & { id?: unknown };
  if (typeof holder.id === 'string') return holder.id;
  const id = requestIdFor(req);
  holder.id = id;
  return id;
}

/** The id pino-http gave the raw request (every log line and the X-Request-Id header carry it). */
export function requestIdOf(raw: IncomingMessage): string | undefined {
  const id = (raw as IncomingMessage & { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}
