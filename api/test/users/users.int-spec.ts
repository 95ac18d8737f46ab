import { createDepartment } from '../factories/users';
import { call, type Session, signIn } from '../support/auth';
import { useTestApp } from '../support/use-test-app';

interface CreatedUser {
  user: {
    id: string;
    email: string;
    version: number;
    passwordSet: boolean;
    department: { name: string };
  };
  setPasswordUrl: string;
}

describe('users: created by admins, with a one-time set-password link', () => {
  const t = useTestApp();
  let admin: Session;
  let departmentId: string;

  beforeAll(async () => {
    admin = await signIn(t, 'admin');
    departmentId = await createDepartment(t.sql, 'Operations');
  });

  const create = async (email: string): Promise<CreatedUser> => {
    const res = await call(t, admin, 'POST', '/api/users', {
      email,
      displayName: 'Sam Rivera',
      role: 'member',
      departmentId,
    });
    expect(res.status).toBe(201);
    return (await res.json()) as CreatedUser;
  };
  const setPassword = (url: string, password: string): Promise<Response> =>
    call(t, null, 'POST', '/api/auth/password', {
      token: new URL(url).searchParams.get('token'),
      password,
    });

  it('creates a user, whose link sets a password once, and who can then sign in', async () => {
    const created = await create('Sam@Example.test');
    expect(created.user).toMatchObject({
      email: 'sam@example.test',
      passwordSet: false,
      department: { name: 'Operations' },
    });
    expect(created.setPasswordUrl).toMatch(new RegExp(`^${t.baseUrl}/set-password\\?token=wpp_`));
    const weak = await setPassword(created.setPasswordUrl, 'password1234');
    expect(weak.status).toBe(400);
    expect(
      ((await weak.json()) as { errors: Record<string, string[]> }).errors['password']?.[0],
    ).toMatch(/too common/);
    expect((await setPassword(created.setPasswordUrl, 'short')).status).toBe(400);
    // Issue 16, finding 7: guessable words and the published demo password are refused.
    for (const guessable of ['Waypoint2026', 'administrator1', 'waypoint-demo-2026']) {
      const refused = await setPassword(created.setPasswordUrl, guessable);
      expect({ guessable, status: refused.status }).toEqual({ guessable, status: 400 });
    }
    expect((await setPassword(created.setPasswordUrl, 'sam-loves-quarterly-reviews')).status).toBe(
      204,
    );
    expect((await setPassword(created.setPasswordUrl, 'another-fine-password-99')).status).toBe(
      410,
    );
    const login = await call(t, null, 'POST', '/api/auth/login', {
      email: 'sam@example.test',
      password: 'sam-loves-quarterly-reviews',
    });
    expect(login.status).toBe(200);
  });

  it('refuses an expired link', async () => {
    const created = await create('late@example.test');
    await t.sql.query(
      `UPDATE password_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1`,
      [created.user.id],
    );
    expect((await setPassword(created.setPasswordUrl, 'a-perfectly-fine-password')).status).toBe(
      410,
    );
  });

  it('refuses a duplicate email (ignoring case) and an unknown department', async () => {
    await create('dup@example.test');
    const again = await call(t, admin, 'POST', '/api/users', {
      email: 'DUP@example.test',
      displayName: 'X',
      role: 'member',
      departmentId,
    });
    expect(again.status).toBe(409);
    const noDept = await call(t, admin, 'POST', '/api/users', {
      email: 'nodept@example.test',
      displayName: 'X',
      role: 'member',
      departmentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noDept.status).toBe(422);
  });

  it('validates the body: unknown fields, wrong types, bad role, over-long name', async () => {
    const res = await call(t, admin, 'POST', '/api/users', {
      email: 'x',
      displayName: 'y'.repeat(500),
      role: 'king',
      departmentId: 42,
      isAdmin: true,
    });
    expect(res.status).toBe(400);
    const errors = ((await res.json()) as { errors: Record<string, string[]> }).errors;
    expect(Object.keys(errors).sort()).toEqual([
      'departmentId',
      'displayName',
      'email',
      'isAdmin',
      'role',
    ]);
  });

  it('changes a role with If-Match; deactivation ends the sessions at once and is audited', async () => {
    const member = await signIn(t, 'member');
    const read = await call(t, admin, 'GET', `/api/users/${member.user.id}`);
    const etag = read.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"\d+"$/);
    expect(
      (await call(t, admin, 'PATCH', `/api/users/${member.user.id}`, { role: 'manager' })).status,
    ).toBe(428);
    const promoted = await call(
      t,
      admin,
      'PATCH',
      `/api/users/${member.user.id}`,
      { role: 'manager' },
      { 'If-Match': etag },
    );
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toMatchObject({ role: 'manager' });
    expect(
      (
        await call(
          t,
          admin,
          'PATCH',
          `/api/users/${member.user.id}`,
          { role: 'member' },
          { 'If-Match': etag },
        )
      ).status,
    ).toBe(412);
    expect((await call(t, member, 'GET', '/api/auth/me')).status).toBe(200);
    const deactivated = await call(
      t,
      admin,
      'PATCH',
      `/api/users/${member.user.id}`,
      { active: false },
      {
        'If-Match': promoted.headers.get('etag') ?? '',
      },
    );
    expect(deactivated.status).toBe(200);
    expect((await call(t, member, 'GET', '/api/auth/me')).status).toBe(401);
    const audit = await t.sql.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'user' AND entity_id = $1 ORDER BY id`,
      [member.user.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['update', 'deactivate']);
  });

  it('lists users with filters and pages, and admins cannot deactivate themselves', async () => {
    const page = await call(t, admin, 'GET', '/api/users?role=admin&limit=1');
    expect(page.status).toBe(200);
    const body = (await page.json()) as {
      items: Array<{ role: string }>;
      total: number;
      limit: number;
    };
    expect(body.limit).toBe(1);
    expect(body.items.every((u) => u.role === 'admin')).toBe(true);
    expect((await call(t, admin, 'GET', '/api/users?limit=0')).status).toBe(400);
    expect((await call(t, admin, 'GET', '/api/users?role=king')).status).toBe(400);
    const me = await call(t, admin, 'GET', `/api/users/${admin.user.id}`);
    const self = await call(
      t,
      admin,
      'PATCH',
      `/api/users/${admin.user.id}`,
      { active: false },
      { 'If-Match': me.headers.get('etag') ?? '' },
    );
    expect(self.status).toBe(422);
  });
});
