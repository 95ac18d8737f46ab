import { randomUUID } from 'node:crypto';
import { signIn, type Session } from '../support/auth';
import { type Answer, send } from '../support/http';
import { useTestApp } from '../support/use-test-app';

/**
 * The app's database connections are terminated behind its back (pg_terminate_backend, as an
 * administrator or a failover would): every request answers 2xx, or 503 problem details with
 * Retry-After, never 500; the process stays up and the next requests succeed. The long version
 * (the server stopped for 15 s under load) is `npm run reliability:faults`.
 */
describe('database connections terminated under the app', () => {
  const t = useTestApp();
  let admin: Session;

  beforeAll(async () => {
    admin = await signIn(t, 'admin');
  });

  const burst = (): Promise<Answer[]> =>
    Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 3 === 0
          ? send(t, admin, 'POST', '/api/departments', { name: `Faults ${randomUUID()}` })
          : send(t, admin, 'GET', '/api/departments?limit=5'),
      ),
    );

  /** Kills every connection of the app to its database; answers how many. */
  async function terminateAppConnections(): Promise<number> {
    const result = await t.sql.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE application_name = 'waypoint' AND datname = current_database()
         AND pid <> pg_backend_pid()`,
    );
    return result.rowCount ?? 0;
  }

  it('answers 2xx or 503 with Retry-After, never 500, and recovers at once', async () => {
    expect((await burst()).every((a) => a.status < 300)).toBe(true);
    let terminated = 0;
    const answers: Answer[] = [];
    for (let round = 0; round < 3; round++) {
      const during = burst();
      terminated += await terminateAppConnections();
      answers.push(...(await during), ...(await burst()));
    }
    if (t.databaseKind === 'server') expect(terminated).toBeGreaterThan(0);
    const statuses = new Set(answers.map((a) => a.status));
    expect([...statuses].filter((s) => s >= 300 && s !== 503)).toEqual([]);
    for (const unavailable of answers.filter((a) => a.status === 503)) {
      expect(unavailable.headers.get('retry-after')).toBe('5');
      expect(unavailable.headers.get('content-type')).toContain('application/problem+json');
    }
    const after = await burst();
    expect(after.map((a) => a.status).filter((s) => s >= 300)).toEqual([]);
    expect((await send(t, null, 'GET', '/api/health/ready')).status).toBe(200);
    expect(t.stderr()).not.toMatch(/unhandled|uncaught/i);
  });
});
