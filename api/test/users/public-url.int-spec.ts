import { createDepartment, createUser } from '../factories/users';
import { useTestApp } from '../support/use-test-app';

/** Finding 4 of issue 16: links and the Origin check never come from Host or X-Forwarded-Host. */
describe('the public address', () => {
  describe('with PUBLIC_URL unset (the listening address)', () => {
    const t = useTestApp({ env: { TRUST_PROXY: 'true' } });

    it('makes set-password links on the listening address whatever Host says', async () => {
      const admin = await t.signIn('admin');
      const departmentId = await createDepartment(t.sql);
      const forged = await fetch(`${t.baseUrl}/api/users`, {
        method: 'POST',
        headers: {
          ...admin.headers,
          'Content-Type': 'application/json',
          Host: 'evil.example',
          'X-Forwarded-Host': 'evil.example',
          Origin: 'http://evil.example',
        },
        body: JSON.stringify({
          email: 'forged-host@example.test',
          displayName: 'Forged Host',
          role: 'member',
          departmentId,
        }),
      });
      // An Origin that matches a forged Host is still cross-site.
      expect(forged.status).toBe(403);
      const res = await fetch(`${t.baseUrl}/api/users`, {
        method: 'POST',
        headers: {
          ...admin.headers,
          'Content-Type': 'application/json',
          Host: 'evil.example',
          'X-Forwarded-Host': 'evil.example',
        },
        body: JSON.stringify({
          email: 'new-person@example.test',
          displayName: 'New Person',
          role: 'member',
          departmentId,
        }),
      });
      expect(res.status).toBe(201);
      const body = (await res.json()) as { setPasswordUrl: string };
      expect(body.setPasswordUrl.startsWith(`${t.baseUrl}/set-password?token=`)).toBe(true);
    });
  });

  describe('with PUBLIC_URL set', () => {
    const t = useTestApp({ env: { PUBLIC_URL: 'https://waypoint.example.com' } });

    it('makes links on it and accepts writes only from its origin', async () => {
      const user = await createUser(t.sql, { role: 'admin' });
      const login = await fetch(`${t.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: user.password }),
      });
      const admin = {
        headers: { Cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '' },
      };
      const departmentId = await createDepartment(t.sql);
      const create = (email: string, origin: string): Promise<Response> =>
        fetch(`${t.baseUrl}/api/users`, {
          method: 'POST',
          headers: {
            ...admin.headers,
            'Content-Type': 'application/json',
            Host: 'evil.example',
            Origin: origin,
          },
          body: JSON.stringify({ email, displayName: 'Pat', role: 'member', departmentId }),
        });
      expect((await create('pat-1@example.test', 'http://evil.example')).status).toBe(403);
      expect((await create('pat-2@example.test', t.baseUrl)).status).toBe(403);
      const res = await create('pat-3@example.test', 'https://waypoint.example.com');
      expect(res.status).toBe(201);
      const body = (await res.json()) as { setPasswordUrl: string };
      expect(body.setPasswordUrl).toMatch(
        /^https:\/\/waypoint\.example\.com\/set-password\?token=/,
      );
    });
  });
});
