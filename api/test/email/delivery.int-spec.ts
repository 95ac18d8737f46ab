import { createUser } from '../factories/users';
import { submittedGate } from '../factories/gates';
import { GATE_PEOPLE } from '../support/people';
import {
  freePort,
  smtpEnv,
  type SmtpCatcher,
  startSmtpCatcher,
} from '../../../scripts/testing/smtp-catcher';
import { createServerTestDatabase, type ServerTestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { eventually } from '../support/time';
import { useTestApp } from '../support/use-test-app';

const FAST = { OUTBOX_POLL_MS: '100', OUTBOX_RETRY_BASE_SECONDS: '1' };

describe('email delivery: a mail server that refuses, then accepts', () => {
  let port = 0;
  let smtp: SmtpCatcher | null = null;
  const env: Record<string, string> = { ...FAST };
  beforeAll(async () => {
    // Nothing listens on this port yet: every connection is refused.
    port = await freePort();
    Object.assign(env, smtpEnv(port));
  });
  afterAll(async () => {
    await smtp?.close();
  });
  const t = useTestApp({ people: GATE_PEOPLE, env });

  it('the request succeeds at once; the worker retries with backoff until the server answers', async () => {
    const started = Date.now();
    await submittedGate(t, t.people);
    // Submitting (and everything before it) never waited for the mail server.
    expect(Date.now() - started).toBeLessThan(10_000);
    const failed = await eventually(async () => {
      const rows = await t.sql.query<{ status: string; attempts: number; last_error: string }>(
        `SELECT status, attempts, last_error FROM email_outbox WHERE user_id = $1`,
        [t.people.sponsor.user.id],
      );
      const row = rows.rows[0];
      return row && row.attempts >= 2 ? row : null;
    });
    expect(failed.status).toBe('pending');
    expect(failed.last_error).toMatch(/ECONNREFUSED/);

    smtp = await startSmtpCatcher({ port });
    const mail = await smtp.waitFor((m) => m.to.includes(t.people.sponsor.user.email));
    expect(mail.subject).toContain('Gate waiting for your decision');
    const sent = await eventually(async () => {
      const rows = await t.sql.query<{
        status: string;
        attempts: number;
        last_error: string | null;
      }>(`SELECT status, attempts, last_error FROM email_outbox WHERE user_id = $1`, [
        t.people.sponsor.user.id,
      ]);
      return rows.rows[0]?.status === 'sent' ? rows.rows[0] : null;
    });
    expect(sent.attempts).toBeGreaterThanOrEqual(3);
    expect(sent.last_error).toBeNull();
    expect(smtp.messages.filter((m) => m.to.includes(t.people.sponsor.user.email))).toHaveLength(1);
  });

  it('a mail server that hangs does not hold up shutdown: the worker stops within seconds', async () => {
    await smtp?.close();
    // Takes the message, then never answers.
    smtp = await startSmtpCatcher({ port, delayMs: 120_000 });
    await submittedGate(t, t.people);
    await smtp.waitFor((m) => m.subject.includes('Gate waiting'));
    const stopping = Date.now();
    await t.close();
    expect(Date.now() - stopping).toBeLessThan(9_000);
    expect(t.stderr()).not.toMatch(/unhandled|uncaught/i);
  });
});

describe('email delivery without SMTP settings', () => {
  const t = useTestApp({ people: GATE_PEOPLE, env: { LOG_LEVEL: 'info' } });

  it('says so once at start-up, queues nothing, and tells the profile that email is off', async () => {
    await submittedGate(t, t.people);
    const notices = t
      .stdout()
      .split('\n')
      .filter((line) => line.includes('email is off'));
    expect(notices).toHaveLength(1);
    const rows = await t.sql.query(`SELECT id FROM email_outbox`);
    expect(rows.rows).toEqual([]);
    const mine = await t.send<{ emailEnabled: boolean }>(
      t.people.owner,
      'GET',
      '/api/email/preferences',
    );
    expect(mine.body.emailEnabled).toBe(false);
  });
});

const serverUrl = process.env['DATABASE_URL'];
if (serverUrl) {
  describe('email delivery: two instances on one database', () => {
    let database: ServerTestDatabase;
    let smtp: SmtpCatcher;
    let apps: TestApp[] = [];

    beforeAll(async () => {
      // A slow server (25 ms a message), so that both instances are busy at the same time.
      smtp = await startSmtpCatcher({ delayMs: 25 });
      database = await createServerTestDatabase(serverUrl);
      const env = { ...FAST, ...smtp.env };
      apps = await Promise.all([
        startTestApp({ databaseUrl: database.url, env }),
        startTestApp({ databaseUrl: database.url, env }),
      ]);
    });
    afterAll(async () => {
      await Promise.all(apps.map((app) => app.close()));
      await database.drop();
      await smtp.close();
    });

    it('send each message exactly once, whichever instance claims it', async () => {
      const [a] = apps as [TestApp, TestApp];
      const user = await createUser(a.sql, { role: 'member' });
      const count = 60;
      // Sixty messages due at once, as a burst of notifications would leave them.
      await a.sql.query(
        `INSERT INTO email_outbox (user_id, kind, notification_kind, title, body, link, delivery)
         SELECT $1, 'step', 'step_assigned', 'Message ' || n, 'Body', '/my-work', 'immediate'
           FROM generate_series(1, $2::int) AS n`,
        [user.id, count],
      );
      await eventually(async () => {
        const left = await a.sql.query<{ n: string }>(
          `SELECT count(*)::text AS n FROM email_outbox WHERE status <> 'sent'`,
        );
        return left.rows[0]?.n === '0';
      });
      const subjects = smtp.messages.map((m) => m.subject);
      expect(subjects).toHaveLength(count);
      expect(new Set(subjects).size).toBe(count);
      const workers = await a.sql.query<{ claimed_by: string; attempts: number }>(
        `SELECT DISTINCT claimed_by, attempts FROM email_outbox`,
      );
      // Each row was claimed once; both instances took part.
      expect(new Set(workers.rows.map((row) => row.attempts))).toEqual(new Set([1]));
      expect(new Set(workers.rows.map((row) => row.claimed_by)).size).toBe(2);
    });
  });
}
