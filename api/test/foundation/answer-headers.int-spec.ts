import { useTestApp } from '../support/use-test-app';

/** Finding 8 of issue 16: API answers are not cached, and diagnostics stay off by default. */
describe('answer headers', () => {
  describe('diagnostics off (the default)', () => {
    const t = useTestApp({ env: { WAYPOINT_DIAGNOSTICS: 'false' } });

    it('sends Cache-Control: no-store on API answers and no X-SQL-Statements', async () => {
      const admin = await t.signIn('admin');
      for (const path of ['/api/initiatives', '/api/auth/me', '/api/users', '/api/nothing-here']) {
        const res = await fetch(`${t.baseUrl}${path}`, { headers: admin.headers });
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(res.headers.get('x-sql-statements')).toBeNull();
      }
    });
  });

  describe('diagnostics on', () => {
    const t = useTestApp({ env: { WAYPOINT_DIAGNOSTICS: 'true' } });

    it('reports the statement count', async () => {
      const admin = await t.signIn('admin');
      const res = await fetch(`${t.baseUrl}/api/initiatives`, { headers: admin.headers });
      expect(Number(res.headers.get('x-sql-statements'))).toBeGreaterThan(0);
      expect(res.headers.get('cache-control')).toBe('no-store');
    });
  });
});

describe('an over-long header block', () => {
  const t = useTestApp();

  it('is answered 431 with problem details', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`, {
      headers: { 'X-Big': 'x'.repeat(20_000) },
    });
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 431 });
  });
});
