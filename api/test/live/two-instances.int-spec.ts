import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInitiative, createMeasure } from '../factories/domain';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { type Session, signInAs } from '../support/auth';
import { send } from '../support/http';
import { runMain } from '../support/run-main';
import { createServerTestDatabase, type ServerTestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { openEvents, ready } from './sse-client';

const serverUrl = process.env['DATABASE_URL'];

/** The same session on another instance: only the base URL (and the Origin with it) changes. */
function on(t: TestApp, session: Session): Session {
  return { user: session.user, headers: { ...session.headers, Origin: t.baseUrl } };
}

if (serverUrl) {
  describe('two instances on one PostgreSQL database', () => {
    let database: ServerTestDatabase;
    let a: TestApp;
    let b: TestApp;

    beforeAll(async () => {
      database = await createServerTestDatabase(serverUrl);
      // Both start at once on an empty database: the migrations run under the advisory lock.
      [a, b] = await Promise.all([
        startTestApp({ databaseUrl: database.url }),
        startTestApp({ databaseUrl: database.url }),
      ]);
    });
    afterAll(async () => {
      await Promise.all([a.close(), b.close()]);
      await database.drop();
    });

    it('both came up on an empty database, and every migration ran exactly once', async () => {
      const rows = await a.sql.query<{ name: string; n: string }>(
        `SELECT name, count(*) AS n FROM migrations GROUP BY name`,
      );
      expect(rows.rows.length).toBeGreaterThan(0);
      expect(rows.rows.filter((row) => row.n !== '1')).toEqual([]);
      for (const t of [a, b])
        expect((await send(t, null, 'GET', '/api/health/ready')).status).toBe(200);
    });

    it('a session created on A works on B, and signing out on B ends it on A', async () => {
      const user = await createUser(a.sql, { role: 'manager' });
      const session = await signInAs(a, user);
      const me = await send<{ id: string }>(b, on(b, session), 'GET', '/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(user.id);
      expect((await send(b, on(b, session), 'POST', '/api/auth/logout')).status).toBeLessThan(300);
      expect((await send(a, session, 'GET', '/api/auth/me')).status).toBe(401);
    });

    it('failed sign-ins counted on A block the account on B', async () => {
      const user = await createUser(a.sql, { role: 'member' });
      const wrong = { email: user.email, password: 'not-the-password-at-all' };
      for (let i = 0; i < 5; i += 1) {
        expect((await send(a, null, 'POST', '/api/auth/login', wrong)).status).toBe(401);
      }
      const right = { email: user.email, password: TEST_PASSWORD };
      const blocked = await send(b, null, 'POST', '/api/auth/login', right);
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    });

    it('an Idempotency-Key used on A replays its answer on B, without a second write', async () => {
      const owner = await signInAs(a, await createUser(a.sql, { role: 'member' }));
      const initiativeId = await createInitiative(a.sql, { ownerId: owner.user.id });
      const measureId = await createMeasure(a.sql, initiativeId);
      const body = { value: 33, observedAt: new Date(Date.now() - 60_000).toISOString() };
      const key = { 'Idempotency-Key': `two-instances-${measureId}` };
      const path = `/api/measures/${measureId}/readings`;
      const first = await send<{ id: string }>(a, owner, 'POST', path, body, key);
      expect(first.status).toBe(201);
      const again = await send<{ id: string }>(b, on(b, owner), 'POST', path, body, key);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotency-replayed')).toBe('true');
      expect(again.body.id).toBe(first.body.id);
      const count = await a.sql.query<{ n: string }>(
        `SELECT count(*) AS n FROM readings WHERE measure_id = $1`,
        [measureId],
      );
      expect(count.rows[0]?.n).toBe('1');
    });

    it('an event stream on B receives the change committed on A, and only what its user may see', async () => {
      const manager = await signInAs(a, await createUser(a.sql, { role: 'manager' }));
      const owner = await signInAs(a, await createUser(a.sql, { role: 'member' }));
      const outsider = await signInAs(a, await createUser(a.sql, { role: 'member' }));
      const initiativeId = await createInitiative(a.sql, { ownerId: owner.user.id });
      const measureId = await createMeasure(a.sql, initiativeId);
      const watching = await openEvents(b.baseUrl, on(b, manager));
      const outside = await openEvents(b.baseUrl, on(b, outsider));
      try {
        await Promise.all([ready(watching), ready(outside)]);
        const body = { value: 30, observedAt: new Date(Date.now() - 60_000).toISOString() };
        const made = await send<{ id: string }>(
          a,
          owner,
          'POST',
          `/api/measures/${measureId}/readings`,
          body,
        );
        expect(made.status).toBe(201);
        const event = await watching.next((e) => e.kind === 'reading' && e.id === made.body.id);
        expect(event).toMatchObject({ kind: 'reading', initiativeId, id: made.body.id });
        expect(outside.changes()).toEqual([]);
      } finally {
        watching.close();
        outside.close();
      }
    });
  });
} else {
  describe('one instance on the embedded database', () => {
    // Without a PostgreSQL server there is no second instance to share with: the embedded
    // database is one process only, which is why its live updates use an in-process bus.
    it('a second instance on a data folder in use is refused', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'wp-live-'));
      try {
        // This test process stands in for the running first instance (its pid holds the lock).
        writeFileSync(join(dataDir, 'waypoint.lock'), String(process.pid));
        const second = runMain({ WAYPOINT_DATA_DIR: dataDir, WAYPOINT_DEMO: 'false' });
        expect(await second.exited).toBe(1);
        expect(second.output()).toMatch(/is in use by another Waypoint process/);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
