import { createUser } from '../factories/users';
import { call, signIn } from '../support/auth';
import { useTestApp } from '../support/use-test-app';

interface PersonPage {
  items: Record<string, unknown>[];
  total: number;
}

describe('GET /api/users/people: whom an owner may put on a team', () => {
  const t = useTestApp();

  beforeAll(async () => {
    await createUser(t.sql, { role: 'member', displayName: 'Mo Member' });
    await createUser(t.sql, { role: 'executive', displayName: 'Ada Exec' });
    await createUser(t.sql, { role: 'member', displayName: 'Gone Member', active: false });
  });

  it('answers active people of every role, with id, name and department and nothing else', async () => {
    const manager = await signIn(t, 'manager');
    const res = await call(t, manager, 'GET', '/api/users/people?limit=100');
    expect(res.status).toBe(200);
    const page = (await res.json()) as PersonPage;
    const names = page.items.map((i) => i['displayName']);
    expect(names).toEqual(expect.arrayContaining(['Mo Member', 'Ada Exec']));
    expect(names).not.toContain('Gone Member');
    for (const item of page.items) {
      expect(Object.keys(item).sort()).toEqual(['department', 'displayName', 'id']);
    }
    const filtered = await call(t, manager, 'GET', '/api/users/people?q=mo%20mem');
    expect(((await filtered.json()) as PersonPage).items.map((i) => i['displayName'])).toEqual([
      'Mo Member',
    ]);
  });

  it('refuses bad input with a problem', async () => {
    const manager = await signIn(t, 'manager');
    for (const query of ['limit=0', 'limit=abc', `q=${'x'.repeat(500)}`, 'offset=-1', 'role=x']) {
      const res = await call(t, manager, 'GET', `/api/users/people?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('is for every signed-in role (an owner may be a member); anonymous callers must sign in', async () => {
    const member = await signIn(t, 'member');
    expect((await call(t, member, 'GET', '/api/users/people')).status).toBe(200);
    expect((await call(t, null, 'GET', '/api/users/people')).status).toBe(401);
  });
});
