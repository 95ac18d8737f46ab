import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { PORTFOLIO_API } from '../shared/api';
import { PortfolioPageComponent } from './portfolio-page.component';
import { aGate, aPage, aSummary, aTension, theAlerts, theCycles } from './portfolio.testing';

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
    http.expectOne((r) => r.url === PORTFOLIO_API.alerts).flush(theAlerts());
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

  it('shows the alert with its explanation and readings, the gate and the stages', async () => {
    await flushAll();
    const text = el.textContent?.replace(/\s+/g, ' ') ?? '';

    expect(el.querySelector('.alert__explanation')?.textContent).toBe(
      'Loyal families satisfaction fell from 8.1 to 7.2.',
    );
    expect(el.querySelectorAll('.alert__readings tbody tr')).toHaveLength(2);
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
    http.expectOne((r) => r.url === PORTFOLIO_API.alerts).flush(theAlerts());
    http.expectOne((r) => r.url === '/api/approvals').flush(aPage([aGate()]));
    http.expectOne((r) => r.url === '/api/cycles').flush(aPage(theCycles()));
    await fixture.whenStable();

    expect(
      el.querySelector('[data-testid="tension-cap"]')?.textContent?.replace(/\s+/g, ' '),
    ).toContain('Showing the 2 of 9000 initiatives');
  });

  it('says how many alerts there are when the API sent only the first', async () => {
    http.expectOne(PORTFOLIO_API.summary).flush(aSummary());
    http.expectOne((r) => r.url === PORTFOLIO_API.tension).flush(aTension());
    http.expectOne((r) => r.url === PORTFOLIO_API.alerts).flush({ ...theAlerts(), total: 40 });
    http.expectOne((r) => r.url === '/api/approvals').flush(aPage([aGate()]));
    http.expectOne((r) => r.url === '/api/cycles').flush(aPage(theCycles()));
    await fixture.whenStable();

    const text = el.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('40 in 2026-Q1.');
    expect(text).toContain('Showing the first 1 of 40 alerts.');
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

  it('reloads tension and alerts when a cycle is chosen', async () => {
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
    const alerts = http.expectOne((r) => r.url === PORTFOLIO_API.alerts);
    expect(tension.request.params.get('cycleId')).toBe('c1');
    expect(alerts.request.params.get('cycleId')).toBe('c1');
    tension.flush(
      aTension({ id: 'c1', name: '2026-Q1', startsOn: '2026-01-01', endsOn: '2026-03-31' }),
    );
    alerts.flush(theAlerts());
    await fixture.whenStable();
    expect(el.querySelector('.card__intro')?.textContent).toContain('over 2026-Q1');
  });

  it('shows an error with a retry when the summary fails', async () => {
    http
      .expectOne(PORTFOLIO_API.summary)
      .flush({ title: 'Unavailable' }, { status: 503, statusText: 'Unavailable' });
    http.expectOne((r) => r.url === PORTFOLIO_API.tension).flush(aTension());
    http
      .expectOne((r) => r.url === PORTFOLIO_API.alerts)
      .flush({ ...theAlerts(), total: 0, items: [] });
    http.expectOne((r) => r.url === '/api/approvals').flush(aPage([]));
    http.expectOne((r) => r.url === '/api/cycles').flush(aPage([]));
    await fixture.whenStable();

    expect(el.querySelector('[role="alert"]')?.textContent).toContain('could not be loaded');
    expect(el.textContent).toContain('No gate is waiting for your decision.');
    expect(el.textContent).toContain('No tension alerts');

    el.querySelector<HTMLButtonElement>('.portfolio__button')?.click();
    fixture.detectChanges();
    await flushAll();
    expect(el.querySelectorAll('.figure')).toHaveLength(5);
  });
});
