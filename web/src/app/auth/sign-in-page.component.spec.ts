import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role, SignInOptionsResponse } from '@waypoint/contracts';
import { appRoutes } from '../app.routes';
import { withStubPlaces } from '../testing-stub-places';
import { provideIcons } from '../shared/icons';
import { AUTH_API } from '../shared/api';
import {
  aProblem,
  aUser,
  httpMock,
  provideTestHttp,
  startAs,
  TEST_SIGN_IN_OPTIONS,
} from './auth.testing';
import { SignInPageComponent, signInErrorMessage } from './sign-in-page.component';

function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} not found`);
  return value;
}

describe('SignInPageComponent', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(withStubPlaces(appRoutes), withComponentInputBinding()),
        ...provideTestHttp(),
        provideIcons(),
      ],
    });
    await startAs(null);
    harness = await RouterTestingHarness.create();
  });
  afterEach(() => httpMock().verify());

  async function open(url = '/sign-in'): Promise<void> {
    await harness.navigateByUrl(url, SignInPageComponent);
  }
  const page = () => must(harness.routeNativeElement, 'page') as HTMLElement;
  const input = (name: string) =>
    must(page().querySelector<HTMLInputElement>(`input[name="${name}"]`), name);
  const errors = () =>
    Array.from(page().querySelectorAll('.auth-field__error')).map((e) => e.textContent?.trim());
  const alertText = () => page().querySelector('[role="alert"]')?.textContent?.trim() ?? '';
  const url = () => TestBed.inject(Router).url;

  async function fill(email: string, password: string): Promise<void> {
    for (const [name, value] of [
      ['email', email],
      ['password', password],
    ] as const) {
      input(name).value = value;
      input(name).dispatchEvent(new Event('input'));
      input(name).dispatchEvent(new Event('blur'));
    }
    await harness.fixture.whenStable();
  }

  async function submit(): Promise<void> {
    must(page().querySelector<HTMLButtonElement>('button[type="submit"]'), 'submit').click();
    await harness.fixture.whenStable();
  }

  /** Answers the pending POST /api/auth/login, then lets the page react (and navigate). */
  async function answerLogin(
    body: object | null,
    init?: { status: number; statusText: string; headers?: Record<string, string> },
  ): Promise<void> {
    httpMock().expectOne(AUTH_API.login).flush(body, init);
    await settle();
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  }

  it('asks for email and password in labelled fields', async () => {
    await open();

    expect(page().querySelector('h1')?.textContent?.trim()).toBe('Sign in');
    for (const [name, label, type, autocomplete] of [
      ['email', 'Email', 'email', 'username'],
      ['password', 'Password', 'password', 'current-password'],
    ]) {
      const field = input(name);
      const labelEl = page().querySelector(`label[for="${field.id}"]`);
      expect(labelEl?.textContent).toContain(label);
      expect(field.type).toBe(type);
      expect(field.getAttribute('autocomplete')).toBe(autocomplete);
      expect(field.required).toBe(true);
    }
  });

  it('explains empty fields, sends nothing and puts the focus on the first one', async () => {
    await open();
    await submit();

    expect(errors()).toEqual(['Enter your email address.', 'Enter your password.']);
    expect(document.activeElement).toBe(input('email'));
    httpMock().expectNone(AUTH_API.login);
  });

  it('explains an email address that cannot be one', async () => {
    await open();
    await fill('not-an-address', 'whatever-password');
    await submit();

    expect(errors()).toEqual(['Enter an email address such as name@example.com.']);
    httpMock().expectNone(AUTH_API.login);
  });

  it('signs in and goes on to the returnUrl', async () => {
    await open('/sign-in?returnUrl=%2Finitiatives%2F42');
    await fill('member@waypoint.test', 'waypoint-demo-2026');
    await submit();
    const request = httpMock().expectOne(AUTH_API.login);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      email: 'member@waypoint.test',
      password: 'waypoint-demo-2026',
    });
    request.flush(aUser('member'));
    await settle();

    expect(url()).toBe('/initiatives/42');
  });

  it.each([
    ['admin', '/portfolio'],
    ['executive', '/portfolio'],
    ['manager', '/initiatives'],
    ['member', '/my-work'],
  ] as [Role, string][])('%s without returnUrl lands on %s', async (role, home) => {
    await open();
    await fill(`${role}@waypoint.test`, 'waypoint-demo-2026');
    await submit();
    await answerLogin(aUser(role));

    expect(url()).toBe(home);
  });

  it.each(['https://evil.example/', '//evil.example', '/approvals'])(
    'goes home instead of to the returnUrl %s',
    async (returnUrl) => {
      await open(`/sign-in?returnUrl=${encodeURIComponent(returnUrl)}`);
      await fill('member@waypoint.test', 'waypoint-demo-2026');
      await submit();
      await answerLogin(aUser('member'));

      expect(url()).toBe('/my-work');
    },
  );

  it("shows the server's problem detail in the alert region and clears the password", async () => {
    await open();
    await fill('member@waypoint.test', 'not-the-password');
    await submit();
    await answerLogin(aProblem(401, 'The email or password is wrong.'), {
      status: 401,
      statusText: 'Unauthorized',
    });

    expect(alertText()).toBe('The email or password is wrong.');
    expect(input('password').value).toBe('');
    expect(input('email').value).toBe('member@waypoint.test');
    expect(errors()).toEqual([]);
    expect(page().querySelector('.auth-field--invalid')).toBeNull();
    expect(document.activeElement).toBe(input('password'));
    expect(url()).toBe('/sign-in');
  });

  it('says how long to wait when throttled (429 with Retry-After)', async () => {
    await open();
    await fill('member@waypoint.test', 'guess-number-six');
    await submit();
    await answerLogin(aProblem(429, 'Slow down.'), {
      status: 429,
      statusText: 'Too Many Requests',
      headers: { 'Retry-After': '30' },
    });

    expect(alertText()).toBe('Too many attempts, try again in 30 seconds.');
  });

  it('clears the previous message when trying again', async () => {
    await open();
    await fill('member@waypoint.test', 'not-the-password');
    await submit();
    await answerLogin(aProblem(401, 'Wrong.'), { status: 401, statusText: 'Unauthorized' });
    await fill('member@waypoint.test', 'waypoint-demo-2026');
    await submit();

    expect(alertText()).toBe('');
    await answerLogin(aUser('member'));
  });

  it('sends one request however often the button is pressed', async () => {
    await open();
    await fill('member@waypoint.test', 'waypoint-demo-2026');
    await submit();
    await submit();

    expect(httpMock().match(AUTH_API.login)).toHaveLength(1);
  });

  it.each([
    ['session-ended', 'Your session has ended. Sign in again to continue where you were.'],
    ['password-set', 'Your password is set. Sign in with it now.'],
  ])('explains why the user is here (reason=%s)', async (reason, text) => {
    await open(`/sign-in?reason=${reason}`);

    expect(page().querySelector('[role="status"]')?.textContent?.trim()).toBe(text);
  });

  it('shows no notice for an unknown reason', async () => {
    await open('/sign-in?reason=%3Cscript%3E');

    expect(page().querySelector('[role="status"]')).toBeNull();
  });
});

describe('signInErrorMessage', () => {
  const error = (status: number, body: unknown = null, headers: Record<string, string> = {}) =>
    new HttpErrorResponse({ status, error: body, headers: new HttpHeaders(headers) });

  it.each([
    [
      '429, 1 s',
      error(429, null, { 'Retry-After': '1' }),
      'Too many attempts, try again in 1 second.',
    ],
    [
      '429, 120 s',
      error(429, null, { 'Retry-After': '120' }),
      'Too many attempts, try again in 120 seconds.',
    ],
    ['429 without Retry-After', error(429), 'Too many attempts, try again later.'],
    ['401 without detail', error(401), 'The email address or password is not right.'],
    [
      '400 with detail',
      error(400, aProblem(400, 'email must be an email')),
      'email must be an email',
    ],
    ['no answer', error(0), 'Waypoint cannot be reached. Check your connection and try again.'],
  ])('for %s says what to do', (_label, failure, message) => {
    expect(signInErrorMessage(failure)).toBe(message);
  });
});

describe('SignInPageComponent with single sign-on', () => {
  let harness: RouterTestingHarness;

  async function openWith(options: SignInOptionsResponse, url: string): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(withStubPlaces(appRoutes), withComponentInputBinding()),
        ...provideTestHttp(),
        provideIcons(),
        { provide: TEST_SIGN_IN_OPTIONS, useValue: options },
      ],
    });
    await startAs(null);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, SignInPageComponent);
    await harness.fixture.whenStable();
    return must(harness.routeNativeElement, 'page') as HTMLElement;
  }
  afterEach(() => httpMock().verify());

  it('offers "Sign in with <provider>", which starts at the API with the returnUrl', async () => {
    const page = await openWith(
      { passwordSignIn: true, sso: { providerName: 'Acme Login' } },
      '/sign-in?returnUrl=%2Fmy-work',
    );
    const link = must(page.querySelector<HTMLAnchorElement>('a.auth-card__sso'), 'sso link');
    expect(link.textContent?.trim()).toBe('Sign in with Acme Login');
    expect(link.getAttribute('href')).toBe('/api/auth/sso/start?returnTo=%2Fmy-work');
    expect(page.querySelector('form')).not.toBeNull();
  });

  it('leaves the password form out when password sign-in is off', async () => {
    const page = await openWith(
      { passwordSignIn: false, sso: { providerName: 'Acme Login' } },
      '/sign-in?returnUrl=https%3A%2F%2Fevil.example',
    );
    expect(page.querySelector('form')).toBeNull();
    expect(page.querySelector('a.auth-card__sso')?.getAttribute('href')).toBe(
      '/api/auth/sso/start',
    );
  });

  it.each([
    ['refused', 'Signing in with Acme Login did not complete: its answer could not be checked.'],
    ['unknown_user', 'There is no Waypoint account for your Acme Login account yet.'],
    ['inactive', 'Your Waypoint account is deactivated.'],
    ['unavailable', 'Acme Login cannot be reached right now.'],
  ])('says why a single sign-on failed (%s)', async (reason, text) => {
    const page = await openWith(
      { passwordSignIn: true, sso: { providerName: 'Acme Login' } },
      `/sign-in?sso=${reason}`,
    );
    expect(page.querySelector('[role="alert"]')?.textContent).toContain(text);
  });
});
