import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ALERTS_API, PORTFOLIO_API } from '../shared/api';
import { alertPage, anAlert } from '../shared/alerts/alert-list.testing';
import { PortfolioPageComponent } from './portfolio-page.component';
import { aGate, aPage, aSummary, aTension, theCycles } from './portfolio.testing';

describe('PortfolioPageComponent', () => {
  let fixture: ComponentFixture<PortfolioPageComponent>;
  let http: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PortfolioPageComponent);
    el = fixture.nativeElement as HTMLElement;
    // Not whenStable(): the pending requests keep the app unstable until they are answered.
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  async function flushAll(): Promise<void> {
    http.expectOne(PORTFOLIO_API.summary).flush(aSummary());
    http.expectOne((r) => r.url === PORTFOLIO_API.tension).flush(aTension());
    http.expectOne((r) => r.url === ALERTS_API.list).flush(alertPage([anAlert()]));
    http.expectOne((r) => r.url === '/api/approvals').flush(aPage([aGate()]));
    http.expectOne((r) => r.url === '/api/cycles').flush(aPage(theCycles()));
    await fixture.whenStable();
  }

  it('shows one h1 and loading states first', async () => {
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Loading the portfolio');
    await flushAll();
  });

  it('shows the headline figures', async () => {
    await flushAll();
    const figures = Array.from(el.querySelectorAll('.figure')).map((f) =>
      Array.from(f.querySelectorAll('span'))
        .map((span) => span.textContent?.trim())
        .join(' '),
    );

    expect(figures).toEqual([
      '3 Initiatives 1 proposed, 2 active',
      '1 Gates waiting Oldest waiting 3 days',
      '2 Open conditions Set at gates, not closed yet',
      '4 Stale measures Of active initiatives',
      '1 Tension alerts 1 critical · 2026-Q1',
    ]);
  });

  it('shows the live alerts of every initiative (the shared list), the gate and the stages', async () => {
    await flushAll();
    const text = el.textContent?.replace(/\s+/g, ' ') ?? '';

    expect(el.querySelector('wp-alert-list .wp-alert__meta a')?.textContent?.trim()).toBe(
      'Self-service for occasional buyers',
    );
    expect(el.querySelector('wp-alert-list .wp-alert__indices dd')?.textContent?.trim()).toBe(
      '0% → -40% (-40 points)',
    );
    expect(el.querySelector('.gate__title')?.textContent?.trim()).toBe(
      'Call-backs instead of queueing / Measure',
    );
    expect(text).toContain('waiting 3 days');
    expect(el.querySelector('a[href="/approvals"]')).not.toBeNull();
    expect(
      Array.from(el.querySelectorAll('.stages tbody th')).map((th) => th.textContent?.trim()),
    ).toEqual(['Gate 2', 'No milestones']);
    expect(el.querySelector('wp-tension-chart table')?.textContent).toContain(
      'Know our best small-business customers',
    );
  });

  it('says how many of all initiatives the chart shows when the API sent only the top', async () => {
    http.expectOne(PORTFOLIO_API.summary).flush(aSummary());
    http.expectOne((r) => r.url === PORTFOLIO_API.tension).flush({ ...aTension(), total: 9000 });
    http.expectOne((r) => r.url === ALERTS_API.list).flush(alertPage([anAlert()]));
    http.expectOne((r) => r.url === '/api/approvals').flush(aPage([aGate()]));
    http.expectOne((r) => r.url === '/api/cycles').flush(aPage(theCycles()));
    await fixture.whenStable();

    expect(
      el.querySelector('[data-testid="tension-cap"]')?.textContent?.replace(/\s+/g, ' '),
    ).toContain('Showing the 2 of 9000 initiatives');
  });

  it('says how many initiatives the stage list leaves out (the API sends a few per stage)', async () => {
    await flushAll();
    expect(el.querySelectorAll('.stage-items li')).toHaveLength(1);
    expect(el.textContent?.replace(/\s+/g, ' ')).toContain('Showing 1 of 3 initiatives');
  });

  it('shows no cap note when every initiative is on the chart', async () => {
    await flushAll();
    expect(el.querySelector('[data-testid="tension-cap"]')).toBeNull();
  });

  it('opens the initiative chosen on the tension chart', async () => {
    await flushAll();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

    el.querySelector<HTMLAnchorElement>('wp-tension-chart tbody a')?.click();

    expect(navigate).toHaveBeenCalledWith(['/initiatives', 'i1']);
  });

  it('reloads the tension chart when a cycle is chosen', async () => {
    await flushAll();
    const select = el.querySelector<HTMLSelectElement>('#portfolio-cycle');
    expect(Array.from(select?.options ?? []).map((o) => o.textContent?.trim())).toEqual([
      'Now (latest cycle)',
      '2026-Q2',
      '2026-Q1',
    ]);

    if (!select) throw new Error('no cycle select');
    select.value = 'c1';
    select.dispatchEvent(new Event('change'));
    fixture.detectChanges();

    const tension = http.expectOne((r) => r.url === PORTFOLIO_API.tension);
    expect(tension.request.params.get('cycleId')).toBe('c1');
    tension.flush(
      aTension({ id: 'c1', name: '2026-Q1', startsOn: '2026-01-01', endsOn: '2026-03-31' }),
    );
    await fixture.whenStable();
    expect(el.querySelector('.card__intro')?.textContent).toContain('over 2026-Q1');
  });

  it('shows an error with a retry when the summary fails', async () => {
    http
      .expectOne(PORTFOLIO_API.summary)
      .flush({ title: 'Unavailable' }, { status: 503, statusText: 'Unavailable' });
    http.expectOne((r) => r.url === PORTFOLIO_API.tension).flush(aTension());
    http.expectOne((r) => r.url === ALERTS_API.list).flush(alertPage([]));
    http.expectOne((r) => r.url === '/api/approvals').flush(aPage([]));
    http.expectOne((r) => r.url === '/api/cycles').flush(aPage([]));
    await fixture.whenStable();

    expect(el.querySelector('[role="alert"]')?.textContent).toContain('could not be loaded');
    expect(el.textContent).toContain('No gate is waiting for your decision.');
    expect(el.textContent).toContain('No open alerts');

    el.querySelector<HTMLButtonElement>('.portfolio__button')?.click();
    fixture.detectChanges();
    // The retry reloads the portfolio's figures; the alert list loads (and refreshes) its own.
    http.expectOne(PORTFOLIO_API.summary).flush(aSummary());
    http.expectOne((r) => r.url === PORTFOLIO_API.tension).flush(aTension());
    http.expectOne((r) => r.url === '/api/approvals').flush(aPage([aGate()]));
    http.expectOne((r) => r.url === '/api/cycles').flush(aPage(theCycles()));
    await fixture.whenStable();
    expect(el.querySelectorAll('.figure')).toHaveLength(5);
  });
});
