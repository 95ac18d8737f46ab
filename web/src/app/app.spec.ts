import { BreakpointObserver, BreakpointState } from '@angular/cdk/layout';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router, TitleStrategy, withComponentInputBinding } from '@angular/router';
import type { CurrentUserResponse } from '@waypoint/contracts';
import { BehaviorSubject } from 'rxjs';
import { App } from './app';
import { appRoutes } from './app.routes';
import { aProblem, aUser, httpMock, provideTestHttp, startAs } from './auth/auth.testing';
import { AUTH_API } from './shared/api';
import { AuthStore } from './auth/auth.store';
import { PAGE_LOCATION } from './auth/page-location';
import { provideIcons } from './shared/icons';
import { initialsOf, NARROW_SCREEN } from './shell/app-chrome.component';
import { WaypointTitleStrategy } from './title-strategy';

const EXPECTED_NAV = [
  ['Portfolio', '/portfolio'],
  ['Approvals', '/approvals'],
  ['Initiatives', '/initiatives'],
  ['Conditions', '/conditions'],
  ['My work', '/my-work'],
  ['Cycles', '/cycles'],
  ['Customer groups', '/customer-groups'],
  ['Ideas', '/ideas'],
  ['Moments', '/moments'],
  ['KPI review', '/kpi-review'],
  ['Brief', '/brief'],
  ['Self-assessment', '/self-assessment'],
  ['Wins', '/wins'],
  ['Administration', '/admin'],
];

/** A BreakpointObserver whose screen width the test controls. */
class FakeBreakpoints {
  readonly state = new BehaviorSubject<BreakpointState>({ matches: false, breakpoints: {} });
  observe(query: string) {
    expect(query).toBe(NARROW_SCREEN);
    return this.state.asObservable();
  }
  isMatched(): boolean {
    return this.state.value.matches;
  }
  setNarrow(matches: boolean): void {
    this.state.next({ matches, breakpoints: { [NARROW_SCREEN]: matches } });
  }
}

/**
 * jsdom has <dialog> without showModal() and close(): what the drawer uses of them, as Chromium
 * does it (open attribute, then a close event).
 */
