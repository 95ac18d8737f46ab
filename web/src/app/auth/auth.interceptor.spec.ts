import { HttpClient, HttpContext, HttpErrorResponse } from '@angular/common/http';
import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, ResolveFn, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { HANDLES_FORBIDDEN } from './auth.interceptor';
import { AUTH_API } from '../shared/api';
import { AuthStore } from './auth.store';
import { aProblem, aUser, httpMock, provideTestHttp, startAs } from './auth.testing';

@Component({ template: '' })
class BlankComponent {}

/** A page that loads its data before it shows, as places will. */
const loadApprovals: ResolveFn<unknown> = () =>
  firstValueFrom(inject(HttpClient).get('/api/approvals'));

/** Lets a redirect started by the interceptor finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };
const FORBIDDEN = { status: 403, statusText: 'Forbidden' };

describe('authInterceptor', () => {
  let router: Router;
  let http: HttpClient;
  let store: AuthStore;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'initiatives/:id', component: BlankComponent },
          { path: 'approvals', component: BlankComponent, resolve: { data: loadApprovals } },
          { path: 'sign-in', component: BlankComponent },
          { path: 'forbidden', component: BlankComponent },
        ]),
        ...provideTestHttp(),
      ],
    });
    router = TestBed.inject(Router);
    http = TestBed.inject(HttpClient);
    store = await startAs(aUser('executive'));
    await router.navigateByUrl('/initiatives/42?tab=team');
  });
  afterEach(() => httpMock().verify());

  /** Sends a GET, answers it with `status`, and returns the error the caller received. */
  async function failWith(
    url: string,
    init: { status: number; statusText: string },
    context?: HttpContext,
  ): Promise<unknown> {
    const call = firstValueFrom(http.get(url, { context }));
    httpMock().expectOne(url).flush(aProblem(init.status), init);
    const error = await call.catch((e: unknown) => e);
    await settle();
    return error;
  }

  it('on 401 forgets the user and goes to sign-in with a returnUrl to the current page', async () => {
    const error = await failWith('/api/initiatives/42', UNAUTHORIZED);

    expect(error).toBeInstanceOf(HttpErrorResponse);
    expect(store.user()).toBeNull();
    const url = router.parseUrl(router.url);
    expect(url.root.children['primary']?.segments.map((s) => s.path)).toEqual(['sign-in']);
    expect(url.queryParams).toEqual({
      returnUrl: '/initiatives/42?tab=team',
      reason: 'session-ended',
    });
  });

  it('returns to the page being opened when its data load gets the 401', async () => {
    const navigating = router.navigateByUrl('/approvals');
    await settle();
    httpMock().expectOne('/api/approvals').flush(aProblem(401), UNAUTHORIZED);
    await navigating.catch(() => false);
    await settle();

    expect(router.parseUrl(router.url).queryParams['returnUrl']).toBe('/approvals');
  });

  it.each([AUTH_API.me, AUTH_API.login, AUTH_API.logout, AUTH_API.password])(
    'leaves a 401 from %s to its caller: no redirect, no loop',
    async (url) => {
      const error = await failWith(url, UNAUTHORIZED);

      expect((error as HttpErrorResponse).status).toBe(401);
      expect(router.url).toBe('/initiatives/42?tab=team');
      expect(store.user()).not.toBeNull();
    },
  );

  it('does not stack sign-in redirects when already on the sign-in page', async () => {
    await router.navigateByUrl('/sign-in?returnUrl=%2Fapprovals');
    await failWith('/api/departments', UNAUTHORIZED);

    expect(router.url).toBe('/sign-in?returnUrl=%2Fapprovals');
  });

  it('ignores a 401 from outside the API', async () => {
    await failWith('https://elsewhere.example/api/x', UNAUTHORIZED);

    expect(router.url).toBe('/initiatives/42?tab=team');
    expect(store.user()).not.toBeNull();
  });

  it('shows the "not allowed" page on 403', async () => {
    const error = await failWith('/api/users', FORBIDDEN);

    expect((error as HttpErrorResponse).status).toBe(403);
    expect(router.url).toBe('/forbidden');
    expect(store.user()).not.toBeNull();
  });

  it('leaves a 403 to a caller that handles it', async () => {
    await failWith('/api/users', FORBIDDEN, new HttpContext().set(HANDLES_FORBIDDEN, true));

    expect(router.url).toBe('/initiatives/42?tab=team');
  });

  it('lets other errors and successes through untouched', async () => {
    const error = await failWith('/api/initiatives/42', { status: 412, statusText: 'Failed' });
    expect((error as HttpErrorResponse).status).toBe(412);

    const ok = firstValueFrom(http.get('/api/initiatives/42'));
    httpMock().expectOne('/api/initiatives/42').flush({ id: '42' });
    await expect(ok).resolves.toEqual({ id: '42' });
    expect(router.url).toBe('/initiatives/42?tab=team');
  });
});
