import type { InitiativeResponse } from '@waypoint/contracts';
import { call, type Session, signInAs } from '../support/auth';
import { send } from '../support/http';
import type { TestApp } from '../support/test-app';
import { createUser, type TestUser } from './users';

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
export async function postInitiative(
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
