import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { PASSWORD_MIN_LENGTH } from '@waypoint/contracts';
import { appRoutes } from '../app.routes';
import { provideIcons } from '../shared/icons';
import { AUTH_API } from '../shared/api';
import { aProblem, httpMock, provideTestHttp, startAs } from './auth.testing';
import { SetPasswordPageComponent } from './set-password-page.component';

function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} not found`);
  return value;
}

const STRONG = 'larch-kettle-orbit-2026';

describe('SetPasswordPageComponent', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        ...provideTestHttp(),
        provideIcons(),
      ],
    });
    await startAs(null);
    harness = await RouterTestingHarness.create();
  });
  afterEach(() => httpMock().verify());

  async function open(url = '/set-password?token=tok-123'): Promise<void> {
    await harness.navigateByUrl(url, SetPasswordPageComponent);
  }
  const page = () => must(harness.routeNativeElement, 'page') as HTMLElement;
  const input = (name: string) =>
    must(page().querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`), name);
  /** The error messages shown under one field. */
  const fieldErrors = (name: string) =>
    Array.from(input(name).closest('mat-form-field')?.querySelectorAll('mat-error') ?? []).map(
      (e) => e.textContent?.trim(),
    );
  const alertText = () => page().querySelector('[role="alert"]')?.textContent?.trim() ?? '';

  async function fill(password: string, confirm: string): Promise<void> {
    for (const [name, value] of [
      ['password', password],
      ['confirm', confirm],
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
  async function answer(body: object | null, init: { status: number; statusText: string }) {
    httpMock().expectOne(AUTH_API.password).flush(body, init);
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  }

  it('asks for the new password twice, with the length rule as a hint', async () => {
    await open();

    expect(page().querySelector('h1')?.textContent?.trim()).toBe('Choose your password');
    expect(input('password').getAttribute('autocomplete')).toBe('new-password');
    expect(input('confirm').getAttribute('autocomplete')).toBe('new-password');
    expect(page().querySelector('mat-hint')?.textContent?.trim()).toBe(
      `At least ${PASSWORD_MIN_LENGTH} characters.`,
    );
  });

  it('explains a link without token and shows no form', async () => {
    await open('/set-password');

    expect(page().querySelector('form')).toBeNull();
    expect(page().textContent).toContain('This link is incomplete.');
    expect(page().querySelector('a[href="/sign-in"]')).not.toBeNull();
  });

  it(`refuses a password shorter than ${PASSWORD_MIN_LENGTH} characters`, async () => {
    await open();
    const short = 'x'.repeat(PASSWORD_MIN_LENGTH - 1);
    await fill(short, short);
    await submit();

    expect(fieldErrors('password')).toEqual([`Use at least ${PASSWORD_MIN_LENGTH} characters.`]);
    expect(document.activeElement).toBe(input('password'));
    httpMock().expectNone(AUTH_API.password);
  });

  it('accepts exactly the minimum length', async () => {
    await open();
    const exact = 'x'.repeat(PASSWORD_MIN_LENGTH);
    await fill(exact, exact);
    await submit();

    expect(fieldErrors('password')).toEqual([]);
    await answer(null, { status: 204, statusText: 'No Content' });
  });

  it('explains a confirmation that differs, and forgets it once they match', async () => {
    await open();
    await fill(STRONG, `${STRONG}!`);
    await submit();

    expect(fieldErrors('confirm')).toEqual(['The two passwords are not the same.']);
    httpMock().expectNone(AUTH_API.password);

    await fill(`${STRONG}!`, `${STRONG}!`);
    expect(fieldErrors('confirm')).toEqual([]);
    httpMock().expectNone(AUTH_API.password);
  });

  it('sets the password with the token and goes to sign-in, which says so', async () => {
    await open();
    await fill(STRONG, STRONG);
    await submit();
    const request = httpMock().expectOne(AUTH_API.password);
    expect(request.request.body).toEqual({ token: 'tok-123', password: STRONG });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/sign-in?reason=password-set');
    expect(harness.routeNativeElement?.querySelector('[role="status"]')?.textContent).toContain(
      'Your password is set.',
    );
  });

  it("shows the server's password rules under the password field", async () => {
    await open();
    await fill(STRONG, STRONG);
    await submit();
    await answer(
      aProblem(400, 'The request is not valid.', {
        password: ['This password is too common. Choose another.'],
      }),
      { status: 400, statusText: 'Bad Request' },
    );

    expect(fieldErrors('password')).toEqual(['This password is too common. Choose another.']);
    expect(alertText()).toBe('');

    await fill('another-long-password', 'another-long-password');
    expect(fieldErrors('password')).toEqual([]);
  });

  it.each([
    ['410', 410, aProblem(410, 'Gone.')],
    ['400 about the token', 400, aProblem(400, 'Invalid.', { token: ['The link is not valid.'] })],
  ])('says the link is used or expired on %s', async (_label, status, body) => {
    await open();
    await fill(STRONG, STRONG);
    await submit();
    await answer(body, { status, statusText: 'Error' });

    expect(alertText()).toBe(
      'This link has expired or has already been used. Ask an administrator for a new one.',
    );
    expect(fieldErrors('password')).toEqual([]);
  });

  it('shows any other failure in the alert region', async () => {
    await open();
    await fill(STRONG, STRONG);
    await submit();
    await answer(aProblem(500, 'The database is not reachable.'), {
      status: 500,
      statusText: 'Server Error',
    });

    expect(alertText()).toBe('The database is not reachable.');
  });
});