function polyfillDialog(): void {
  const proto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  proto.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close ??= function (this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

describe('App shell', () => {
  beforeAll(polyfillDialog);
  // The first visit to a place compiles its lazy chunk (charts included), slow on a busy machine.
  jest.setTimeout(30_000);
  let fixture: ComponentFixture<App>;
  let el: HTMLElement;
  let breakpoints: FakeBreakpoints;
  let pageLocation: { assign: jest.Mock };

  /** Opens `url` in the shell, signed in as `user` (an admin unless told; null: signed out). */
  async function start(
    url: string,
    narrow = false,
    user: CurrentUserResponse | null = aUser('admin'),
  ): Promise<void> {
    breakpoints = new FakeBreakpoints();
    breakpoints.setNarrow(narrow);
    pageLocation = { assign: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        { provide: TitleStrategy, useClass: WaypointTitleStrategy },
        { provide: BreakpointObserver, useValue: breakpoints },
        { provide: PAGE_LOCATION, useValue: pageLocation },
        ...provideTestHttp(),
        provideIcons(),
      ],
    });
    await startAs(user);
    fixture = TestBed.createComponent(App);
    el = fixture.nativeElement as HTMLElement;
    await TestBed.inject(Router).navigateByUrl(url);
    await stable();
  }

  /**
   * Waits until the app is stable, answering the places' own data requests (not under test
   * here) with a 503, so that their pending loads do not keep the app from settling.
   */
  async function stable(): Promise<void> {
    let done = false;
    const whenStable = fixture.whenStable().then(() => (done = true));
    while (!done) {
      for (const request of httpMock().match((r) => !r.url.startsWith('/api/auth/'))) {
        request.flush(aProblem(503), { status: 503, statusText: 'Unavailable' });
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await whenStable;
  }

  const navLinks = () => Array.from(el.querySelectorAll<HTMLAnchorElement>('nav a'));
  const currentLinks = () =>
    navLinks()
      .filter((a) => a.getAttribute('aria-current') === 'page')
      .map((a) => a.textContent?.trim());
  /** The navigation's box: a <div> beside the content, or a modal <dialog> (the drawer). */
  const navBox = () => el.querySelector<HTMLElement>('#app-nav');
  const drawerOpen = () => (navBox() as HTMLDialogElement | null)?.open ?? false;
  /** Lets the drawer's events arrive. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 10));
    await stable();
  }
  const menuButton = () => el.querySelector<HTMLButtonElement>('header button[aria-controls]');
  const userButton = () =>
    el.querySelector<HTMLButtonElement>('header button[popovertarget="user-menu"]');
  const userMenu = () => el.querySelector<HTMLElement>('#user-menu');
  const signOutButton = () =>
    Array.from(userMenu()?.querySelectorAll('button') ?? []).find((b) =>
      b.textContent?.includes('Sign out'),
    );
  afterEach(() => httpMock().verify());

  it('has header, navigation and main landmarks and the product name', async () => {
    await start('/portfolio');

    expect(el.querySelector('header')?.textContent).toContain('Waypoint');
    expect(el.querySelector('nav')?.getAttribute('aria-label')).toBe('Main');
    expect(el.querySelector('main#main-content')).not.toBeNull();
  });

  it('links to every place, in order', async () => {
    await start('/portfolio');

    expect(navLinks().map((a) => [a.textContent?.trim(), a.getAttribute('href')])).toEqual(
      EXPECTED_NAV,
    );
  });

  it('opens the portfolio by default and marks its link as the current page', async () => {
    await start('/');

    expect(TestBed.inject(Router).url).toBe('/portfolio');
    expect(el.querySelector('main h1')?.textContent?.trim()).toBe('Portfolio');
    expect(currentLinks()).toEqual(['Portfolio']);
  });

  it('moves aria-current with navigation, including into one initiative', async () => {
    await start('/approvals');
    expect(currentLinks()).toEqual(['Approvals']);

    await TestBed.inject(Router).navigateByUrl('/initiatives/42');
    await stable();
    expect(currentLinks()).toEqual(['Initiatives']);
    // The initiative page owns its heading (its title once loaded); the shell only routes to it.
    expect(el.querySelector('main h1')).not.toBeNull();
  });

  it('marks no link current on an unknown page', async () => {
    await start('/nowhere');

    expect(currentLinks()).toEqual([]);
    expect(el.querySelector('main h1')?.textContent?.trim()).toBe('Page not found');
  });

  it('titles the document after the page', async () => {
    await start('/kpi-review');

    expect(document.title).toBe('KPI review · Waypoint');
  });

  it('skip link moves focus to the main content without navigating', async () => {
    await start('/cycles');
    el.querySelector<HTMLAnchorElement>('.skip-link')?.click();

    expect(document.activeElement).toBe(el.querySelector('main'));
    expect(TestBed.inject(Router).url).toBe('/cycles');
  });

  it('offers a member only the places of their role, and their home from the brand', async () => {
    await start('/my-work', false, aUser('member'));

    expect(navLinks().map((a) => a.textContent?.trim())).toEqual([
      'Initiatives',
      'My work',
      'Customer groups',
      'Ideas',
      'Moments',
      'Brief',
      'Self-assessment',
      'Wins',
    ]);
    expect(el.querySelector('.app-brand')?.getAttribute('href')).toBe('/my-work');
    expect(currentLinks()).toEqual(['My work']);
  });

  it('offers an executive Approvals, and no My work', async () => {
    await start('/portfolio', false, aUser('executive'));
    const labels = navLinks().map((a) => a.textContent?.trim());

    expect(labels).toContain('Approvals');
    expect(labels).not.toContain('My work');
  });

  it('shows who is signed in: name and role on the button, more in its popover', async () => {
    await start('/initiatives', false, aUser('manager'));

    expect(userButton()?.textContent).toContain('Max Manager');
    expect(userButton()?.textContent).toContain('Manager');
    expect(userButton()?.getAttribute('popovertarget')).toBe('user-menu');
    expect(userMenu()?.hasAttribute('popover')).toBe(true);
    const details = userMenu()?.textContent?.replace(/\s+/g, ' ');
    expect(details).toContain('manager@waypoint.test');
    expect(details).toContain('Manager · Operations');
  });

  it('leaves out the department when the user has none', async () => {
    await start('/portfolio', false, aUser('admin', { department: null }));

    expect(userMenu()?.textContent).not.toContain('·');
  });

  it('signs out, then loads the sign-in page afresh', async () => {
    await start('/portfolio');
    signOutButton()?.click();
    const request = httpMock().expectOne(AUTH_API.logout);
    expect(request.request.method).toBe('POST');
    request.flush({ endSessionUrl: null });
    await settle();

    expect(pageLocation.assign).toHaveBeenCalledWith('/sign-in');
    expect(TestBed.inject(AuthStore).user()).toBeNull();
    expect(el.querySelector('header')).toBeNull();
    expect(el.textContent).toContain('Signing out…');
  });

  it('ends a single-sign-on session at the provider too, by way of its end-session URL', async () => {
    await start('/portfolio');
    signOutButton()?.click();
    const url = 'https://login.example/session/end?id_token_hint=x';
    httpMock().expectOne(AUTH_API.logout).flush({ endSessionUrl: url });
    await settle();

    expect(pageLocation.assign).toHaveBeenCalledWith(url);
  });

  it('stays signed in and says so when signing out fails', async () => {
    await start('/portfolio');
    signOutButton()?.click();
    httpMock()
      .expectOne(AUTH_API.logout)
      .flush(aProblem(503, 'Try again in a minute.'), { status: 503, statusText: 'Unavailable' });
    await settle();

    expect(pageLocation.assign).not.toHaveBeenCalled();
    expect(userMenu()?.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Signing out failed: Try again in a minute.',
    );
    expect(navLinks().length).toBeGreaterThan(0);
  });

  it.each(['/sign-in', '/set-password?token=t'])(
    'shows %s without toolbar and navigation, inside the main landmark',
    async (url) => {
      await start(url, false, null);

      expect(el.querySelector('header')).toBeNull();
      expect(el.querySelector('nav')).toBeNull();
      expect(el.querySelector('.skip-link')).toBeNull();
      expect(el.querySelector('main h1')).not.toBeNull();
    },
  );

  it('shows no toolbar or navigation to someone signed out', async () => {
    await start('/nowhere', false, null);

    expect(el.querySelector('header')).toBeNull();
    expect(el.querySelector('main h1')?.textContent?.trim()).toBe('Page not found');
  });

  it('hides the toolbar and navigation once the session has ended (401)', async () => {
    await start('/cycles');
    expect(el.querySelector('header')).not.toBeNull();
    TestBed.inject(AuthStore).clear();
    await stable();

    expect(el.querySelector('header')).toBeNull();
    expect(el.querySelector('nav')).toBeNull();
  });

  describe('on a wide screen', () => {
    it('keeps the navigation open beside the content, without a menu button', async () => {
      await start('/portfolio');

      expect(navBox()?.tagName).toBe('DIV');
      expect(navBox()?.querySelector('nav[aria-label="Main"]')).not.toBeNull();
      expect(menuButton()).toBeNull();
    });
  });

  describe('on a narrow screen', () => {
    it('hides the navigation behind a menu button', async () => {
      await start('/portfolio', true);

      expect(navBox()?.tagName).toBe('DIALOG');
      expect(drawerOpen()).toBe(false);
      expect(menuButton()?.getAttribute('aria-expanded')).toBe('false');
    });

    it("keeps the user's name for screen readers while showing only the avatar", async () => {
      await start('/portfolio', true);
      const text = userButton()?.querySelector('.user-button__text');

      expect(text?.classList).toContain('visually-hidden');
      expect(text?.textContent).toContain('Ada Admin');
    });

    it('opens with the menu button and closes after choosing a place', async () => {
      await start('/portfolio', true);
      menuButton()?.click();
      await stable();

      expect(drawerOpen()).toBe(true);
      expect(menuButton()?.getAttribute('aria-expanded')).toBe('true');

      navLinks()[5].click();
      await stable();

      expect(TestBed.inject(Router).url).toBe('/cycles');
      expect(drawerOpen()).toBe(false);
    });

    it('keeps the menu button in step when the drawer closes itself (Escape)', async () => {
      await start('/portfolio', true);
      menuButton()?.click();
      await stable();
      // The browser closes a modal dialog on Escape by itself, then tells with a close event.
      (navBox() as HTMLDialogElement).close();
      await settle();

      expect(drawerOpen()).toBe(false);
      expect(menuButton()?.getAttribute('aria-expanded')).toBe('false');
    });

    it('lets the browser close the drawer on a click on the scrim', async () => {
      await start('/portfolio', true);

      expect(navBox()?.getAttribute('closedby')).toBe('any');
    });

    it('switches to side mode when the screen widens', async () => {
      await start('/portfolio', true);
      breakpoints.setNarrow(false);
      await stable();

      expect(navBox()?.tagName).toBe('DIV');
      expect(navLinks().length).toBe(EXPECTED_NAV.length);
    });
  });
});

describe('initialsOf', () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['ada', 'A'],
    ['  Mary  Ann   Evans ', 'ME'],
    ['', '?'],
  ])('turns "%s" into "%s"', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
