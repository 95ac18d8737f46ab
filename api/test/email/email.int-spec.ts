import type { Pool } from 'pg';
import { createInitiative, createMeasure, createReading } from '../factories/domain';
import { initiativeFor, milestoneAt, submittedGate } from '../factories/gates';
import { inboxOf } from '../factories/notifications';
import { send } from '../support/http';
import { GATE_PEOPLE } from '../support/people';
import {
  type CaughtEmail,
  linksOf,
  type SmtpCatcher,
  startSmtpCatcher,
} from '../../../scripts/testing/smtp-catcher';
import { daysAgo } from '../support/time';
import { useTestApp } from '../support/use-test-app';

interface Preferences {
  emailEnabled: boolean;
  digestHourUtc: number;
  preferences: Array<{ kind: string; delivery: string }>;
}

const ORGANISATION = 'Acme Services';

/** Outbox rows of a person, as the worker left them. */
async function outboxOf(
  sql: Pool,
  userId: string,
): Promise<Array<{ kind: string; delivery: string; status: string; attempts: number }>> {
  const result = await sql.query<{
    kind: string;
    delivery: string;
    status: string;
    attempts: number;
  }>(
    `SELECT kind, delivery, status, attempts FROM email_outbox WHERE user_id = $1 ORDER BY created_at`,
    [userId],
  );
  return result.rows;
}

