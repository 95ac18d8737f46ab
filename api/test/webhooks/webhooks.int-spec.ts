import type {
  Page,
  WebhookDeliveryResponse,
  WebhookResponse,
  WebhookWithSecretResponse,
} from '@waypoint/contracts';
import { randomUUID } from 'node:crypto';
import { seedQuarterlyTension } from '../factories/alerts';
import { decide, submittedGate } from '../factories/gates';
import { freePort } from '../../../scripts/testing/smtp-catcher';
import type { Session } from '../support/auth';
import { auditCount, detailOf, etag, fieldErrors, idempotencyKey, send } from '../support/http';
import { GATE_PEOPLE } from '../support/people';
import { createServerTestDatabase, type ServerTestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { eventually } from '../support/time';
import { useTestApp } from '../support/use-test-app';
import {
  type ReceivedWebhook,
  signatureVerifies,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../scripts/testing/webhook-receiver';

/**
 * Outgoing webhooks (issue 19, part 4) against a real HTTP receiver in the test process: every
 * kind of event delivered and signed, Slack's and Teams' bodies, retries with backoff after a
 * 500 and after a refused connection, a disabled webhook sent nothing, the test button.
 */
const FAST = {
  OUTBOX_POLL_MS: '100',
  OUTBOX_RETRY_BASE_SECONDS: '1',
  WEBHOOK_ALLOW_HTTP_LOOPBACK: 'true',
};
const ALL_EVENTS = ['gate_submitted', 'gate_decided', 'alert_raised', 'initiative_status_changed'];
/** GATE_PEOPLE, and a member for the alert scenario's team (factories/alerts.ts). */
const PEOPLE = { ...GATE_PEOPLE, team: 'member' } as const;

describe('outgoing webhooks', () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());
  const t = useTestApp({ people: PEOPLE, env: FAST });

  async function register(
    body: Record<string, unknown>,
    session: Session = t.people.admin,
  ): Promise<WebhookWithSecretResponse> {
    const res = await send<WebhookWithSecretResponse>(t, session, 'POST', '/api/webhooks', {
      format: 'waypoint',
      events: ALL_EVENTS,
      ...body,
    });
    if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
    return res.body;
  }

  const log = async (id: string): Promise<WebhookDeliveryResponse[]> => {
    const res = await send<Page<WebhookDeliveryResponse>>(
      t,
      t.people.admin,
      'GET',
      `/api/webhooks/${id}/deliveries`,
    );
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const at = (path: string, event?: string) => (r: ReceivedWebhook) =>
    r.path === path && (event === undefined || r.headers['waypoint-event'] === event);

  describe('registering', () => {
    it('refuses bad input: 400 per field, 422 for an address that is not https', async () => {
      const admin = t.people.admin;
      const valid = {
        name: 'Channel',
        url: 'https://hooks.example.com/x',
        events: ['gate_submitted'],
        format: 'slack',
      };
      const bad = async (body: unknown): Promise<string[]> => {
        const res = await send(t, admin, 'POST', '/api/webhooks', body);
        expect(res.status).toBe(400);
        return fieldErrors(res);
      };
      expect(await bad({ ...valid, events: [] })).toEqual(['events']);
      expect(await bad({ ...valid, events: ['gate_opened'] })).toEqual(['events']);
      expect(await bad({ ...valid, events: 'gate_submitted' })).toEqual(['events']);
      expect(await bad({ ...valid, format: 'discord' })).toEqual(['format']);
      expect(await bad({ ...valid, name: '' })).toEqual(['name']);
      expect(await bad({ ...valid, url: 'x'.repeat(2001) })).toEqual(['url']);
      expect(await bad({ ...valid, enabled: 'yes' })).toEqual(['enabled']);
      expect(await bad({ ...valid, secret: 'mine' })).toEqual(['secret']);
      expect(await bad({ name: 'Channel' })).toEqual(['events', 'format', 'url']);

      for (const url of ['http://hooks.example.com/x', 'ftp://example.com/', 'not a url']) {
        const res = await send(t, admin, 'POST', '/api/webhooks', { ...valid, url });
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({ code: 'webhook_url_refused' });
        expect(fieldErrors(res)).toEqual(['url']);
      }
      // Plain http to this machine only because WEBHOOK_ALLOW_HTTP_LOOPBACK is on here.
      const local = await send(t, admin, 'POST', '/api/webhooks', {
        ...valid,
        url: 'http://localhost:9/x',
      });
      expect(local.status).toBe(201);
    });

    it('is for admins only', async () => {
      for (const session of [t.people.owner, t.people.executive, t.people.member]) {
        expect((await send(t, session, 'GET', '/api/webhooks')).status).toBe(403);
        const res = await send(t, session, 'POST', '/api/webhooks', {
          name: 'Mine',
          url: 'https://hooks.example.com/x',
          events: ['gate_submitted'],
          format: 'waypoint',
        });
        expect(res.status).toBe(403);
      }
      expect((await send(t, null, 'GET', '/api/webhooks')).status).toBe(401);
    });

    it('shows the secret once, audits create, update, rotation and delete', async () => {
      const created = await register({ name: 'Audited', url: receiver.url('/audited') });
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      const read = await send<WebhookResponse>(
        t,
        t.people.admin,
        'GET',
        `/api/webhooks/${created.id}`,
      );
      expect(read.status).toBe(200);
      expect(read.body).not.toHaveProperty('secret');
      expect(read.headers.get('etag')).toBe('"1"');
      const listed = await send<Page<WebhookResponse>>(t, t.people.admin, 'GET', '/api/webhooks');
      expect(JSON.stringify(listed.body)).not.toContain('whsec_');

      const path = `/api/webhooks/${created.id}`;
      expect((await send(t, t.people.admin, 'PATCH', path, { enabled: false })).status).toBe(428);
      expect((await send(t, t.people.admin, 'PATCH', path, { events: [] }, etag(1))).status).toBe(
        400,
      );
      expect((await send(t, t.people.admin, 'PATCH', path, {}, etag(1))).status).toBe(400);
      const refused = await send(
        t,
        t.people.admin,
        'PATCH',
        path,
        { url: 'http://a.test/' },
        etag(1),
      );
      expect(refused.status).toBe(422);
      const changed = await send<WebhookResponse>(
        t,
        t.people.admin,
        'PATCH',
        path,
        { format: 'teams', events: ['alert_raised', 'alert_raised'] },
        etag(1),
      );
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ format: 'teams', events: ['alert_raised'], version: 2 });
      expect((await send(t, t.people.admin, 'PATCH', path, { name: 'x' }, etag(1))).status).toBe(
        412,
      );

      const rotated = await send<WebhookWithSecretResponse>(
        t,
        t.people.admin,
        'POST',
        `${path}/secret`,
        undefined,
        etag(2),
      );
      expect(rotated.status).toBe(200);
      expect(rotated.body.secret).not.toBe(created.secret);
      const stored = await t.sql.query<{ secret: string }>(
        `SELECT secret FROM webhooks WHERE id = $1`,
        [created.id],
      );
      expect(stored.rows[0]?.secret).toBe(rotated.body.secret);

      expect((await send(t, t.people.admin, 'DELETE', path, undefined, etag(2))).status).toBe(412);
      expect((await send(t, t.people.admin, 'DELETE', path, undefined, etag(3))).status).toBe(204);
      expect((await send(t, t.people.admin, 'GET', path)).status).toBe(404);
      for (const action of ['create', 'update', 'rotate_secret', 'delete']) {
        expect({ action, n: await auditCount(t, created.id, action) }).toEqual({ action, n: 1 });
      }
      const audit = await t.sql.query<{ text: string }>(
        `SELECT coalesce(before::text, '') || coalesce(after::text, '') AS text
           FROM audit_events WHERE entity_id = $1`,
        [created.id],
      );
      expect(audit.rows.map((row) => row.text).join(' ')).not.toContain('whsec_');
    });

    it('answers 404 for a webhook that does not exist, and 400 for a malformed id', async () => {
      const none = '00000000-0000-4000-8000-000000000000';
      expect((await send(t, t.people.admin, 'GET', `/api/webhooks/${none}`)).status).toBe(404);
      expect((await send(t, t.people.admin, 'POST', `/api/webhooks/${none}/test`)).status).toBe(
        404,
      );
      expect(
        (await send(t, t.people.admin, 'GET', `/api/webhooks/${none}/deliveries`)).status,
      ).toBe(404);
      expect((await send(t, t.people.admin, 'GET', '/api/webhooks/nope')).status).toBe(400);
      const page = await send(t, t.people.admin, 'GET', `/api/webhooks?limit=0`);
      expect(page.status).toBe(400);
    });

    it('creates once per Idempotency-Key', async () => {
      const key = idempotencyKey();
      const body = {
        name: 'Once',
        url: receiver.url('/once'),
        events: ['gate_decided'],
        format: 'waypoint',
      };
      const first = await send<WebhookWithSecretResponse>(
        t,
        t.people.admin,
        'POST',
        '/api/webhooks',
        body,
        key,
      );
      const again = await send<WebhookWithSecretResponse>(
        t,
        t.people.admin,
        'POST',
        '/api/webhooks',
        body,
        key,
      );
      expect(first.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      const rows = await t.sql.query(`SELECT 1 FROM webhooks WHERE name = 'Once'`);
      expect(rows.rowCount).toBe(1);
    });
  });

  describe('delivering', () => {
    it('delivers a gate submitted, signed with the secret over timestamp and body', async () => {
      const hook = await register({ name: 'Everything', url: receiver.url('/all') });
      const disabled = await register({
        name: 'Disabled',
        url: receiver.url('/disabled'),
        enabled: false,
      });
      const gate = await submittedGate(t, t.people);
      const [request] = await receiver.waitFor(at('/all', 'gate_submitted'));
      if (!request) throw new Error('no request');
      expect(signatureVerifies(request, hook.secret)).toBe(true);
      expect(signatureVerifies(request, `${hook.secret}x`)).toBe(false);
      expect(signatureVerifies({ ...request, raw: `${request.raw} ` }, hook.secret)).toBe(false);
      const timestamp = Number(request.headers['waypoint-timestamp']);
      expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(120);
      expect(request.headers['content-type']).toBe('application/json');
      const milestoneId = gate.milestoneIds[0] ?? '';
      expect(request.body).toMatchObject({
        type: 'gate_submitted',
        organisation: 'Waypoint',
        initiative: { id: gate.initiativeId, status: 'active' },
        actor: { id: t.people.owner.user.id, name: 'Olivia Owner' },
        data: { milestone: { id: milestoneId, title: 'Milestone 1' } },
        url: `${t.baseUrl}/approvals/${milestoneId}`,
      });
      expect(request.body['summary']).toMatch(
        /^Olivia Owner submitted the gate “Milestone 1” of “Initiative .+” for decision\.$/,
      );
      // The receiver has the request before the worker settles the row: wait for the settling.
      const line = await eventually(async () => {
        const [latest] = await log(hook.id);
        return latest?.status === 'pending' ? null : latest;
      });
      expect(line).toMatchObject({
        event: 'gate_submitted',
        status: 'delivered',
        attempts: 1,
        responseCode: 200,
        error: null,
        nextAttemptAt: null,
      });
      expect(request.headers['waypoint-delivery']).toBe(line.id);

      // The disabled webhook queued nothing and was sent nothing.
      expect(await log(disabled.id)).toEqual([]);
      expect(receiver.received.filter(at('/disabled'))).toEqual([]);
    });

    it('delivers a gate decided and the initiative status it changed', async () => {
      await register({ name: 'Decisions', url: receiver.url('/decisions') });
      const gate = await submittedGate(t, t.people);
      const milestoneId = gate.milestoneIds[0] ?? '';
      const decided = await decide(t, t.people.sponsor, milestoneId, {
        outcome: 'on_hold',
        rationale: 'Wait for the budget',
      });
      expect(decided.status).toBe(201);
      const [decision] = await receiver.waitFor(at('/decisions', 'gate_decided'));
      expect(decision?.body).toMatchObject({
        type: 'gate_decided',
        data: { milestone: { id: milestoneId }, outcome: 'on_hold' },
        url: `${t.baseUrl}/initiatives/${gate.initiativeId}`,
      });
      expect(decision?.body['summary']).toMatch(
        /^Sam Sponsor decided the gate “Milestone 1” of “.+”: on hold\.$/,
      );
      const [status] = await receiver.waitFor(at('/decisions', 'initiative_status_changed'));
      expect(status?.body).toMatchObject({
        type: 'initiative_status_changed',
        initiative: { id: gate.initiativeId, status: 'on_hold' },
        data: { from: 'active', to: 'on_hold', reason: 'gate_decision' },
      });
      expect(status?.body['summary']).toMatch(/^Sam Sponsor moved “.+” from Active to On hold\.$/);
    });

    it('delivers an alert raised', async () => {
      await register({ name: 'Alerts', url: receiver.url('/alerts'), events: ['alert_raised'] });
      const w = await seedQuarterlyTension(t, t.people);
      for (const [measureId, value] of [
        [w.costId, 85],
        [w.satisfactionId, 52],
      ] as const) {
        const res = await send(t, t.people.team, 'POST', `/api/measures/${measureId}/readings`, {
          value,
          observedAt: w.inQ4().toISOString(),
        });
        expect(res.status).toBe(201);
      }
      const raised = await receiver.waitFor(at('/alerts', 'alert_raised'), 2);
      const kinds = raised.map((r) => (r.body['data'] as { alert: { kind: string } }).alert.kind);
      expect(kinds.sort()).toEqual([
        'customer_worsens_as_business_improves',
        'protected_group_worsens',
      ]);
      expect(raised[0]?.body).toMatchObject({
        initiative: { id: w.initiativeId },
        actor: null,
        url: `${t.baseUrl}/initiatives/${w.initiativeId}`,
      });
      expect(String(raised[0]?.body['summary'])).toMatch(/^Tension alert on “.+”: .+/);
      // Only the kinds it follows: no gate or status events reached it.
      expect(
        receiver.received
          .filter(at('/alerts'))
          .every((r) => r.headers['waypoint-event'] === 'alert_raised'),
      ).toBe(true);
    });

    it('posts the message shapes that Slack and Teams incoming webhooks accept', async () => {
      await register({ name: 'Slack', url: receiver.url('/slack'), format: 'slack' });
      await register({ name: 'Teams', url: receiver.url('/teams'), format: 'teams' });
      await submittedGate(t, t.people);
      const [slack] = await receiver.waitFor(at('/slack', 'gate_submitted'));
      const [teams] = await receiver.waitFor(at('/teams', 'gate_submitted'));

      // Slack: `text` (the notification's words) and Block Kit blocks, links as <url|label>.
      const s = slack?.body as { text: string; blocks: Array<Record<string, unknown>> };
      expect(Object.keys(s).sort()).toEqual(['blocks', 'text']);
      expect(s.text).toMatch(
        /^Olivia Owner submitted the gate .+ <http:\/\/127\.0\.0\.1:\d+\/approvals\/[0-9a-f-]+\|Open in Waypoint>$/,
      );
      expect(s.blocks.map((b) => b['type'])).toEqual(['header', 'section', 'section']);
      expect(s.blocks[0]).toEqual({
        type: 'header',
        text: { type: 'plain_text', text: 'Gate submitted · Waypoint', emoji: false },
      });
      expect(s.blocks[1]).toMatchObject({ text: { type: 'mrkdwn' } });
      const fields = s.blocks[2]?.['fields'] as Array<{ type: string; text: string }>;
      expect(fields.length).toBeLessThanOrEqual(10);
      expect(fields.every((f) => f.type === 'mrkdwn')).toBe(true);
      expect(fields.map((f) => f.text.split('\n')[0])).toEqual([
        '*Initiative*',
        '*Gate*',
        '*Submitted by*',
      ]);

      // Teams: a message with one Adaptive Card attachment (version 1.4), an OpenUrl action.
      const m = teams?.body as {
        type: string;
        attachments: Array<{
          contentType: string;
          contentUrl: null;
          content: Record<string, unknown>;
        }>;
      };
      expect(m.type).toBe('message');
      expect(m.attachments).toHaveLength(1);
      const card = m.attachments[0];
      expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(card?.content).toMatchObject({
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: '1.4',
      });
      const body = card?.content['body'] as Array<Record<string, unknown>>;
      expect(body.map((b) => b['type'])).toEqual(['TextBlock', 'TextBlock', 'FactSet']);
      expect(body[2]?.['facts']).toEqual([
        { title: 'Initiative', value: expect.stringMatching(/^Initiative /) },
        { title: 'Gate', value: 'Milestone 1' },
        { title: 'Submitted by', value: 'Olivia Owner' },
      ]);
      expect(card?.content['actions']).toEqual([
        {
          type: 'Action.OpenUrl',
          title: 'Open in Waypoint',
          url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/approvals\//),
        },
      ]);
    });

    it('retries after a 500 with a growing wait, then logs the success', async () => {
      const hook = await register({
        name: 'Flaky',
        url: receiver.url('/flaky'),
        events: ['gate_submitted'],
      });
      receiver.answer('/flaky', 500, 503);
      await submittedGate(t, t.people);
      const tries = await receiver.waitFor(at('/flaky'), 3);
      const [first, second, third] = tries.map((r) => r.at) as [number, number, number];
      // OUTBOX_RETRY_BASE_SECONDS=1: one second after the first failure, two after the second.
      expect(second - first).toBeGreaterThanOrEqual(1000 - 50);
      expect(third - second).toBeGreaterThanOrEqual(2000 - 50);
      // One delivery, the same id on every attempt.
      expect(new Set(tries.map((r) => r.headers['waypoint-delivery'])).size).toBe(1);
      const line = await eventually(async () => {
        const [latest] = await log(hook.id);
        return latest?.status === 'delivered' ? latest : null;
      });
      expect(line).toMatchObject({ attempts: 3, responseCode: 200, error: null });
      expect(receiver.received.filter(at('/flaky'))).toHaveLength(3);
    });

    it('retries after a refused connection, drops what a webhook disabled since had waiting', async () => {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}/late`;
      const late = await register({ name: 'Late', url, events: ['gate_submitted'] });
      const stopped = await register({
        name: 'Stopped',
        url: `http://127.0.0.1:${port}/stopped`,
        events: ['gate_submitted'],
      });
      await submittedGate(t, t.people);
      const failing = await eventually(async () => {
        const [line] = await log(late.id);
        return line && line.attempts >= 2 ? line : null;
      });
      expect(failing).toMatchObject({ status: 'pending', responseCode: null });
      expect(failing.error).toMatch(/ECONNREFUSED/);
      expect(failing.nextAttemptAt).not.toBeNull();

      const disabled = await send(
        t,
        t.people.admin,
        'PATCH',
        `/api/webhooks/${stopped.id}`,
        { enabled: false },
        etag(stopped.version),
      );
      expect(disabled.status).toBe(200);
      const lateReceiver = await startWebhookReceiver({ port });
      try {
        await lateReceiver.waitFor(at('/late', 'gate_submitted'));
        const delivered = await eventually(async () => {
          const [line] = await log(late.id);
          return line?.status === 'delivered' ? line : null;
        });
        expect(delivered.attempts).toBeGreaterThanOrEqual(3);
        const dropped = await eventually(async () => {
          const [line] = await log(stopped.id);
          return line?.status === 'dropped' ? line : null;
        });
        expect(dropped.error).toBe('The webhook was disabled');
        expect(lateReceiver.received.filter(at('/stopped'))).toEqual([]);
      } finally {
        await lateReceiver.close();
      }
    });
  });

  describe('sending a test', () => {
    it('sends at once, signed with the current secret, and answers how it went', async () => {
      const hook = await register({
        name: 'Tested',
        url: receiver.url('/tested'),
        format: 'slack',
      });
      const res = await send<WebhookDeliveryResponse>(
        t,
        t.people.admin,
        'POST',
        `/api/webhooks/${hook.id}/test`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        event: 'test',
        status: 'delivered',
        attempts: 1,
        responseCode: 200,
      });
      const [request] = await receiver.waitFor(at('/tested', 'test'));
      if (!request) throw new Error('no test');
      expect(signatureVerifies(request, hook.secret)).toBe(true);
      expect(String(request.body['text'])).toContain(
        'A test of the webhook “Tested”, sent by Ada Admin.',
      );
      expect((await log(hook.id)).map((line) => line.id)).toEqual([res.body.id]);
      for (const session of [t.people.owner, t.people.member]) {
        const refused = await send(t, session, 'POST', `/api/webhooks/${hook.id}/test`);
        expect(refused.status).toBe(403);
      }
    });

    it('reports a failed test without retrying it', async () => {
      const hook = await register({ name: 'Broken', url: receiver.url('/broken') });
      receiver.answer('/broken', 500);
      const res = await send<WebhookDeliveryResponse>(
        t,
        t.people.admin,
        'POST',
        `/api/webhooks/${hook.id}/test`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'failed',
        attempts: 1,
        responseCode: 500,
        nextAttemptAt: null,
      });
      expect(res.body.error).toBe('The address answered 500: receiver down');
      expect(detailOf(res)).toBe('');
      const rows = await t.sql.query<{ status: string; attempts: number }>(
        `SELECT status, attempts FROM webhook_deliveries WHERE webhook_id = $1`,
        [hook.id],
      );
      expect(rows.rows).toEqual([{ status: 'failed', attempts: 1 }]);
    });
  });
});

