import { randomUUID } from 'node:crypto';
import type { ProblemDetails } from '@waypoint/contracts';
import { call, type Session } from './auth';
import { checkAnswer } from './contract';
import type { TestApp } from './test-app';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  /** The parsed JSON body; null for an empty or non-JSON body. */
  body: T;
  text: string;
  headers: Headers;
}

/**
 * `call()` and read the answer (parsed when it is JSON or problem details). A JSON answer must
 * match the OpenAPI document (support/contract.ts): a mismatch fails the test.
 */
export async function send<T = Record<string, unknown>>(
  t: TestApp,
  session: Session | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const res = await call(t, session, method, path, body, headers);
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const answer = {
    status: res.status,
    text,
    body: (isJson && text ? JSON.parse(text) : null) as T,
    headers: res.headers,
  };
  await checkAnswer(t.baseUrl, method, path, answer);
  return answer;
}

/** The problem detail of an error answer. */
export const detailOf = (answer: Answer<unknown>): string =>
  (answer.body as ProblemDetails | null)?.detail ?? '';

/** The fields named by a 400's per-field errors, sorted. */
export const fieldErrors = (answer: Answer<unknown>): string[] =>
  Object.keys((answer.body as ProblemDetails | null)?.errors ?? {}).sort();

/** How many audit events a record has (optionally of one action), read behind the API's back. */
export async function auditCount(t: TestApp, entityId: string, action?: string): Promise<number> {
  const rows = await t.sql.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM audit_events
      WHERE entity_id = $1 AND ($2::text IS NULL OR action = $2)`,
    [entityId, action ?? null],
  );
  return Number(rows.rows[0]?.n ?? 0);
}

/** Audit rows of an initiative, oldest first, read behind the API's back. */
export async function auditRows(
  t: TestApp,
  initiativeId: string,
): Promise<Array<{ action: string; entity_type: string; before: unknown; after: unknown }>> {
  const rows = await t.sql.query<{
    action: string;
    entity_type: string;
    before: unknown;
    after: unknown;
  }>(
    `SELECT action, entity_type, before, after FROM audit_events
      WHERE initiative_id = $1 ORDER BY id`,
    [initiativeId],
  );
  return rows.rows;
}

/** The ETag of a version, for If-Match. */
export const etag = (version: number): Record<string, string> => ({ 'If-Match': `"${version}"` });

/** A fresh Idempotency-Key header. */
export const idempotencyKey = (): Record<string, string> => ({ 'Idempotency-Key': randomUUID() });

/** A well-formed id that names nothing. */
export const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** A fresh id that names nothing. */
export const nothing = (): string => randomUUID();