describe('email: content, preferences, digest and unsubscribe, through a real SMTP server', () => {
  let smtp: SmtpCatcher;
  // Filled before the app starts (this hook runs before useTestApp's).
  const env: Record<string, string> = {
    ORGANISATION_NAME: ORGANISATION,
    OUTBOX_POLL_MS: '100',
    OUTBOX_RETRY_BASE_SECONDS: '1',
  };
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    Object.assign(env, smtp.env);
  });
  afterAll(() => smtp.close());
  const t = useTestApp({ people: GATE_PEOPLE, env });
  const cast = t.people;

  const to = (email: string) => (mail: CaughtEmail) => mail.to.includes(email);

  it('a submitted gate emails the sponsor at once: html and text, organisation, link to the gate', async () => {
    const { initiativeId, milestoneIds } = await submittedGate(t, cast);
    const gate = milestoneIds[0] ?? '';
    const mail = await smtp.waitFor(
      (m) => to(cast.sponsor.user.email)(m) && m.text.includes(`/approvals/${gate}`),
    );
    expect(mail.subject).toBe(`[${ORGANISATION}] Gate waiting for your decision: Milestone 1`);
    expect(mail.headers['content-type']).toMatch(/^multipart\/alternative/);
    expect(mail.text).toContain(`${ORGANISATION} · Waypoint`);
    expect(mail.text).toContain('Hello Sam Sponsor,');
    expect(mail.text).toMatch(/Open the gate: http:\/\/[^\s]+\/approvals\//);
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain(`${ORGANISATION} · Waypoint`);
    const links = linksOf(mail.html).map((link) => new URL(link));
    expect(links.map((link) => link.pathname)).toEqual([
      `/approvals/${gate}`,
      '/profile',
      '/unsubscribe',
    ]);
    expect(links[2]?.searchParams.get('token')).toMatch(/\.gate_waiting\./);
    expect(mail.headers['list-unsubscribe']).toContain('/unsubscribe?token=');
    // The submitter is not told of their own submission; the in-app notification stays.
    expect(smtp.messages.filter(to(cast.owner.user.email))).toEqual([]);
    expect(await inboxOf(t, cast.sponsor, initiativeId, 'gate_submitted')).not.toHaveLength(0);
    const rows = await outboxOf(t.sql, cast.sponsor.user.id);
    expect(rows.filter((row) => row.kind === 'gate_waiting')).toEqual([
      { kind: 'gate_waiting', delivery: 'immediate', status: 'sent', attempts: 1 },
    ]);
  });

  it('my preferences: every kind at once by default; a change is audited; bad input is refused', async () => {
    const mine = await t.send<Preferences>(cast.manager, 'GET', '/api/email/preferences');
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      emailEnabled: true,
      digestHourUtc: 7,
      preferences: ['gate_waiting', 'gate_decided', 'step', 'measure_stale', 'alert_raised'].map(
        (kind) => ({ kind, delivery: 'immediate' }),
      ),
    });
    const changed = await t.send<Preferences>(cast.manager, 'PUT', '/api/email/preferences', {
      preferences: [{ kind: 'alert_raised', delivery: 'digest' }],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.preferences.find((p) => p.kind === 'alert_raised')?.delivery).toBe(
      'digest',
    );
    const audit = await t.sql.query<{ action: string; after: { preferences: unknown[] } }>(
      `SELECT action, after FROM audit_events WHERE entity_type = 'email_preferences' AND entity_id = $1`,
      [cast.manager.user.id],
    );
    expect(audit.rows.map((row) => row.action)).toEqual(['update']);

    for (const body of [
      {},
      { preferences: [] },
      { preferences: [{ kind: 'spam', delivery: 'never' }] },
      { preferences: [{ kind: 'step', delivery: 'weekly' }] },
      { preferences: [{ kind: 'step' }] },
      { preferences: [{ kind: 'step', delivery: 'never', extra: 1 }] },
      {
        preferences: [
          { kind: 'step', delivery: 'never' },
          { kind: 'step', delivery: 'digest' },
        ],
      },
      { preferences: 'never' },
    ]) {
      const refused = await t.send(cast.manager, 'PUT', '/api/email/preferences', body);
      expect([JSON.stringify(body), refused.status]).toEqual([JSON.stringify(body), 400]);
    }
    expect((await t.send(null, 'GET', '/api/email/preferences')).status).toBe(401);
    expect((await t.send(null, 'PUT', '/api/email/preferences', changed.body)).status).toBe(401);
  });

  it('"never" sends no email of that kind, while the in-app notification still arrives', async () => {
    const put = await t.send(cast.member, 'PUT', '/api/email/preferences', {
      preferences: [{ kind: 'step', delivery: 'never' }],
    });
    expect(put.status).toBe(200);
    const initiativeId = await initiativeFor(t, cast);
    const milestoneId = await milestoneAt(t, initiativeId, 1);
    const step = await t.send(cast.owner, 'POST', `/api/milestones/${milestoneId}/steps`, {
      title: 'Call ten customers',
      assigneeId: cast.member.user.id,
    });
    expect(step.status).toBe(201);
    expect(await inboxOf(t, cast.member, initiativeId, 'step_assigned')).toHaveLength(1);
    expect((await outboxOf(t.sql, cast.member.user.id)).filter((r) => r.kind === 'step')).toEqual(
      [],
    );
  });

  it('the daily digest gathers a day of one kind into one email at the digest hour', async () => {
    const person = await t.signIn('member', { displayName: 'Dora Digest' });
    expect(
      (
        await t.send(person, 'PUT', '/api/email/preferences', {
          preferences: [{ kind: 'step', delivery: 'digest' }],
        })
      ).status,
    ).toBe(200);
    const initiativeId = await initiativeFor(t, cast);
    await t.sql.query(`INSERT INTO initiative_team (initiative_id, user_id) VALUES ($1, $2)`, [
      initiativeId,
      person.user.id,
    ]);
    const milestoneId = await milestoneAt(t, initiativeId, 1);
    for (const title of ['Interview churned customers', 'Draft the new letter']) {
      const step = await t.send(cast.owner, 'POST', `/api/milestones/${milestoneId}/steps`, {
        title,
        assigneeId: person.user.id,
      });
      expect(step.status).toBe(201);
    }
    const due = await t.sql.query<{ due_at: Date; status: string }>(
      `SELECT due_at, status FROM email_outbox WHERE user_id = $1`,
      [person.user.id],
    );
    expect(due.rows).toHaveLength(2);
    for (const row of due.rows) {
      expect(row.status).toBe('pending');
      expect(row.due_at.getUTCHours()).toBe(7);
      expect(row.due_at.getTime()).toBeGreaterThan(Date.now());
    }
    // The digest hour comes (the clock of the rows moves, not the test's).
    await t.sql.query(`UPDATE email_outbox SET due_at = now() WHERE user_id = $1`, [
      person.user.id,
    ]);
    const digest = await smtp.waitFor(to(person.user.email));
    expect(digest.subject).toBe(`[${ORGANISATION}] Your daily digest: 2 updates`);
    expect(digest.text).toContain('Step assigned to you: Interview churned customers');
    expect(digest.text).toContain('Step assigned to you: Draft the new letter');
    expect(digest.html.match(/<h2/g)).toHaveLength(2);
    expect(linksOf(digest.html).find((l) => l.includes('/unsubscribe'))).toMatch(/\.all\./);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.messages.filter(to(person.user.email))).toHaveLength(1);
    expect((await outboxOf(t.sql, person.user.id)).map((r) => r.status)).toEqual(['sent', 'sent']);
  });

  it('unsubscribe works without signing in: the preview only describes, the POST applies', async () => {
    const { milestoneIds } = await submittedGate(t, cast);
    const mail = await smtp.waitFor(
      (m) =>
        to(cast.sponsor.user.email)(m) && m.text.includes(`/approvals/${milestoneIds[0] ?? ''}`),
    );
    const link = new URL(linksOf(mail.html).find((l) => l.includes('/unsubscribe')) ?? '');
    const token = link.searchParams.get('token') ?? '';
    expect(`${link.pathname}`).toBe('/unsubscribe');

    const looked = await send(t, null, 'POST', '/api/email/unsubscribe/preview', { token });
    expect(looked.status).toBe(200);
    expect(looked.body).toEqual({ email: cast.sponsor.user.email, kinds: ['gate_waiting'] });
    const still = await t.send<Preferences>(cast.sponsor, 'GET', '/api/email/preferences');
    expect(still.body.preferences.find((p) => p.kind === 'gate_waiting')?.delivery).toBe(
      'immediate',
    );

    const applied = await send(t, null, 'POST', '/api/email/unsubscribe', { token });
    expect(applied.status).toBe(200);
    const after = await t.send<Preferences>(cast.sponsor, 'GET', '/api/email/preferences');
    expect(after.body.preferences).toContainEqual({ kind: 'gate_waiting', delivery: 'never' });
    expect(after.body.preferences).toContainEqual({ kind: 'gate_decided', delivery: 'immediate' });
    const audit = await t.sql.query<{ action: string; actor_id: string }>(
      `SELECT action, actor_id FROM audit_events WHERE entity_type = 'email_preferences' AND entity_id = $1`,
      [cast.sponsor.user.id],
    );
    expect(audit.rows).toEqual([{ action: 'unsubscribe', actor_id: cast.sponsor.user.id }]);

    // The next gate reaches the sponsor's inbox, not their mailbox.
    const before = (await outboxOf(t.sql, cast.sponsor.user.id)).length;
    await submittedGate(t, cast);
    expect(await outboxOf(t.sql, cast.sponsor.user.id)).toHaveLength(before);

    const forged = token.replace('.gate_waiting.', '.all.');
    for (const path of ['/api/email/unsubscribe/preview', '/api/email/unsubscribe']) {
      for (const [body, status] of [
        [{}, 400],
        [{ token: '' }, 400],
        [{ token: 42 }, 400],
        [{ token: 'x'.repeat(201) }, 400],
        [{ token, extra: true }, 400],
        [{ token: forged }, 404],
        [{ token: 'not-a-token' }, 404],
      ] as const) {
        const refused = await send(t, null, 'POST', path, body);
        expect([path, body, refused.status]).toEqual([path, body, status]);
      }
    }
  });

  it('a stale measure emails its recorder once, with a one-click link to the reading form', async () => {
    const recorder = await t.signIn('member', { displayName: 'Rita Recorder' });
    const initiativeId = await createInitiative(t.sql, {
      ownerId: cast.owner.user.id,
      teamIds: [recorder.user.id],
      status: 'active',
      title: 'Faster refunds',
    });
    const measureId = await createMeasure(t.sql, initiativeId, {
      name: 'Refund wait',
      recorderId: recorder.user.id,
      cadence: 'weekly',
    });
    await t.sql.query(`UPDATE measures SET created_at = $2 WHERE id = $1`, [
      measureId,
      daysAgo(100),
    ]);
    await createReading(t.sql, measureId, {
      value: 30,
      observedAt: daysAgo(20),
      recordedBy: recorder.user.id,
    });
    // Opening the inbox runs the check for this person (the periodic one runs it for everyone).
    expect(await inboxOf(t, recorder, initiativeId, 'measure_stale')).toHaveLength(1);
    const mail = await smtp.waitFor(to(recorder.user.email));
    expect(mail.subject).toBe(`[${ORGANISATION}] Reading overdue: Refund wait`);
    expect(mail.text).toContain(`Record a reading: `);
    const form = new URL(linksOf(mail.html)[0] ?? '');
    expect(`${form.pathname}${form.search}`).toBe(`/my-work?record=${measureId}`);
    // The check again, the same day: nothing new, in the inbox or the mailbox.
    expect(await inboxOf(t, recorder, initiativeId, 'measure_stale')).toHaveLength(1);
    expect(await outboxOf(t.sql, recorder.user.id)).toHaveLength(1);
  });
});
