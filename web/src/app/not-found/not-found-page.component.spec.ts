import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUserResponse } from '@waypoint/contracts';
import { appRoutes } from '../app.routes';
import { withStubPlaces } from '../testing-stub-places';
import { aUser, provideTestHttp, startAs } from '../auth/auth.testing';
import { provideIcons } from '../shared/icons';
import { WaypointTitleStrategy } from '../title-strategy';
import { NotFoundPageComponent } from './not-found-page.component';

describe('NotFoundPageComponent', () => {
  let harness: RouterTestingHarness;

  async function start(user: CurrentUserResponse | null = aUser('executive')): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(withStubPlaces(appRoutes), withComponentInputBinding()),
        { provide: TitleStrategy, useClass: WaypointTitleStrategy },
        ...provideTestHttp(),
        provideIcons(),
      ],
    });
    await startAs(user);
    harness = await RouterTestingHarness.create();
  }

  it.each(['/no-such-place', '/portfolio/extra/segments', '/approval'])(
    'is shown for the unknown URL %s',
    async (url) => {
      await start();
      await harness.navigateByUrl(url, NotFoundPageComponent);
      const el = harness.routeNativeElement as HTMLElement;

      expect(el.querySelector('h1')?.textContent?.trim()).toBe('Page not found');
      expect(TestBed.inject(Title).getTitle()).toBe('Page not found · Waypoint');
    },
  );

  it("offers a way back to the user's home place", async () => {
    await start(aUser('executive'));
    await harness.navigateByUrl('/no-such-place', NotFoundPageComponent);
    const link = (harness.routeNativeElement as HTMLElement).querySelector('a');

    expect(link?.textContent?.trim()).toBe('Go to Portfolio');
    expect(link?.getAttribute('href')).toBe('/portfolio');
    link?.click();
    await harness.fixture.whenStable();

    expect(TestBed.inject(Title).getTitle()).toBe('Portfolio · Waypoint');
    expect(TestBed.inject(Router).url).toBe('/portfolio');
  });

  it("leads a member to My work, their home, not to the executives' portfolio", async () => {
    await start(aUser('member'));
    await harness.navigateByUrl('/no-such-place', NotFoundPageComponent);

    expect(harness.routeNativeElement?.querySelector('a')?.getAttribute('href')).toBe('/my-work');
  });

  it('offers signing in to someone signed out', async () => {
    await start(null);
    await harness.navigateByUrl('/no-such-place', NotFoundPageComponent);

    expect(harness.routeNativeElement?.querySelector('a')?.getAttribute('href')).toBe('/sign-in');
  });
});
