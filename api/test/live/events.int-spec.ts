import { createInitiative, createMeasure } from '../factories/domain';
import { createUser } from '../factories/users';
import { call, type Session, signInAs } from '../support/auth';
import { fieldErrors, send } from '../support/http';
import { openEvents, ready, type SseClient } from './sse-client';
import { useTestApp } from '../support/use-test-app';

describe('GET /api/events (live updates)', () => {
  const t = useTestApp();
  let manager: Session;
  let owner: Session;
  let teammate: Session;
  let outsider: Session;
  let initiativeId: string;
  let measureId: string;
  const open: SseClient[] = [];
  let closed = false;

  const stream = async (session: Session | null, headers?: Record<string, string>) => {
    const client = await openEvents(t.baseUrl, session, headers);
    open.push(client);
    return client;
  };
  const recordReading = async (session: Session, value: number): Promise<string> => {
    const observedAt = new Date(Date.now() - 60_000).toISOString();
    const made = await send<{ id: string }>(
      t,
      session,
      'POST',
      `/api/measures/${measureId}/readings`,
      {
        value,
        observedAt,
      },
    );
    expect(made.status).toBe(201);
    return made.body.id;
  };

  beforeAll(async () => {
    manager = await signInAs(t, await createUser(t.sql, { role: 'manager' }));
    owner = await signInAs(t, await createUser(t.sql, { role: 'member' }));
    teammate = await signInAs(t, await createUser(t.sql, { role: 'member' }));
    outsider = await signInAs(t, await createUser(t.sql, { role: 'member' }));
    initiativeId = await createInitiative(t.sql, {
      ownerId: owner.user.id,
      teamIds: [teammate.user.id],
    });
    measureId = await createMeasure(t.sql, initiativeId);
  });
  afterAll(async () => {
    for (const client of open) client.close();
    if (!closed) await t.close();
  });

  it('refuses anyone not signed in, a bad token, and any query parameter', async () => {
    expect((await send(t, null, 'GET', '/api/events')).status).toBe(401);
    const badToken = await send(t, null, 'GET', '/api/events', undefined, {
      Authorization: 'Bearer wp_not-a-real-token',
    });
    expect(badToken.status).toBe(401);
    const extra = await send(t, manager, 'GET', '/api/events?since=yesterday');
    expect(extra.status).toBe(400);
    expect(fieldErrors(extra).join(' ')).toContain('since');
  });

  it('streams uncompressed, unbuffered event-stream with a retry hint and a ready event', async () => {
    const client = await stream(manager, { 'Accept-Encoding': 'gzip, br' });
    expect(client.status).toBe(200);
    expect(client.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(client.headers.get('content-encoding')).toBeNull();
    expect(client.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(client.headers.get('x-accel-buffering')).toBe('no');
    expect(client.headers.get('x-request-id')).toBeTruthy();
    expect(client.headers.get('etag')).toBeNull();
    await ready(client);
    expect(client.raw()).toMatch(/^retry: 5000\n: connected\n\n/);
    expect(client.frames.find((f) => f.event === 'ready')?.id).toMatch(/^[0-9a-z]+-\d+$/);
  });

  it('sends a committed change, as ids only, to those who may see its initiative', async () => {
    const [watching, team, outside] = [
      await stream(manager),
      await stream(teammate),
      await stream(outsider),
    ];
    await Promise.all([ready(watching), ready(team), ready(outside)]);
    const readingId = await recordReading(owner, 31);
    const expected = { kind: 'reading', initiativeId, id: readingId };
    expect(await watching.next((e) => e.id === readingId)).toMatchObject(expected);
    const seen = await team.next((e) => e.id === readingId);
    expect(Object.keys(seen).sort()).toEqual(['at', 'id', 'initiativeId', 'kind']);
    // The outsider's stream is still open (its own inbox event arrives) but got nothing else.
    const note = await t.sql.query<{ id: string }>(
      `INSERT INTO notifications (user_id, kind, title, body, link, initiative_id)
       VALUES ($1, 'step_assigned', 'A step for you', 'Body', '/my-work', NULL) RETURNING id`,
      [outsider.user.id],
    );
    const read = await send(
      t,
      outsider,
      'POST',
      `/api/notifications/${note.rows[0]?.id ?? ''}/read`,
    );
    expect(read.status).toBe(200);
    await outside.next((e) => e.kind === 'notification');
    expect(outside.changes()).toEqual([
      expect.objectContaining({ kind: 'notification', initiativeId: null, id: outsider.user.id }),
    ]);
    // Inbox events reach only their recipient.
    expect(watching.changes().filter((e) => e.kind === 'notification')).toEqual([]);
  });

  it('sends nothing for a write that is refused', async () => {
    const watching = await stream(manager);
    await ready(watching);
    const refused = await send(t, outsider, 'POST', `/api/measures/${measureId}/readings`, {
      value: 1,
      observedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(refused.status).toBe(403);
    const readingId = await recordReading(owner, 32);
    await watching.next((e) => e.kind === 'measure' && e.id === measureId);
    expect(watching.changes().map((e) => `${e.kind} ${e.id}`)).toEqual([
      `reading ${readingId}`,
      `measure ${measureId}`,
    ]);
  });

  it("announces a reading and its measure's recomputed values once the values are stored", async () => {
    const watching = await stream(teammate);
    await ready(watching);
    const readingId = await recordReading(owner, 27);
    // The reading's own event waits for the recomputation: a page that refetches on it sees the
    // stored rows with the reading.
    await watching.next((e) => e.kind === 'reading' && e.id === readingId);
    const atReading = await t.sql.query<{ reading_id: string }>(
      `SELECT reading_id FROM value_measure_now WHERE measure_id = $1`,
      [measureId],
    );
    expect(atReading.rows[0]?.reading_id).toBe(readingId);
    const announced = await watching.next((e) => e.kind === 'measure' && e.id === measureId);
    expect(announced).toMatchObject({ kind: 'measure', initiativeId, id: measureId });
    // By the time the event is sent, the stored rows show the reading.
    const stored = await t.sql.query<{ reading_id: string }>(
      `SELECT reading_id FROM value_measure_now WHERE measure_id = $1`,
      [measureId],
    );
    expect(stored.rows[0]?.reading_id).toBe(readingId);
    expect(watching.changes().map((e) => e.kind)).toEqual(['reading', 'measure']);
  });

  /** Resolves when the server ends the stream; fails when it is still open after `ms`. */
  const endsWithin = (client: SseClient, ms: number): Promise<void> =>
    Promise.race([
      client.ended,
      new Promise<void>((_, reject) =>
        setTimeout(() => reject(new Error(`the stream was still open after ${ms} ms`)), ms),
      ),
    ]);

  it("closes a stream at sign-out of its session, and leaves the same user's other sessions", async () => {
    const user = await createUser(t.sql, { role: 'manager' });
    const leaving = await signInAs(t, user);
    const staying = await signInAs(t, user);
    const closing = await stream(leaving);
    const open = await stream(staying);
    await ready(closing);
    await ready(open);
    expect((await call(t, leaving, 'POST', '/api/auth/logout')).status).toBe(204);
    await endsWithin(closing, 5_000);
    // The other session's stream still receives changes.
    const readingId = await recordReading(owner, 33);
    await open.next((e) => e.id === readingId);
  });

  it('closes a stream opened with an API token when the token is revoked', async () => {
    const user = await createUser(t.sql, { role: 'manager' });
    const session = await signInAs(t, user);
    const created = await call(t, session, 'POST', '/api/auth/tokens', { name: 'script' });
    expect(created.status).toBe(201);
    const token = (await created.json()) as { id: string; token: string };
    const client = await stream(null, { Authorization: `Bearer ${token.token}` });
    await ready(client);
    expect((await call(t, session, 'DELETE', `/api/auth/tokens/${token.id}`)).status).toBe(204);
    await endsWithin(client, 5_000);
  });

  it('closes every stream of a user who is deactivated', async () => {
    const admin = await signInAs(t, await createUser(t.sql, { role: 'admin' }));
    const user = await createUser(t.sql, { role: 'manager' });
    const tabs = [await stream(await signInAs(t, user)), await stream(await signInAs(t, user))];
    for (const tab of tabs) await ready(tab);
    const read = await call(t, admin, 'GET', `/api/users/${user.id}`);
    const deactivated = await call(
      t,
      admin,
      'PATCH',
      `/api/users/${user.id}`,
      { active: false },
      { 'If-Match': read.headers.get('etag') ?? '' },
    );
    expect(deactivated.status).toBe(200);
    for (const tab of tabs) await endsWithin(tab, 5_000);
  });

  it('ends open streams when the server shuts down, so it stops promptly', async () => {
    const client = await stream(manager);
    await ready(client);
    const started = Date.now();
    closed = true;
    await t.close();
    await client.ended;
    process.stdout.write(`live: shutdown with an open stream took ${Date.now() - started} ms\n`);
    expect(client.raw()).toContain('event: ready');
  });
});
