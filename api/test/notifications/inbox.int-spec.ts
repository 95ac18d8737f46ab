import type { MarkAllReadResponse } from '@waypoint/contracts';
import { createInitiative } from '../factories/domain';
import { auditCount, send, NO_SUCH_ID } from '../support/http';
import { call, type Session, signIn } from '../support/auth';
import { daysAgo } from '../support/time';
import { inbox, markRead, notificationFor } from '../factories/notifications';
import { useTestApp } from '../support/use-test-app';

describe('the inbox: my notifications, read and read-all', () => {
  const t = useTestApp();
  let me: Session;
  let other: Session;

  beforeAll(async () => {
    me = await signIn(t, 'member', { displayName: 'Mo Member' });
    other = await signIn(t, 'manager', { displayName: 'Ola Other' });
  });

  it('lists only my notifications, newest first, with my unread count; filters by read state', async () => {
    const user = await signIn(t, 'member');
    const oldest = await notificationFor(t, user.user.id, { createdAt: daysAgo(3) });
    const read = await notificationFor(t, user.user.id, {
      kind: 'gate_decided',
      createdAt: daysAgo(2),
      readAt: daysAgo(1),
    });
    const newest = await notificationFor(t, user.user.id, { createdAt: daysAgo(1) });
    const notMine = await notificationFor(t, other.user.id);

    const all = await inbox(t, user);
    expect(all.items.map((n) => n.id)).toEqual([newest, read, oldest]);
    expect(all).toMatchObject({ total: 3, limit: 50, offset: 0, unreadCount: 2 });
    expect(all.items.map((n) => n.id)).not.toContain(notMine);
    expect(Object.keys(all.items[0] ?? {}).sort()).toEqual(
      ['body', 'createdAt', 'id', 'initiativeId', 'kind', 'link', 'readAt', 'title'].sort(),
    );
    expect(all.items[0]).toMatchObject({
      kind: 'step_assigned',
      title: 'Step assigned to you: Map calls',
      link: '/my-work',
      initiativeId: null,
      readAt: null,
    });
    expect(Date.parse(all.items[1]?.readAt ?? '')).toBeLessThan(Date.now() - 20 * 60 * 60 * 1000);

    const unread = await inbox(t, user, { unread: 'true' });
    expect(unread.items.map((n) => n.id)).toEqual([newest, oldest]);
    expect(unread).toMatchObject({ total: 2, unreadCount: 2 });
    const seen = await inbox(t, user, { unread: 'false' });
    expect(seen.items.map((n) => n.id)).toEqual([read]);
    expect(seen).toMatchObject({ total: 1, unreadCount: 2 });
  });

  it('pages, sorts oldest first on request, and filters by kind and initiative', async () => {
    const user = await signIn(t, 'manager');
    const initiativeId = await createInitiative(t.sql, { ownerId: user.user.id });
    const ids: string[] = [];
    for (let i = 5; i >= 1; i--) {
      ids.push(
        await notificationFor(t, user.user.id, {
          createdAt: daysAgo(i),
          kind: i % 2 === 0 ? 'gate_submitted' : 'step_assigned',
          initiativeId: i === 1 ? initiativeId : null,
        }),
      );
    }
    const newestFirst = [...ids].reverse();
    const page = await inbox(t, user, { limit: '2', offset: '1' });
    expect(page.items.map((n) => n.id)).toEqual(newestFirst.slice(1, 3));
    expect(page).toMatchObject({ total: 5, limit: 2, offset: 1, unreadCount: 5 });
    const oldestFirst = await inbox(t, user, { order: 'asc' });
    expect(oldestFirst.items.map((n) => n.id)).toEqual(ids);
    const submitted = await inbox(t, user, { kind: 'gate_submitted' });
    expect(submitted.items.map((n) => n.kind)).toEqual(['gate_submitted', 'gate_submitted']);
    expect(submitted.total).toBe(2);
    const about = await inbox(t, user, { initiativeId });
    expect(about.items.map((n) => n.id)).toEqual([ids[4]]);
  });

  it('refuses bad queries with 400 naming the field', async () => {
    for (const [query, field] of [
      ['unread=maybe', 'unread'],
      ['unread=1', 'unread'],
      ['kind=gossip', 'kind'],
      ['initiativeId=not-a-uuid', 'initiativeId'],
      ['order=sideways', 'order'],
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['offset=-1', 'offset'],
      ['limit=ten', 'limit'],
      ['colour=red', 'colour'],
    ] as const) {
      const res = await send<{ errors: Record<string, string[]> }>(
        t,
        me,
        'GET',
        `/api/notifications?${query}`,
      );
      expect([query, res.status]).toEqual([query, 400]);
      expect(Object.keys(res.body.errors)).toContain(field);
    }
    const res = await send<{ errors: Record<string, string[]> }>(
      t,
      me,
      'GET',
      '/api/notifications?unread=maybe',
    );
    expect(res.body.errors['unread']).toEqual(['unread must be one of: true, false']);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('marks one of mine read once (audited); a read one stays as it was', async () => {
    const id = await notificationFor(t, me.user.id);
    const first = await markRead(t, me, id);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id, kind: 'step_assigned' });
    expect(Date.parse(first.body.readAt ?? '')).toBeLessThanOrEqual(Date.now());
    expect(await auditCount(t, id, 'read')).toBe(1);

    const again = await markRead(t, me, id);
    expect(again.status).toBe(200);
    expect(again.body.readAt).toBe(first.body.readAt);
    expect(await auditCount(t, id, 'read')).toBe(1);
    expect((await inbox(t, me, { unread: 'false' })).items.map((n) => n.id)).toContain(id);
  });

  it("answers 404 for another user's notification and leaves it unread; 400 for a bad id", async () => {
    const theirs = await notificationFor(t, other.user.id);
    const res = await markRead(t, me, theirs);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, detail: 'No such notification.' });
    const stored = await t.sql.query<{ read_at: Date | null }>(
      `SELECT read_at FROM notifications WHERE id = $1`,
      [theirs],
    );
    expect(stored.rows[0]?.read_at).toBeNull();
    expect((await markRead(t, me, NO_SUCH_ID)).status).toBe(404);
    const bad = await markRead(t, me, 'not-a-uuid');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors ?? {})).toEqual(['id']);
    expect((await inbox(t, me)).items.map((n) => n.id)).not.toContain(theirs);
  });

  it("marks all of mine read (audited once), and nobody else's", async () => {
    const user = await signIn(t, 'executive');
    await notificationFor(t, user.user.id);
    await notificationFor(t, user.user.id);
    await notificationFor(t, user.user.id, { readAt: daysAgo(1) });
    const theirs = await notificationFor(t, other.user.id);

    const res = await send<MarkAllReadResponse>(t, user, 'POST', '/api/notifications/read-all');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ marked: 2, unreadCount: 0 });
    expect(await auditCount(t, user.user.id, 'read_all')).toBe(1);
    expect((await inbox(t, user)).unreadCount).toBe(0);

    const again = await send<MarkAllReadResponse>(t, user, 'POST', '/api/notifications/read-all');
    expect(again.body).toEqual({ marked: 0, unreadCount: 0 });
    expect(await auditCount(t, user.user.id, 'read_all')).toBe(1);
    const stored = await t.sql.query<{ read_at: Date | null }>(
      `SELECT read_at FROM notifications WHERE id = $1`,
      [theirs],
    );
    expect(stored.rows[0]?.read_at).toBeNull();
  });

  it('is for signed-in users only', async () => {
    expect((await call(t, null, 'GET', '/api/notifications')).status).toBe(401);
    const id = await notificationFor(t, me.user.id);
    const headers = { Origin: t.baseUrl };
    expect(
      (await call(t, null, 'POST', `/api/notifications/${id}/read`, undefined, headers)).status,
    ).toBe(401);
    expect(
      (await call(t, null, 'POST', '/api/notifications/read-all', undefined, headers)).status,
    ).toBe(401);
  });
});