const serverUrl = process.env['DATABASE_URL'];

/** Two instances on one database share the webhooks' outbox: each delivery is posted once. */
if (serverUrl) {
  describe('webhook delivery: two instances on one database', () => {
    let database: ServerTestDatabase;
    let receiver: WebhookReceiver;
    let apps: TestApp[] = [];

    beforeAll(async () => {
      receiver = await startWebhookReceiver();
      database = await createServerTestDatabase(serverUrl);
      const env = {
        OUTBOX_POLL_MS: '100',
        OUTBOX_RETRY_BASE_SECONDS: '1',
        WEBHOOK_ALLOW_HTTP_LOOPBACK: 'true',
      };
      apps = await Promise.all([
        startTestApp({ databaseUrl: database.url, env }),
        startTestApp({ databaseUrl: database.url, env }),
      ]);
    });
    afterAll(async () => {
      await Promise.all(apps.map((app) => app.close()));
      await database?.drop();
      await receiver?.close();
    });

    it('post each delivery exactly once, whichever instance claims it', async () => {
      const [a] = apps as [TestApp, TestApp];
      const hook = await a.sql.query<{ id: string }>(
        `INSERT INTO webhooks (name, url, events, format, secret)
       VALUES ('Burst', $1, '{gate_submitted}', 'waypoint', 'whsec_test') RETURNING id`,
        [receiver.url('/burst')],
      );
      const count = 60;
      // Sixty deliveries due at once, as a burst of changes would leave them.
      await a.sql.query(
        `INSERT INTO webhook_deliveries (webhook_id, event, payload)
       SELECT $1, 'gate_submitted', jsonb_build_object('id', $2::text || n, 'type', 'gate_submitted')
         FROM generate_series(1, $3::int) AS n`,
        [hook.rows[0]?.id, randomUUID(), count],
      );
      await eventually(async () => {
        const left = await a.sql.query<{ n: string }>(
          `SELECT count(*)::text AS n FROM webhook_deliveries WHERE status <> 'delivered'`,
        );
        return left.rows[0]?.n === '0';
      });
      const ids = receiver.received.map((r) => r.headers['waypoint-delivery']);
      expect(ids).toHaveLength(count);
      expect(new Set(ids).size).toBe(count);
      const workers = await a.sql.query<{ claimed_by: string; attempts: number }>(
        `SELECT DISTINCT claimed_by, attempts FROM webhook_deliveries`,
      );
      // Each delivery was claimed once; both instances took part.
      expect(new Set(workers.rows.map((row) => row.attempts))).toEqual(new Set([1]));
      expect(new Set(workers.rows.map((row) => row.claimed_by)).size).toBe(2);
    });
  });
}
