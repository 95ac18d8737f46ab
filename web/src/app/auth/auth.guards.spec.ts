import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ROLE_VALUES, type Role } from '@waypoint/contracts';
import { appRoutes } from '../app.routes';
import { PLACES, ROLE_HOME } from '../places';
import { provideIcons } from '../shared/icons';
import { placeGuard } from './auth.guards';
import { aUser, provideTestHttp, startAs } from './auth.testing';

describe('route guards', () => {
  let harness: RouterTestingHarness;
  let router: Router;

  async function start(role: Role | null): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        ...provideTestHttp(),
        provideIcons(),
      ],
    });
    await startAs(role ? aUser(role) : null);
    harness = await RouterTestingHarness.create();
    router = TestBed.inject(Router);
  }

  /** Navigates and returns where the router ended up. */
  async function open(url: string): Promise<string> {
    await harness.navigateByUrl(url);
    return router.url;
  }

  const h1 = () => harness.routeNativeElement?.querySelector('h1')?.textContent?.trim();

  describe('signed out', () => {
    beforeEach(() => start(null));

    it.each(PLACES.map((p) => `/${p.path}`))(
      'sends %s to sign-in with a returnUrl',
      async (url) => {
        expect(await open(url)).toBe(`/sign-in?returnUrl=${encodeURIComponent(url)}`);
      },
    );

    it('keeps the whole deep link, query included, in the returnUrl', async () => {
      const url = await open('/initiatives/42?tab=team');

      expect(router.parseUrl(url).queryParams).toEqual({ returnUrl: '/initiatives/42?tab=team' });
    });

    it('sends /profile and /admin/users to sign-in with a returnUrl', async () => {
      expect(await open('/profile')).toBe('/sign-in?returnUrl=%2Fprofile');
      expect(await open('/admin/users')).toBe('/sign-in?returnUrl=%2Fadmin%2Fusers');
    });

    it('shows an unknown URL as not found, with the way to sign in', async () => {
      expect(await open('/no-such-page')).toBe('/no-such-page');
      expect(harness.routeNativeElement?.textContent).toContain('Sign in');
    });

    it('sends the root URL to sign-in without a returnUrl', async () => {
      expect(await open('/')).toBe('/sign-in');
    });

    it('opens the sign-in and set-password pages', async () => {
      expect(await open('/sign-in')).toBe('/sign-in');
      expect(h1()).toBe('Sign in');
      expect(await open('/set-password?token=abc')).toBe('/set-password?token=abc');
      expect(h1()).toBe('Choose your password');
    });
  });

  describe.each(ROLE_VALUES)('signed in as %s', (role) => {
    beforeEach(() => start(role));

    it.each(PLACES.map((p) => [p.path, p.roles.includes(role)] as const))(
      'opens /%s only if the role is offered it (%s)',
      async (path, allowed) => {
        const url = await open(`/${path}`);

        expect(url).toBe(allowed ? `/${path}` : '/forbidden');
        if (!allowed) expect(h1()).toBe('Not allowed');
      },
    );

    it('keeps every /admin/ page to admins', async () => {
      expect(await open('/admin/audit')).toBe(role === 'admin' ? '/admin/audit' : '/forbidden');
    });

    it('opens the profile', async () => {
      expect(await open('/profile')).toBe('/profile');
      expect(h1()).toBe('Profile');
      TestBed.inject(HttpTestingController)
        .match(() => true)
        .forEach((request) => request.flush([]));
    });

    it('knows who is signed in on a page that does not exist (the way home, not sign-in)', async () => {
      await open('/no-such-page');
      expect(harness.routeNativeElement?.textContent).toContain(`Go to `);
      expect(harness.routeNativeElement?.textContent).not.toContain('Sign in');
    });

    it('takes the root URL to the home place', async () => {
      expect(await open('/')).toBe(`/${ROLE_HOME[role]}`);
    });

    it('passes the sign-in page by, to the home place', async () => {
      expect(await open('/sign-in')).toBe(`/${ROLE_HOME[role]}`);
    });
  });

  it('passes the sign-in page by to a safe returnUrl the role may open', async () => {
    await start('manager');

    expect(await open('/sign-in?returnUrl=%2Finitiatives%2F7')).toBe('/initiatives/7');
    expect(await open('/sign-in?returnUrl=https%3A%2F%2Fevil.example')).toBe('/initiatives');
    expect(await open('/sign-in?returnUrl=%2Fapprovals')).toBe('/initiatives');
  });

  it('refuses to guard a place that does not exist', () => {
    expect(() => placeGuard('no-such-place')).toThrow(/no place "no-such-place"/);
  });
});
