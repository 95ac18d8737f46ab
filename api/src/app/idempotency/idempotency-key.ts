import { BadRequestException } from '@nestjs/common';
import { createHash } from 'node:crypto';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,255}$/;

export const MALFORMED_KEY_MESSAGE =
  'Idempotency-Key must be 1 to 255 characters of A-Z, a-z, 0-9, "_", ".", ":" and "-" (a UUID is a good choice).';

/** The Idempotency-Key of a request, null when it has none; 400 when it is malformed or repeated. */
export function parseIdempotencyKey(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  if (Array.isArray(header) || !KEY_PATTERN.test(header)) {
    throw new BadRequestException(MALFORMED_KEY_MESSAGE);
  }
  return header;
}

/** JSON with object keys sorted at every level, so `{a, b}` and `{b, a}` are the same request. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What makes two requests "the same": method, path (with query) and body (key order ignored). */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`)
    .digest('hex');
}
