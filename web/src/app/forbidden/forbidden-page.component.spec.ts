import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { appRoutes } from '../app.routes';
import { aUser, provideTestHttp, startAs } from '../auth/auth.testing';
import { provideIcons } from '../shared/icons';
import { WaypointTitleStrategy } from '../title-strategy';
import { ForbiddenPageComponent } from './forbidden-page.component';

describe('ForbiddenPageComponent', () => {
  let harness: RouterTestingHarness;

  async function start(user: ReturnType<typeof aUser> | null): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        { provide: TitleStrategy, useClass: WaypointTitleStrategy },
        ...provideTestHttp(),
        provideIcons(),
      ],
    });
    await startAs(user);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/forbidden', ForbiddenPageComponent);
    return harness.routeNativeElement as HTMLElement;
  }

  it('says the role does not give access, and leads to the home place', async () => {
    const el = await start(aUser('member'));

    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Not allowed');
    expect(el.textContent).toContain('Your role, Member, does not give access to this page.');
    expect(TestBed.inject(Title).getTitle()).toBe('Not allowed · Waypoint');
    const link = el.querySelector('a');
    expect(link?.textContent?.trim()).toBe('Go to My work');
    expect(link?.getAttribute('href')).toBe('/my-work');
  });

  it('is where a member lands who opens Approvals', async () => {
    await start(aUser('member'));
    await harness.navigateByUrl('/approvals');

    expect(TestBed.inject(Router).url).toBe('/forbidden');
  });

  it('offers signing in to someone signed out', async () => {
    const el = await start(null);

    expect(el.querySelector('a')?.getAttribute('href')).toBe('/sign-in');
  });
});
