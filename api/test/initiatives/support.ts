import { randomUUID } from 'node:crypto';
import type { InitiativeResponse } from '@waypoint/contracts';
import { createUser, type TestUser } from '../factories/users';
import { call, type Session, signInAs } from '../support/auth';
import type { TestApp } from '../support/test-app';
import { type Answer, detailOf, fieldErrors as fieldsOf, send } from '../support/http';

export { type Answer, detailOf, fieldsOf, send };

/** A user of that role with a recognisable name, signed in. */
export async function person(
  t: TestApp,
  role: TestUser['role'],
  displayName: string,
  departmentId?: string,
): Promise<Session> {
  return signInAs(
    t,
    await createUser(t.sql, { role, displayName, ...(departmentId ? { departmentId } : {}) }),
  );
}

/** Creates an initiative through the API and answers it (201 expected). */
export async function createInitiative(
  t: TestApp,
  session: Session,
  body: Record<string, unknown>,
): Promise<InitiativeResponse> {
  const res = await send<InitiativeResponse>(t, session, 'POST', '/api/initiatives', {
    approach: 'engineering',
    ...body,
  });
  if (res.status !== 201) {
    throw new Error(`create initiative: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

/** The current ETag of an initiative, as If-Match wants it. */
export async function etagOf(t: TestApp, session: Session, id: string): Promise<string> {
  const res = await call(t, session, 'GET', `/api/initiatives/${id}`);
  const etag = res.headers.get('etag');
  if (res.status !== 200 || !etag) throw new Error(`read initiative ${id}: ${res.status}`);
  return etag;
}

/** The id of nothing. */
export const nothing = (): string => randomUUID();

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
