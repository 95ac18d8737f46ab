import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, TitleStrategy } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { appRoutes } from '../app.routes';
import { provideIcons } from '../shared/icons';
import { WaypointTitleStrategy } from '../title-strategy';
import { NotFoundPageComponent } from './not-found-page.component';

describe('NotFoundPageComponent', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes),
        { provide: TitleStrategy, useClass: WaypointTitleStrategy },
        provideIcons(),
      ],
    });
    harness = await RouterTestingHarness.create();
  });

  it.each(['/no-such-place', '/portfolio/extra/segments', '/approval'])(
    'is shown for the unknown URL %s',
    async (url) => {
      await harness.navigateByUrl(url, NotFoundPageComponent);
      const el = harness.routeNativeElement as HTMLElement;

      expect(el.querySelector('h1')?.textContent?.trim()).toBe('Page not found');
      expect(TestBed.inject(Title).getTitle()).toBe('Page not found · Waypoint');
    },
  );

  it('offers a way back to the portfolio', async () => {
    await harness.navigateByUrl('/no-such-place', NotFoundPageComponent);
    const link = (harness.routeNativeElement as HTMLElement).querySelector('a');

    expect(link?.getAttribute('href')).toBe('/portfolio');
    link?.click();
    await harness.fixture.whenStable();

    expect(TestBed.inject(Title).getTitle()).toBe('Portfolio · Waypoint');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Portfolio');
  });
});
