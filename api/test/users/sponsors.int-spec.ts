import { createUser } from '../factories/users';
import { call, type Session, signIn } from '../support/auth';
import { useTestApp } from '../support/use-test-app';

interface SponsorPage {
  items: Record<string, unknown>[];
  total: number;
}

describe('GET /api/users/sponsors: who a manager may choose as sponsor', () => {
  const t = useTestApp();
  let manager: Session;
  let executiveId: string;

  beforeAll(async () => {
    manager = await signIn(t, 'manager');
    executiveId = (await createUser(t.sql, { role: 'executive', displayName: 'Ada Sponsor' })).id;
    await createUser(t.sql, { role: 'executive', displayName: 'Gone Sponsor', active: false });
    await createUser(t.sql, { role: 'member', displayName: 'Mo Member' });
  });

  it('answers active executives only, with id, name and department and nothing else', async () => {
    const res = await call(t, manager, 'GET', '/api/users/sponsors?limit=50');
    expect(res.status).toBe(200);
    const page = (await res.json()) as SponsorPage;
    const names = page.items.map((i) => i['displayName']);
    expect(names).toContain('Ada Sponsor');
    expect(names).not.toContain('Gone Sponsor');
    expect(names).not.toContain('Mo Member');
    const ada = page.items.find((i) => i['id'] === executiveId);
    expect(Object.keys(ada ?? {}).sort()).toEqual(['department', 'displayName', 'id']);
    expect(ada?.['department']).toMatchObject({ name: expect.any(String) as string });
  });

  it('filters by name', async () => {
    const res = await call(t, manager, 'GET', '/api/users/sponsors?q=ada');
    const page = (await res.json()) as SponsorPage;
    expect(page.items.map((i) => i['displayName'])).toEqual(['Ada Sponsor']);
  });

  it('refuses bad input with a problem and field errors', async () => {
    for (const query of ['limit=0', 'limit=abc', `q=${'x'.repeat(500)}`, 'offset=-1']) {
      const res = await call(t, manager, 'GET', `/api/users/sponsors?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('is for managers and above: members are refused, anonymous callers must sign in', async () => {
    const member = await signIn(t, 'member');
    expect((await call(t, member, 'GET', '/api/users/sponsors')).status).toBe(403);
    expect((await call(t, null, 'GET', '/api/users/sponsors')).status).toBe(401);
    const executive = await signIn(t, 'executive');
    expect((await call(t, executive, 'GET', '/api/users/sponsors')).status).toBe(200);
  });
});
