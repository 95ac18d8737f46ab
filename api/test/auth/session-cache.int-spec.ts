import { createUser } from '../factories/users';
import { type Session, signInAs } from '../support/auth';
import { etag, send } from '../support/http';
import { createServerTestDatabase, type ServerTestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { useTestApp } from '../support/use-test-app';
import { openEvents } from '../live/sse-client';

/**
 * Issue 18: an instance keeps a session's lookup a few seconds, so a read costs one statement
 * less. Each test first makes the instance keep it (two reads), then ends or changes the access
 * and reads again at once: the kept lookup must not answer.
 */
const me = (t: TestApp, session: Session) =>
  send<{ id: string; role: string; displayName: string }>(t, session, 'GET', '/api/auth/me');

async function kept(t: TestApp, session: Session): Promise<void> {
  for (let i = 0; i < 2; i += 1) expect((await me(t, session)).status).toBe(200);
}

async function patchUser(t: TestApp, admin: Session, id: string, changes: object) {
  const current = await send<{ version: number }>(t, admin, 'GET', `/api/users/${id}`);
  return send<{ role: string }>(
    t,
    admin,
    'PATCH',
    `/api/users/${id}`,
    changes,
    etag(current.body.version),
  );
}

describe('a kept session lookup on one instance', () => {
  const t = useTestApp();

  it('signing out ends the session at once', async () => {
    const session = await signInAs(t, await createUser(t.sql, { role: 'manager' }));
    await kept(t, session);
    expect((await send(t, session, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await me(t, session)).status).toBe(401);
  });

  it('a deactivated user is refused at once', async () => {
    const admin = await signInAs(t, await createUser(t.sql, { role: 'admin' }));
    const session = await signInAs(t, await createUser(t.sql, { role: 'member' }));
    await kept(t, session);
    expect((await patchUser(t, admin, session.user.id, { active: false })).status).toBe(200);
    expect((await me(t, session)).status).toBe(401);
    expect((await send(t, session, 'GET', '/api/initiatives')).status).toBe(401);
  });

  it('a role change counts at once: the new role answers and its rights apply', async () => {
    const admin = await signInAs(t, await createUser(t.sql, { role: 'admin' }));
    const session = await signInAs(t, await createUser(t.sql, { role: 'admin' }));
    await kept(t, session);
    expect((await send(t, session, 'GET', '/api/audit')).status).toBe(200);
    expect((await patchUser(t, admin, session.user.id, { role: 'member' })).status).toBe(200);
    expect((await me(t, session)).body.role).toBe('member');
    expect((await send(t, session, 'GET', '/api/audit')).status).toBe(403);
  });

  it('a new name shows at once', async () => {
    const admin = await signInAs(t, await createUser(t.sql, { role: 'admin' }));
    const session = await signInAs(t, await createUser(t.sql, { role: 'member' }));
    await kept(t, session);
    const renamed = await patchUser(t, admin, session.user.id, { displayName: 'Renée Renamed' });
    expect(renamed.status).toBe(200);
    expect((await me(t, session)).body.displayName).toBe('Renée Renamed');
  });
});

const serverUrl = process.env['DATABASE_URL'];

if (serverUrl) {
  describe('a kept session lookup across two instances on one database', () => {
    let database: ServerTestDatabase;
    let a: TestApp;
    let b: TestApp;

    beforeAll(async () => {
      database = await createServerTestDatabase(serverUrl);
      a = await startTestApp({ databaseUrl: database.url });
      b = await startTestApp({ databaseUrl: database.url });
    });
    afterAll(async () => {
      await Promise.all([a.close(), b.close()]);
      await database.drop();
    });

    /** The same session on B: only the base URL (and the Origin with it) changes. */
    const onB = (session: Session): Session => ({
      user: session.user,
      headers: { ...session.headers, Origin: b.baseUrl },
    });

    /**
     * A keeps the session's lookup and has a live stream open with it. The stream ends when the
     * announcement that access ended reaches A (LISTEN/NOTIFY), which drops the kept lookup
     * first: so once it ends, the next read on A must see the change.
     */
    async function keptOnA(session: Session) {
      const stream = await openEvents(a.baseUrl, session);
      expect(stream.status).toBe(200);
      await kept(a, session);
      return stream;
    }

    it('signing out on B ends the session on A', async () => {
      const session = await signInAs(a, await createUser(a.sql, { role: 'manager' }));
      const stream = await keptOnA(session);
      expect((await send(b, onB(session), 'POST', '/api/auth/logout')).status).toBe(204);
      await stream.ended;
      expect((await me(a, session)).status).toBe(401);
    });

    it('deactivating on B refuses the user on A', async () => {
      const admin = await signInAs(b, await createUser(b.sql, { role: 'admin' }));
      const session = await signInAs(a, await createUser(a.sql, { role: 'member' }));
      const stream = await keptOnA(session);
      expect((await patchUser(b, admin, session.user.id, { active: false })).status).toBe(200);
      await stream.ended;
      expect((await me(a, session)).status).toBe(401);
    });

    it('a role changed on B counts on A', async () => {
      const admin = await signInAs(b, await createUser(b.sql, { role: 'admin' }));
      const session = await signInAs(a, await createUser(a.sql, { role: 'admin' }));
      const stream = await keptOnA(session);
      expect((await send(a, session, 'GET', '/api/audit')).status).toBe(200);
      expect((await patchUser(b, admin, session.user.id, { role: 'member' })).status).toBe(200);
      await stream.ended;
      expect((await me(a, session)).body.role).toBe('member');
      expect((await send(a, session, 'GET', '/api/audit')).status).toBe(403);
    });
  });
}
