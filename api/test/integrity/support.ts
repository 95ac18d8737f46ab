import { call, type Session } from '../support/auth';
import type { TestApp } from '../support/test-app';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/** `call()` and read the answer (JSON when there is a body). */
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
  return {
    status: res.status,
    text,
    body: (text ? JSON.parse(text) : null) as T,
    headers: res.headers,
  };
}

/** How many audit events a record has (optionally of one action), read behind the API's back. */
export async function auditCount(t: TestApp, entityId: string, action?: string): Promise<number> {
  const rows = await t.sql.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM audit_events
      WHERE entity_id = $1 AND ($2::text IS NULL OR action = $2)`,
    [entityId, action ?? null],
  );
  return Number(rows.rows[0]?.n ?? 0);
}
