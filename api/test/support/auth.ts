import type { Role } from '@waypoint/contracts';
import { createUser, type TestUser } from '../factories/users';
import type { TestApp } from './test-app';

export interface Session {
  user: TestUser;
  /** Cookie and a same-site Origin: spread into fetch headers. */
  headers: Record<string, string>;
}

/** Signs in through POST /api/auth/login and returns the session cookie. */
export async function signInAs(t: TestApp, user: TestUser): Promise<Session> {
  const res = await fetch(`${t.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: t.baseUrl },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { user, headers: { Cookie: cookie, Origin: t.baseUrl } };
}

/** A new user with the given role, signed in. */
export async function signIn(
  t: TestApp,
  role: Role,
  overrides: Parameters<typeof createUser>[1] = {},
): Promise<Session> {
  return signInAs(t, await createUser(t.sql, { ...overrides, role }));
}

/** JSON request helper: `await call(t, session, 'POST', '/api/departments', { name })`. */
export async function call(
  t: TestApp,
  session: Session | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${t.baseUrl}${path}`, {
    method,
    headers: {
      ...(session?.headers ?? {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
