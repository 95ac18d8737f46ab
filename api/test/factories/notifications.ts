import type { NotificationPage, NotificationResponse } from '@waypoint/contracts';
import { insertRow } from './domain';
import { type Answer, send } from '../support/http';
import type { Session } from '../support/auth';
import type { TestApp } from '../support/test-app';

/** The inbox through the API, and notifications straight into the database. */

/** GET /api/notifications with a query string; fails the test on anything but 200. */
export async function inbox(
  t: TestApp,
  session: Session,
  query: Record<string, string> = {},
): Promise<NotificationPage> {
  const search = new URLSearchParams(query).toString();
  const res = await send<NotificationPage>(
    t,
    session,
    'GET',
    `/api/notifications${search ? `?${search}` : ''}`,
  );
  if (res.status !== 200) throw new Error(`GET /api/notifications: ${res.status} ${res.text}`);
  return res.body;
}

/** My notifications about one initiative, optionally of one kind. */
export async function inboxOf(
  t: TestApp,
  session: Session,
  initiativeId: string,
  kind?: string,
): Promise<NotificationResponse[]> {
  return (await inbox(t, session, { initiativeId, ...(kind ? { kind } : {}) })).items;
}

export async function markRead(
  t: TestApp,
  session: Session | null,
  id: string,
): Promise<Answer<NotificationResponse & { errors?: Record<string, string[]> }>> {
  return send(t, session, 'POST', `/api/notifications/${id}/read`);
}

/** A notification straight into the database (for the inbox specs). */
export async function notificationFor(
  t: TestApp,
  userId: string,
  seed: {
    kind?: string;
    title?: string;
    initiativeId?: string | null;
    createdAt?: Date;
    readAt?: Date | null;
    dedupeKey?: string | null;
  } = {},
): Promise<string> {
  return insertRow(t.sql, 'notifications', {
    user_id: userId,
    kind: seed.kind ?? 'step_assigned',
    title: seed.title ?? 'Step assigned to you: Map calls',
    body: 'Olivia assigned you "Map calls".',
    link: '/my-work',
    initiative_id: seed.initiativeId ?? null,
    dedupe_key: seed.dedupeKey ?? null,
    created_at: seed.createdAt ?? new Date(),
    read_at: seed.readAt ?? null,
  });
}

/** Rows of the notifications table (behind the API's back), for one user and dedupe key prefix. */
export async function storedKeys(t: TestApp, userId: string, prefix: string): Promise<string[]> {
  const rows = await t.sql.query<{ dedupe_key: string }>(
    `SELECT dedupe_key FROM notifications
      WHERE user_id = $1 AND dedupe_key LIKE $2 || '%' ORDER BY created_at, dedupe_key`,
    [userId, prefix],
  );
  return rows.rows.map((row) => row.dedupe_key);
}
