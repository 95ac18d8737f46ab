import { BreakpointObserver, BreakpointState } from '@angular/cdk/layout';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSidenavHarness } from '@angular/material/sidenav/testing';
import { provideRouter, Router, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { BehaviorSubject } from 'rxjs';
import { App, NARROW_SCREEN } from './app';
import { appRoutes } from './app.routes';
import { provideIcons } from './shared/icons';
import { WaypointTitleStrategy } from './title-strategy';

const EXPECTED_NAV = [
  ['Portfolio', '/portfolio'],
  ['Approvals', '/approvals'],
  ['Initiatives', '/initiatives'],
  ['My work', '/my-work'],
  ['Cycles', '/cycles'],
  ['Customer groups', '/customer-groups'],
  ['KPI review', '/kpi-review'],
  ['Brief', '/brief'],
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

describe('App shell', () => {
  let fixture: ComponentFixture<App>;
  let el: HTMLElement;
  let breakpoints: FakeBreakpoints;

  async function start(url: string, narrow = false): Promise<void> {
    breakpoints = new FakeBreakpoints();
    breakpoints.setNarrow(narrow);
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        { provide: TitleStrategy, useClass: WaypointTitleStrategy },
        { provide: BreakpointObserver, useValue: breakpoints },
        provideIcons(),
      ],
    });
    fixture = TestBed.createComponent(App);
    el = fixture.nativeElement as HTMLElement;
    await TestBed.inject(Router).navigateByUrl(url);
    await fixture.whenStable();
  }

  const navLinks = () => Array.from(el.querySelectorAll<HTMLAnchorElement>('nav a'));
  const currentLinks = () =>
    navLinks()
      .filter((a) => a.getAttribute('aria-current') === 'page')
      .map((a) => a.textContent?.trim());
  const sidenav = () => TestbedHarnessEnvironment.loader(fixture).getHarness(MatSidenavHarness);
  /** Lets the drawer's timer-driven events (open/close notifications) arrive. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 10));
    await fixture.whenStable();
  }
  const menuButton = () => el.querySelector<HTMLButtonElement>('header button');

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
    await fixture.whenStable();
    expect(currentLinks()).toEqual(['Initiatives']);
    expect(el.querySelector('main h1')?.textContent?.trim()).toBe('Initiative 42');
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

  describe('on a wide screen', () => {
    it('keeps the navigation open beside the content, without a menu button', async () => {
      await start('/portfolio');
      const nav = await sidenav();

      expect(await nav.getMode()).toBe('side');
      expect(await nav.isOpen()).toBe(true);
      expect(menuButton()).toBeNull();
    });
  });

  describe('on a narrow screen', () => {
    it('hides the navigation behind a menu button', async () => {
      await start('/portfolio', true);
      const nav = await sidenav();

      expect(await nav.getMode()).toBe('over');
      expect(await nav.isOpen()).toBe(false);
      expect(menuButton()?.getAttribute('aria-expanded')).toBe('false');
    });

    it('opens with the menu button and closes after choosing a place', async () => {
      await start('/portfolio', true);
      menuButton()?.click();
      await fixture.whenStable();
      const nav = await sidenav();

      expect(await nav.isOpen()).toBe(true);
      expect(menuButton()?.getAttribute('aria-expanded')).toBe('true');

      navLinks()[4].click();
      await fixture.whenStable();

      expect(TestBed.inject(Router).url).toBe('/cycles');
      expect(await nav.isOpen()).toBe(false);
    });

    it('keeps the menu button in step when the drawer closes itself (Escape)', async () => {
      await start('/portfolio', true);
      menuButton()?.click();
      await fixture.whenStable();
      const drawer = el.querySelector('mat-sidenav');
      drawer?.dispatchEvent(new KeyboardEvent('keydown', { keyCode: 27, bubbles: true }));
      await settle();

      expect(await (await sidenav()).isOpen()).toBe(false);
      expect(menuButton()?.getAttribute('aria-expanded')).toBe('false');
    });

    it('switches to side mode when the screen widens', async () => {
      await start('/portfolio', true);
      breakpoints.setNarrow(false);
      await fixture.whenStable();
      const nav = await sidenav();

      expect(await nav.getMode()).toBe('side');
      expect(await nav.isOpen()).toBe(true);
    });
  });
});
