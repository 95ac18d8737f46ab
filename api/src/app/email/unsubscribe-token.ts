import { createHmac, timingSafeEqual } from 'node:crypto';
import { EMAIL_KIND_VALUES, type EmailKind } from '@waypoint/contracts';

/** What an unsubscribe link stops: one kind of email, or every kind (a digest's link). */
export type UnsubscribeScope = EmailKind | 'all';

export interface UnsubscribeClaim {
  userId: string;
  scope: UnsubscribeScope;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(secret: string, claim: UnsubscribeClaim): Buffer {
  return createHmac('sha256', secret)
    .update(`unsubscribe:${claim.userId}:${claim.scope}`, 'utf8')
    .digest();
}

/**
 * The token of an unsubscribe link: `<user id>.<scope>.<HMAC-SHA256>`, signed with the
 * installation's secret, so it works without signing in and cannot be made for someone else.
 * It does not expire: an old email's link still stops that email.
 */
export function unsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  return `${claim.userId}.${claim.scope}.${signature(secret, claim).toString('base64url')}`;
}

/** The claim of a token this installation signed; null for anything else. */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
  const [userId = '', scope = '', mac = '', ...rest] = token.split('.');
  if (rest.length > 0 || !UUID.test(userId)) return null;
  if (scope !== 'all' && !(EMAIL_KIND_VALUES as readonly string[]).includes(scope)) return null;
  const claim: UnsubscribeClaim = { userId, scope: scope as UnsubscribeScope };
  const expected = signature(secret, claim);
  const given = Buffer.from(mac, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? claim : null;
}

/** The kinds a scope stands for. */
export function kindsOf(scope: UnsubscribeScope): EmailKind[] {
  return scope === 'all' ? [...EMAIL_KIND_VALUES] : [scope];
}
