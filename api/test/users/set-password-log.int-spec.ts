import { DEMO_PASSWORD } from '../../src/app/auth/password-policy';
import { useTestApp } from '../support/use-test-app';

/**
 * Issue 16, finding 11: in demo mode the log says that a set-password link was made, never the
 * link (it is a credential: whoever reads the log could set the new user's password).
 */
describe('set-password links in the log (demo mode)', () => {
  const t = useTestApp({ env: { WAYPOINT_DEMO: 'true', LOG_LEVEL: 'info' } });

  it('logs that a link was made, and not the link or its token', async () => {
    const login = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: t.baseUrl },
      body: JSON.stringify({ email: 'admin@waypoint.test', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const departments = (await (
      await fetch(`${t.baseUrl}/api/departments`, { headers: { Cookie: cookie } })
    ).json()) as { items: { id: string }[] };
    const created = await fetch(`${t.baseUrl}/api/users`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: t.baseUrl, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: 'new-starter@waypoint.test',
        displayName: 'New Starter',
        role: 'member',
        departmentId: departments.items[0]?.id,
      }),
    });
    expect(created.status).toBe(201);
    const { setPasswordUrl } = (await created.json()) as { setPasswordUrl: string };
    const token = new URL(setPasswordUrl).searchParams.get('token') ?? '';
    expect(token.length).toBeGreaterThan(20);
    // The log line travels through the server's stdout pipe: wait for it (at most 5 s).
    for (let waited = 0; !t.stdout().includes('set-password link made') && waited < 5_000; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      waited += 50;
    }
    const log = t.stdout();
    expect(log).toContain('set-password link made for new-starter@waypoint.test');
    expect(log).not.toContain(token);
    expect(log).not.toContain(encodeURIComponent(token));
    expect(log).not.toContain('/set-password?');
  });
});
