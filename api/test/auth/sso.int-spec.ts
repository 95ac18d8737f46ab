import { createUser } from '../factories/users';
import {
  callback,
  startTestOidcProvider,
  type TestOidcProvider,
  throughProvider,
} from '../support/oidc-provider';
import { useTestApp } from '../support/use-test-app';

/**
 * Single sign-on against a real OpenID provider (oidc-provider, scripts/testing/oidc-provider.mjs)
 * with password sign-in off: the authorization code flow with PKCE, state and nonce, the ID
 * token checked, accounts created and their roles following the provider's groups (audited).
 */
describe('single sign-on (OpenID Connect)', () => {
  let provider: TestOidcProvider;
  const env: Record<string, string> = {
    SSO_PROVIDER_NAME: 'Acme Login',
    SSO_ROLE_MAPPING: 'wp-admins=admin,wp-execs=executive,wp-managers=manager',
    SSO_CREATE_USERS: 'true',
    PASSWORD_SIGN_IN: 'false',
  };
  beforeAll(async () => {
    provider = await startTestOidcProvider();
    Object.assign(env, provider.env);
  });
  const t = useTestApp({ env });
  afterAll(() => provider.stop());

  async function signInAs(login: string): Promise<{ location: string; session: string | null }> {
    const { callbackUrl, appCookie } = await throughProvider(t.baseUrl, login);
    const answer = await callback(callbackUrl, appCookie);
    expect(answer.status).toBe(302);
    return answer;
  }

  async function me(session: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(`${t.baseUrl}/api/auth/me`, { headers: { Cookie: session } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('tells the sign-in page what it offers, without signing in', async () => {
    const res = await t.send(null, 'GET', '/api/auth/sign-in-options');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ passwordSignIn: false, sso: { providerName: 'Acme Login' } });
  });

  it('creates the account at the first sign-in, with the role of its group (audited)', async () => {
    await provider.setAccount('ada', {
      email: 'Ada@Acme.test',
      name: 'Ada Lovelace',
      groups: ['wp-managers', 'everyone'],
    });
    const answer = await signInAs('ada');
    expect(answer.location).toBe('/my-work');
    expect(answer.session).not.toBeNull();
    const who = await me(answer.session ?? '');
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({
      email: 'ada@acme.test',
      displayName: 'Ada Lovelace',
      role: 'manager',
    });
    const stored = await t.sql.query<{ sso_subject: string; password_hash: string | null }>(
      `SELECT sso_subject, password_hash FROM users WHERE email = 'ada@acme.test'`,
    );
    expect(stored.rows).toEqual([{ sso_subject: 'ada', password_hash: null }]);
    const audit = await t.sql.query<{ action: string; after: { role: string } }>(
      `SELECT action, after FROM audit_events WHERE entity_type = 'user' AND entity_id = $1`,
      [who.body['id']],
    );
    expect(audit.rows).toEqual([
      { action: 'create', after: expect.objectContaining({ role: 'manager' }) as unknown },
    ]);
  });

  it('changes the role when the groups change, and audits the change', async () => {
    await provider.setAccount('ada', {
      email: 'ada@acme.test',
      name: 'Ada Lovelace',
      groups: ['wp-execs'],
    });
    const answer = await signInAs('ada');
    const who = await me(answer.session ?? '');
    expect(who.body['role']).toBe('executive');
    const audit = await t.sql.query<{ action: string; before: object; after: object }>(
      `SELECT action, before, after FROM audit_events
        WHERE entity_type = 'user' AND entity_id = $1 AND action = 'update'`,
      [who.body['id']],
    );
    expect(audit.rows).toEqual([
      {
        action: 'update',
        before: { role: 'manager' },
        after: { role: 'executive', via: 'single sign-on', groups: ['wp-execs'] },
      },
    ]);
    // Out of every mapped group: the default role, no more rights than a member.
    await provider.setAccount('ada', { email: 'ada@acme.test', name: 'Ada', groups: [] });
    expect((await me((await signInAs('ada')).session ?? '')).body['role']).toBe('member');
  });

  it('links an existing account by its email at its first single sign-on', async () => {
    const existing = await createUser(t.sql, { role: 'executive' });
    await provider.setAccount('grace', {
      email: existing.email,
      name: 'Grace',
      groups: ['wp-admins'],
    });
    const who = await me((await signInAs('grace')).session ?? '');
    expect(who.body).toMatchObject({ id: existing.id, role: 'admin' });
  });

  it('refuses a forged state, and the sign-in under way is used up', async () => {
    await provider.setAccount('eve', { email: 'eve@acme.test', name: 'Eve', groups: [] });
    const { callbackUrl, appCookie } = await throughProvider(t.baseUrl, 'eve');
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'forged-state-value');
    const refused = await callback(forged.href, appCookie);
    expect(refused).toEqual({ status: 302, location: '/sign-in?sso=refused', session: null });
    // The genuine callback cannot be replayed after a failed try.
    expect((await callback(callbackUrl, appCookie)).session).toBeNull();
    const users = await t.sql.query(`SELECT 1 FROM users WHERE email = 'eve@acme.test'`);
    expect(users.rowCount).toBe(0);
  });

  it('refuses a callback without the browser that started it', async () => {
    await provider.setAccount('mallory', { email: 'm@acme.test', name: 'M', groups: [] });
    const { callbackUrl } = await throughProvider(t.baseUrl, 'mallory');
    expect(await callback(callbackUrl, '')).toEqual({
      status: 302,
      location: '/sign-in?sso=refused',
      session: null,
    });
  });

  it('refuses an ID token issued for another audience', async () => {
    await provider.setAccount('oscar', { email: 'oscar@acme.test', name: 'Oscar', groups: [] });
    const { callbackUrl, appCookie } = await throughProvider(t.baseUrl, 'oscar');
    await provider.tamperNextAudience('another-client');
    expect(await callback(callbackUrl, appCookie)).toEqual({
      status: 302,
      location: '/sign-in?sso=refused',
      session: null,
    });
  });

  it('refuses a deactivated account', async () => {
    await provider.setAccount('retired', { email: 'retired@acme.test', name: 'R', groups: [] });
    await signInAs('retired');
    await t.sql.query(`UPDATE users SET active = false WHERE email = 'retired@acme.test'`);
    const answer = await signInAs('retired');
    expect(answer).toEqual({ status: 302, location: '/sign-in?sso=inactive', session: null });
  });

  it('refuses passwords when password sign-in is off', async () => {
    const user = await createUser(t.sql, { role: 'admin' });
    const res = await t.send(null, 'POST', '/api/auth/login', {
      email: user.email,
      password: user.password,
    });
    expect(res.status).toBe(403);
    expect(String(res.body['detail'])).toContain('sign in with Acme Login');
  });

  it('signs out of Waypoint and names the provider end-session URL', async () => {
    await provider.setAccount('ada', { email: 'ada@acme.test', name: 'Ada', groups: [] });
    const session = (await signInAs('ada')).session ?? '';
    const crossSite = await fetch(`${t.baseUrl}/api/auth/sso/logout`, {
      method: 'POST',
      headers: { Cookie: session, Origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    const res = await fetch(`${t.baseUrl}/api/auth/sso/logout`, {
      method: 'POST',
      headers: { Cookie: session, Origin: t.baseUrl },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { endSessionUrl: string };
    const end = new URL(body.endSessionUrl);
    expect(`${end.origin}${end.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(end.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${t.baseUrl}/sign-in`);
    expect((await me(session)).status).toBe(401);
  });

  it.each([
    ['a return path off the site', '/api/auth/sso/start?returnTo=//evil.example/x'],
    ['a return URL', '/api/auth/sso/start?returnTo=https%3A%2F%2Fevil.example'],
    ['an unknown parameter', '/api/auth/sso/start?next=/x'],
    ['an unknown callback parameter', '/api/auth/sso/callback?code=a&state=b&admin=1'],
    ['an oversized state', `/api/auth/sso/callback?code=a&state=${'s'.repeat(600)}`],
  ])('answers 400 to %s', async (_name, path) => {
    const res = await t.send(null, 'GET', path);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('single sign-on that creates no accounts', () => {
  let provider: TestOidcProvider;
  const env: Record<string, string> = { SSO_CREATE_USERS: 'false' };
  beforeAll(async () => {
    provider = await startTestOidcProvider();
    Object.assign(env, provider.env);
  });
  const t = useTestApp({ env });
  afterAll(() => provider.stop());

  it('refuses someone Waypoint does not know, and still signs in a known account', async () => {
    await provider.setAccount('stranger', { email: 'new@acme.test', name: 'New', groups: [] });
    const { callbackUrl, appCookie } = await throughProvider(t.baseUrl, 'stranger');
    expect(await callback(callbackUrl, appCookie)).toEqual({
      status: 302,
      location: '/sign-in?sso=unknown_user',
      session: null,
    });
    const users = await t.sql.query(`SELECT 1 FROM users WHERE email = 'new@acme.test'`);
    expect(users.rowCount).toBe(0);

    const known = await createUser(t.sql, { role: 'manager' });
    await provider.setAccount('known', { email: known.email, name: 'Known', groups: ['x'] });
    const signedIn = await throughProvider(t.baseUrl, 'known');
    const answer = await callback(signedIn.callbackUrl, signedIn.appCookie);
    expect(answer.session).not.toBeNull();
    // No role mapping: the role stays what Waypoint says.
    const me = await fetch(`${t.baseUrl}/api/auth/me`, {
      headers: { Cookie: answer.session ?? '' },
    });
    expect(await me.json()).toMatchObject({ id: known.id, role: 'manager' });
    // Passwords stay on by default.
    const password = await t.send(null, 'POST', '/api/auth/login', {
      email: known.email,
      password: known.password,
    });
    expect(password.status).toBe(200);
  });
});

describe('without single sign-on settings', () => {
  const t = useTestApp();

  it('answers 404 at its start and callback, and the sign-in page offers passwords only', async () => {
    const options = await t.send(null, 'GET', '/api/auth/sign-in-options');
    expect(options.body).toEqual({ passwordSignIn: true, sso: null });
    for (const path of [
      '/api/auth/sso/start',
      '/api/auth/sso/start?returnTo=%2Fportfolio',
      '/api/auth/sso/callback?code=abc&state=def',
    ]) {
      const res = await fetch(`${t.baseUrl}${path}`, { redirect: 'manual' });
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((await res.json()) as { detail: string }).detail).toBe(
        'Single sign-on is not set up here.',
      );
    }
    const sessions = await t.sql.query(`SELECT 1 FROM sso_logins`);
    expect(sessions.rowCount).toBe(0);
  });
});
