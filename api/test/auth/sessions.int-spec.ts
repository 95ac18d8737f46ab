import { request } from 'node:http';
import { createUser } from '../factories/users';
import { call, signIn, signInAs } from '../support/auth';
import { useTestApp } from '../support/use-test-app';

describe('sign-in, sessions and API tokens', () => {
  const t = useTestApp({
    env: {
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_MAX_FAILURES_PER_IP: '1000',
      // The test client is the proxy here, so X-Forwarded-Proto counts.
      TRUST_PROXY: 'loopback',
    },
  });

  const login = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('signs in with a httpOnly, SameSite=Strict cookie and answers who I am', async () => {
    const user = await createUser(t.sql, { role: 'manager', displayName: 'Morgan' });
    const res = await login({ email: user.email.toUpperCase(), password: user.password });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^wp_session=wps_[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(await res.json()).toMatchObject({
      id: user.id,
      role: 'manager',
      displayName: 'Morgan',
      via: 'session',
    });
    const me = await fetch(`${t.baseUrl}/api/auth/me`, {
      headers: { Cookie: cookie.split(';')[0] ?? '' },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: user.id, department: { id: user.departmentId } });
  });

  it('marks the cookie Secure when served over https (behind a proxy)', async () => {
    const user = await createUser(t.sql);
    const res = await login(
      { email: user.email, password: user.password },
      { 'X-Forwarded-Proto': 'https' },
    );
    expect(res.headers.get('set-cookie')).toMatch(/Secure/i);
  });

  it('stores only a hash of the session token', async () => {
    const session = await signIn(t, 'member');
    const token = session.headers['Cookie']?.split('=')[1] ?? '';
    const rows = await t.sql.query(
      `SELECT 1 FROM sessions WHERE token_hash = $1 OR token_hash LIKE $2`,
      [token, `%${token.slice(4, 20)}%`],
    );
    expect(rows.rowCount).toBe(0);
  });

  it('answers 401 with the same message for a wrong password and an unknown email', async () => {
    const user = await createUser(t.sql);
    const wrong = await login({ email: user.email, password: 'not-the-password-at-all' });
    const unknown = await login({
      email: 'nobody-here@example.test',
      password: 'not-the-password-at-all',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = (await wrong.json()) as { detail: string };
    const b = (await unknown.json()) as { detail: string };
    expect(a.detail).toBe(b.detail);
  });

  it('refuses a deactivated user at sign-in and ends their sessions at once', async () => {
    const session = await signIn(t, 'member');
    await t.sql.query(`UPDATE users SET active = false WHERE id = $1`, [session.user.id]);
    expect((await call(t, session, 'GET', '/api/auth/me')).status).toBe(401);
    expect(
      (await login({ email: session.user.email, password: session.user.password })).status,
    ).toBe(401);
  });

  it('logs out: the session stops working at once', async () => {
    const session = await signIn(t, 'executive');
    const out = await call(t, session, 'POST', '/api/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/wp_session=;/);
    expect((await call(t, session, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('ends sessions after the idle timeout and after the absolute timeout', async () => {
    const idle = await signIn(t, 'member');
    await t.sql.query(
      `UPDATE sessions SET last_seen_at = now() - interval '9 hours' WHERE user_id = $1`,
      [idle.user.id],
    );
    expect((await call(t, idle, 'GET', '/api/auth/me')).status).toBe(401);
    const old = await signIn(t, 'member');
    await t.sql.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [old.user.id],
    );
    expect((await call(t, old, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('refuses cookie-authenticated writes without a same-site Origin', async () => {
    const session = await signIn(t, 'member');
    const cookieOnly = { Cookie: session.headers['Cookie'] ?? '' };
    const noOrigin = await fetch(`${t.baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: cookieOnly,
    });
    expect(noOrigin.status).toBe(403);
    const evil = await fetch(`${t.baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: { ...cookieOnly, Origin: 'https://evil.example' },
    });
    expect(evil.status).toBe(403);
    expect((await call(t, session, 'GET', '/api/auth/me')).status).toBe(200);
    const crossSiteLogin = await login(
      { email: session.user.email, password: session.user.password },
      { Origin: 'https://evil.example' },
    );
    expect(crossSiteLogin.status).toBe(403);
  });

  it('throttles sign-in per account with 429 and Retry-After, whether or not the email exists', async () => {
    for (const email of [(await createUser(t.sql)).email, 'ghost@example.test']) {
      for (let i = 0; i < 3; i++) {
        expect((await login({ email, password: 'wrong-password-123' })).status).toBe(401);
      }
      const blocked = await login({ email, password: 'wrong-password-123' });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(blocked.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });

  it('validates the sign-in body', async () => {
    const res = await login({ email: 'not-an-email', password: '', extra: true });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Record<string, string[]> };
    expect(Object.keys(body.errors).sort()).toEqual(['email', 'extra', 'password']);
    const notJson = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"email":',
    });
    expect(notJson.status).toBe(400);
    const huge = await postAnswerFirst(
      `${t.baseUrl}/api/auth/login`,
      JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(2 * 1024 * 1024) }),
    );
    expect(huge).toBe(413);
  });

  it('creates, uses, lists and revokes personal API tokens', async () => {
    const session = await signIn(t, 'manager');
    const created = await call(t, session, 'POST', '/api/auth/tokens', { name: 'Reporting' });
    expect(created.status).toBe(201);
    const token = (await created.json()) as { id: string; token: string; prefix: string };
    expect(token.token).toMatch(/^wpt_/);
    expect(token.token.startsWith(token.prefix)).toBe(true);
    const bearer = { Authorization: `Bearer ${token.token}` };
    const me = await fetch(`${t.baseUrl}/api/auth/me`, { headers: bearer });
    expect(await me.json()).toMatchObject({ id: session.user.id, via: 'token' });
    // A token cannot mint tokens that would outlive its revocation (issue 16, finding 6).
    const viaToken = await fetch(`${t.baseUrl}/api/auth/tokens`, {
      method: 'POST',
      headers: { ...bearer, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Second' }),
    });
    expect(viaToken.status).toBe(403);
    expect((await call(t, session, 'POST', '/api/auth/tokens', { name: 'Second' })).status).toBe(
      201,
    );
    const list = (await (await call(t, session, 'GET', '/api/auth/tokens')).json()) as Array<
      Record<string, unknown>
    >;
    expect(list.map((x) => x['name']).sort()).toEqual(['Reporting', 'Second']);
    expect(JSON.stringify(list)).not.toContain(token.token);
    const stored = await t.sql.query(`SELECT 1 FROM api_tokens WHERE token_hash = $1`, [
      token.token,
    ]);
    expect(stored.rowCount).toBe(0);
    expect((await call(t, session, 'DELETE', `/api/auth/tokens/${token.id}`)).status).toBe(204);
    expect((await fetch(`${t.baseUrl}/api/auth/me`, { headers: bearer })).status).toBe(401);
    expect((await call(t, session, 'DELETE', `/api/auth/tokens/${token.id}`)).status).toBe(404);
    expect((await call(t, session, 'DELETE', '/api/auth/tokens/not-a-uuid')).status).toBe(400);
    expect((await call(t, session, 'POST', '/api/auth/tokens', { name: '' })).status).toBe(400);
  });

  it('gives tokens an expiry (90 days by default, at most a year), a scope and a last use', async () => {
    const session = await signIn(t, 'admin');
    const make = async (body: Record<string, unknown>) => {
      const res = await call(t, session, 'POST', '/api/auth/tokens', body);
      return { status: res.status, body: (await res.json()) as Record<string, string> };
    };
    const standard = await make({ name: 'Default' });
    expect(standard.status).toBe(201);
    expect(standard.body['scope']).toBe('read_write');
    const days = (iso: string | undefined): number =>
      Math.round((Date.parse(iso ?? '') - Date.now()) / 86_400_000);
    expect(days(standard.body['expiresAt'])).toBe(90);
    const year = await make({ name: 'Year', expiresInDays: 365, scope: 'read' });
    expect(days(year.body['expiresAt'])).toBe(365);
    for (const bad of [{ expiresInDays: 366 }, { expiresInDays: 0 }, { scope: 'admin' }]) {
      expect((await make({ name: 'Bad', ...bad })).status).toBe(400);
    }

    // A read token reads and is refused every unsafe method.
    const reader = { Authorization: `Bearer ${year.body['token'] ?? ''}` };
    const read = await fetch(`${t.baseUrl}/api/departments`, { headers: reader });
    expect(read.status).toBe(200);
    const write = await fetch(`${t.baseUrl}/api/departments`, {
      method: 'POST',
      headers: { ...reader, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Read-only refused' }),
    });
    expect(write.status).toBe(403);
    const writer = { Authorization: `Bearer ${standard.body['token'] ?? ''}` };
    const written = await fetch(`${t.baseUrl}/api/departments`, {
      method: 'POST',
      headers: { ...writer, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Written by a token' }),
    });
    expect(written.status).toBe(201);

    // Last use is recorded, at most once a minute.
    const used = await t.sql.query<{ last_used_at: Date | null }>(
      `SELECT last_used_at FROM api_tokens WHERE id = $1`,
      [year.body['id']],
    );
    expect(used.rows[0]?.last_used_at).not.toBeNull();
    await fetch(`${t.baseUrl}/api/departments`, { headers: reader });
    const again = await t.sql.query<{ last_used_at: Date | null }>(
      `SELECT last_used_at FROM api_tokens WHERE id = $1`,
      [year.body['id']],
    );
    expect(again.rows[0]?.last_used_at).toEqual(used.rows[0]?.last_used_at);

    // Expiry is immediate: the token answers 401 and leaves the list.
    await t.sql.query(
      `UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [standard.body['id']],
    );
    expect((await fetch(`${t.baseUrl}/api/auth/me`, { headers: writer })).status).toBe(401);
    const list = (await (await call(t, session, 'GET', '/api/auth/tokens')).json()) as Array<
      Record<string, unknown>
    >;
    expect(list.map((x) => x['name'])).toEqual(['Year']);
  });

  it('refuses a token of another user to be revoked', async () => {
    const alice = await signIn(t, 'member');
    const bob = await signInAs(t, await createUser(t.sql));
    const created = (await (
      await call(t, alice, 'POST', '/api/auth/tokens', { name: 'Mine' })
    ).json()) as { id: string };
    expect((await call(t, bob, 'DELETE', `/api/auth/tokens/${created.id}`)).status).toBe(404);
  });

  it('answers 401 without credentials and for a bad bearer token', async () => {
    expect((await fetch(`${t.baseUrl}/api/auth/me`)).status).toBe(401);
    const bad = await fetch(`${t.baseUrl}/api/auth/me`, {
      headers: { Authorization: 'Bearer wpt_nope' },
    });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
  });
});

/**
 * POSTs a body announced by its Content-Length and resolves with the status of the answer. Only
 * its first kilobyte is written: the server judges the size from the header and answers (413)
 * at once, and a client still writing megabytes would race the closing socket (EPIPE).
 */
function postAnswerFirst(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, 1024));
  });
}
