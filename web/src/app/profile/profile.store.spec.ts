import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ApiTokenResponse, EmailPreferencesResponse } from '@waypoint/contracts';
import { httpMock, provideTestHttp } from '../auth/auth.testing';
import { ProfileStore } from './profile.store';

const tick = () => new Promise((resolve) => setTimeout(resolve));

const token: ApiTokenResponse = {
  id: 't1',
  name: 'Reporting',
  prefix: 'wpt_abc',
  createdAt: '2026-12-01T10:00:00Z',
  lastUsedAt: null,
  expiresAt: '2027-03-01T10:00:00Z',
  scope: 'read',
};

const email: EmailPreferencesResponse = {
  emailEnabled: true,
  digestHourUtc: 7,
  preferences: [
    { kind: 'gate_waiting', delivery: 'immediate' },
    { kind: 'step', delivery: 'immediate' },
  ],
};

describe('ProfileStore', () => {
  afterEach(() => httpMock().verify());

  function start(): ProfileStore {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), ...provideTestHttp(), ProfileStore],
    });
    const store = TestBed.inject(ProfileStore);
    TestBed.tick();
    httpMock().expectOne('/api/auth/tokens').flush([token]);
    httpMock().expectOne('/api/email/preferences').flush(email);
    return store;
  }

  it('keeps the secret of a new token until dismissed, and lists it without', async () => {
    const store = start();
    const creating = store.create({ name: 'Export', expiresInDays: 30, scope: 'read' });
    const post = httpMock().expectOne({ method: 'POST', url: '/api/auth/tokens' });
    expect(post.request.body).toEqual({ name: 'Export', expiresInDays: 30, scope: 'read' });
    post.flush({ ...token, id: 't2', name: 'Export', token: 'wpt_secret' });
    await creating;
    TestBed.tick();
    httpMock()
      .expectOne('/api/auth/tokens')
      .flush([token, { ...token, id: 't2' }]);
    await tick();

    expect(store.created()?.token).toBe('wpt_secret');
    expect(store.list().map((t) => t.id)).toEqual(['t1', 't2']);
  });

  it('revokes a token and forgets its secret', async () => {
    const store = start();
    store.created.set({ ...token, token: 'wpt_secret' });
    const revoking = store.revoke('t1');
    httpMock().expectOne({ method: 'DELETE', url: '/api/auth/tokens/t1' }).flush(null);
    await revoking;
    TestBed.tick();
    httpMock().expectOne('/api/auth/tokens').flush([]);

    expect(store.created()).toBeNull();
  });

  it('saves my email preferences and shows what the server answered', async () => {
    const store = start();
    await tick();
    expect(store.email.value()).toEqual(email);
    const saving = store.savePreferences([{ kind: 'step', delivery: 'digest' }]);
    const put = httpMock().expectOne({ method: 'PUT', url: '/api/email/preferences' });
    expect(put.request.body).toEqual({ preferences: [{ kind: 'step', delivery: 'digest' }] });
    const saved: EmailPreferencesResponse = {
      ...email,
      preferences: [
        { kind: 'gate_waiting', delivery: 'immediate' },
        { kind: 'step', delivery: 'digest' },
      ],
    };
    put.flush(saved);
    await saving;
    expect(store.email.value()).toEqual(saved);
  });
});
