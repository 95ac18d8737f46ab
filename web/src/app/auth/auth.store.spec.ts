import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { aProblem, aUser, httpMock, provideTestHttp, startAs } from './auth.testing';
import { AUTH_API } from '../shared/api';
import { AuthStore } from './auth.store';

describe('AuthStore', () => {
  let store: AuthStore;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), ...provideTestHttp()] });
    store = TestBed.inject(AuthStore);
  });
  afterEach(() => httpMock().verify());

  it('knows nobody before asking the API', () => {
    expect(store.status()).toBe('unknown');
    expect(store.user()).toBeNull();
    expect(store.role()).toBeNull();
  });

  it('loads the signed-in user from GET /api/auth/me', async () => {
    const user = aUser('executive');
    await startAs(user);

    expect(store.status()).toBe('signed-in');
    expect(store.user()).toEqual(user);
    expect(store.role()).toBe('executive');
  });

  it('takes a 401 from /api/auth/me as signed out', async () => {
    await startAs(null);

    expect(store.status()).toBe('signed-out');
    expect(store.user()).toBeNull();
  });

  it('takes a server failure as signed out rather than hanging', async () => {
    const loading = store.ensureLoaded();
    httpMock()
      .expectOne(AUTH_API.me)
      .flush(aProblem(503), { status: 503, statusText: 'Unavailable' });

    await expect(loading).resolves.toBeNull();
    expect(store.status()).toBe('signed-out');
  });

  it('asks once, however many callers wait, and answers from memory afterwards', async () => {
    const first = store.ensureLoaded();
    const second = store.ensureLoaded();
    httpMock().expectOne(AUTH_API.me).flush(aUser('manager'));

    await expect(first).resolves.toMatchObject({ role: 'manager' });
    await expect(second).resolves.toMatchObject({ role: 'manager' });
    await expect(store.ensureLoaded()).resolves.toMatchObject({ role: 'manager' });
    httpMock().expectNone(AUTH_API.me);
  });

  it('signs in with POST /api/auth/login and keeps the user', async () => {
    await startAs(null);
    const user = aUser('member');
    const signingIn = store.signIn({ email: 'member@waypoint.test', password: 'secret-secret' });
    const request = httpMock().expectOne(AUTH_API.login);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      email: 'member@waypoint.test',
      password: 'secret-secret',
    });
    request.flush(user);

    await expect(signingIn).resolves.toEqual(user);
    expect(store.user()).toEqual(user);
    expect(store.status()).toBe('signed-in');
  });

  it('throws the HTTP error of a failed sign-in and stays signed out', async () => {
    await startAs(null);
    const signingIn = store.signIn({ email: 'member@waypoint.test', password: 'wrong-wrong' });
    httpMock().expectOne(AUTH_API.login).flush(aProblem(401, 'Wrong email or password.'), {
      status: 401,
      statusText: 'Unauthorized',
    });

    await expect(signingIn).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(store.status()).toBe('signed-out');
  });

  it('signs out with POST /api/auth/sso/logout and forgets the user', async () => {
    await startAs(aUser('admin'));
    const signingOut = store.signOut();
    const request = httpMock().expectOne(AUTH_API.logout);
    expect(request.request.method).toBe('POST');
    request.flush({ endSessionUrl: null });

    await expect(signingOut).resolves.toBeNull();
    expect(store.user()).toBeNull();
    expect(store.status()).toBe('signed-out');
  });

  it("answers the provider's end-session URL of a single-sign-on session", async () => {
    await startAs(aUser('admin'));
    const signingOut = store.signOut();
    const url = 'https://login.example/session/end?id_token_hint=x';
    httpMock().expectOne(AUTH_API.logout).flush({ endSessionUrl: url });

    await expect(signingOut).resolves.toBe(url);
    expect(store.user()).toBeNull();
  });

  it('counts a 401 on sign-out as signed out already', async () => {
    await startAs(aUser('admin'));
    const signingOut = store.signOut();
    httpMock()
      .expectOne(AUTH_API.logout)
      .flush(aProblem(401), { status: 401, statusText: 'Unauthorized' });

    await expect(signingOut).resolves.toBeNull();
    expect(store.user()).toBeNull();
  });

  it('stays signed in when signing out failed, since the session may still be valid', async () => {
    await startAs(aUser('admin'));
    const signingOut = store.signOut();
    httpMock()
      .expectOne(AUTH_API.logout)
      .flush(aProblem(500), { status: 500, statusText: 'Server Error' });

    await expect(signingOut).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(store.role()).toBe('admin');
  });

  it('sets a password with POST /api/auth/password', async () => {
    const setting = store.setPassword({ token: 'tok', password: 'a long new password' });
    const request = httpMock().expectOne(AUTH_API.password);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ token: 'tok', password: 'a long new password' });
    request.flush(null, { status: 204, statusText: 'No Content' });

    await expect(setting).resolves.toBeUndefined();
  });

  it('forgets the user on clear()', async () => {
    await startAs(aUser('manager'));
    store.clear();

    expect(store.user()).toBeNull();
    expect(store.status()).toBe('signed-out');
  });
});
