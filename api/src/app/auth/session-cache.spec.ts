import { AccessEndedSignal } from '../common';
import type { SessionRow } from './credentials.repository';
import { SESSION_CACHE_MS, SessionCache } from './session-cache';

function row(userId: string, sessionId: string): SessionRow {
  return {
    userId,
    sessionId,
    email: `${userId}@example.test`,
    displayName: userId,
    role: 'member',
    departmentId: null,
    active: true,
    lastSeenAt: new Date(0),
    expiresAt: new Date(8.64e15),
    revokedAt: null,
  };
}

describe('SessionCache', () => {
  const signal = new AccessEndedSignal();
  const cache = new SessionCache(signal);
  beforeAll(() => cache.onModuleInit());
  afterAll(() => cache.onModuleDestroy());
  beforeEach(() => cache.forget(null));

  it('keeps a lookup for SESSION_CACHE_MS, not a moment longer', () => {
    cache.set('h1', row('u1', 's1'), 1000, cache.epoch);
    expect(cache.get('h1', 1000 + SESSION_CACHE_MS - 1)?.sessionId).toBe('s1');
    expect(cache.get('h1', 1000 + SESSION_CACHE_MS)).toBeNull();
  });

  it('drops one session when it is signed out, every session of a user when access ends', () => {
    cache.set('h1', row('u1', 's1'), 0, cache.epoch);
    cache.set('h2', row('u1', 's2'), 0, cache.epoch);
    cache.set('h3', row('u2', 's3'), 0, cache.epoch);
    signal.arrived({ userId: 'u1', credentialId: 's1' });
    expect([cache.get('h1', 1), cache.get('h2', 1)?.sessionId]).toEqual([null, 's2']);
    signal.emit({ userId: 'u1', credentialId: null, staleOnly: true });
    expect(cache.get('h2', 1)).toBeNull();
    expect(cache.get('h3', 1)?.sessionId).toBe('s3');
    signal.arrived(null);
    expect(cache.get('h3', 1)).toBeNull();
  });

  it('does not keep a lookup that ran while something was forgotten', () => {
    const epoch = cache.epoch;
    signal.arrived({ userId: 'u9', credentialId: null });
    cache.set('h1', row('u1', 's1'), 0, epoch);
    expect(cache.get('h1', 1)).toBeNull();
  });
});
