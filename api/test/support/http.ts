import type { ProblemDetails } from '@waypoint/contracts';
import { call, type Session } from './auth';
import type { TestApp } from './test-app';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  /** The parsed JSON body; null for an empty or non-JSON body. */
  body: T;
  text: string;
  headers: Headers;
}

/** `call()` and read the answer (parsed when it is JSON or problem details). */
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
  return {
    status: res.status,
    text,
    body: (isJson && text ? JSON.parse(text) : null) as T,
    headers: res.headers,
  };
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
