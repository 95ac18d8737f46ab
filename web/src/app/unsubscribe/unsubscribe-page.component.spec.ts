import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { appRoutes } from '../app.routes';
import { aProblem, httpMock, provideTestHttp, startAs } from '../auth/auth.testing';
import { provideIcons } from '../shared/icons';
import { UnsubscribePageComponent } from './unsubscribe-page.component';

const tick = () => new Promise((resolve) => setTimeout(resolve));

describe('UnsubscribePageComponent', () => {
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

  const page = () => harness.routeNativeElement as HTMLElement;
  const text = () => page().textContent?.replace(/\s+/g, ' ') ?? '';

  async function open(url: string): Promise<void> {
    await harness.navigateByUrl(url, UnsubscribePageComponent);
    harness.fixture.detectChanges();
  }

  it('opening the link only describes it; the button unsubscribes', async () => {
    await open('/unsubscribe?token=tok-1');
    const preview = httpMock().expectOne({ method: 'POST', url: '/api/email/unsubscribe/preview' });
    expect(preview.request.body).toEqual({ token: 'tok-1' });
    preview.flush({ email: 'ada@example.com', kinds: ['step'] });
    await tick();
    await harness.fixture.whenStable();
    expect(text()).toContain('No more emails to ada@example.com about:');
    expect(text()).toContain('My steps: assigned or overdue');

    page().querySelector<HTMLButtonElement>('button')?.click();
    const post = httpMock().expectOne({ method: 'POST', url: '/api/email/unsubscribe' });
    expect(post.request.body).toEqual({ token: 'tok-1' });
    post.flush({ email: 'ada@example.com', kinds: ['step'] });
    await tick();
    await harness.fixture.whenStable();
    expect(text()).toContain('Done: ada@example.com will no longer get these emails.');
  });

  it('says a link that is not valid is not valid, and offers no button', async () => {
    await open('/unsubscribe?token=forged');
    httpMock()
      .expectOne({ method: 'POST', url: '/api/email/unsubscribe/preview' })
      .flush(aProblem(404, 'Not valid'), { status: 404, statusText: 'Not Found' });
    await tick();
    await harness.fixture.whenStable();
    expect(page().querySelector('[role="alert"]')?.textContent).toContain(
      'This unsubscribe link is not valid.',
    );
    expect(page().querySelector('button')).toBeNull();
  });
});
