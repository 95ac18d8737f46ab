import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Component } from '@angular/core';
import { provideRouter, Router } from '@angular/router';
import { ALERTS_API, PORTFOLIO_API } from '../shared/api';
import { alertPage, anAlert } from '../shared/alerts/alert-list.testing';
import { PORTFOLIO_LINKS, statusParts } from './portfolio-format';
import { PortfolioMoneyComponent } from '../shared/money/portfolio-money.component';
import { PortfolioPageComponent } from './portfolio-page.component';
import {
  aGate,
  answerCycleFigures,
  aPage,
  aSummary,
  aTension,
  Q1,
  Q2,
  theCycles,
} from './portfolio.testing';

@Component({ selector: 'wp-portfolio-money', template: '' })
class NoMoneyPanel {}

describe('PortfolioPageComponent', () => {
  let fixture: ComponentFixture<PortfolioPageComponent>;
  let http: HttpTestingController;
  let el: HTMLElement;

  async function create(url = '/portfolio'): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'portfolio', component: PortfolioPageComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    // The money panel loads its own figures: its spec is shared/money/portfolio-money.component.spec.ts.
    TestBed.overrideComponent(PortfolioPageComponent, {
      remove: { imports: [PortfolioMoneyComponent] },
      add: { imports: [NoMoneyPanel] },
    });
    http = TestBed.inject(HttpTestingController);
    await TestBed.inject(Router).navigateByUrl(url);
    fixture = TestBed.createComponent(PortfolioPageComponent);
    el = fixture.nativeElement as HTMLElement;
    // Not whenStable(): the pending requests keep the app unstable until they are answered.
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  /** Lets answered requests land and what depends on them ask, without waiting for all. */
  async function land(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  /** The cycles first (the default is the latest started, 2026-Q2), then what depends on them. */
  async function flushAll(summary = aSummary(Q2), tension = aTension(Q2)): Promise<void> {
    http.expectOne((r) => r.url === '/api/approvals').flush(aPage([aGate()]));
    http.expectOne((r) => r.url === '/api/cycles').flush(aPage(theCycles()));
    await land();
    http.expectOne((r) => r.url === PORTFOLIO_API.summary).flush(summary);
    http.expectOne((r) => r.url === PORTFOLIO_API.tension).flush(tension);
    http.expectOne((r) => r.url === ALERTS_API.list).flush(alertPage([anAlert()]));
    await fixture.whenStable();
  }

  const text = (node: Element | null | undefined) =>
    node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('shows one h1 and loading states first', async () => {
    await create();
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Loading the portfolio');
    await flushAll();
  });

  it('shows the headline figures, each saying what it covers', async () => {
    await create();
    await flushAll();
    const figures = Array.from(el.querySelectorAll('.figure')).map((f) =>
      Array.from(f.querySelectorAll('span'))
        .map((span) => text(span))
        .join(' | '),
    );

    expect(figures).toEqual([
      '3 | Initiatives | 1 proposed, 2 active | As of today',
      '1 | Gates waiting | Oldest waiting 3 days | As of today',
      '2 | Open conditions | Set at gates, not closed yet | As of today',
      '4 | Stale measures | Of active initiatives | As of today',
      '1 | Tension alerts | 1 critical | In 2026-Q2',
    ]);
  });

  it('makes every card with a list behind it a link to that list', async () => {
    await create();
    await flushAll();
    const hrefs = Array.from(el.querySelectorAll<HTMLAnchorElement>('.figure a')).map((a) =>
      a.getAttribute('href'),
    );

    expect(hrefs).toEqual([
      '/initiatives',
      '/initiatives?status=proposed',
      '/initiatives?status=active',
      '/approvals',
      '/conditions',
      '/kpi-review?stale=true',
      '/portfolio#alerts',
    ]);
    const conditions = el.querySelector<HTMLAnchorElement>('.figure a[href="/conditions"]');
    expect(conditions?.querySelector('.figure__value')?.textContent?.trim()).toBe('2');
    expect(conditions?.querySelector('.figure__label')?.textContent?.trim()).toBe(
      'Open conditions',
    );
    expect(el.querySelector('#alerts')).not.toBeNull();
    expect(el.querySelector('.gate__title')?.getAttribute('href')).toBe('/approvals/m2');
  });

  it('names the picked cycle on the chart and the alerts, and shows the moves over it', async () => {
    await create();
    await flushAll();

    expect(text(el.querySelector('[data-testid="tension-scope"]'))).toBe('In 2026-Q2');
    expect(text(el.querySelector('wp-alert-list h2'))).toBe('Tension alerts in 2026-Q2');
    expect(text(el.querySelector('wp-tension-chart tbody tr .chart__movement'))).toBe(
      'Customer 50% → 70% (+20 points), business 45% → 40% (-5 points)',
    );
  });

  it('shows the live alerts of the picked cycle (the shared list), the gate and the stages', async () => {
    await create();
    http.expectOne((r) => r.url === '/api/approvals').flush(aPage([aGate()]));
    http.expectOne((r) => r.url === '/api/cycles').flush(aPage(theCycles()));
    await land();
    http.expectOne((r) => r.url === PORTFOLIO_API.summary).flush(aSummary(Q2));
    http.expectOne((r) => r.url === PORTFOLIO_API.tension).flush(aTension(Q2));
    const alerts = http.expectOne((r) => r.url === ALERTS_API.list);
    expect(alerts.request.params.get('cycleId')).toBe('c2');
    expect(alerts.request.params.get('status')).toBe('live');
    alerts.flush(alertPage([anAlert()]));
    await fixture.whenStable();

    expect(el.querySelector('wp-alert-list .wp-alert__meta a')?.textContent?.trim()).toBe(
      'Self-service for occasional buyers',
    );
    expect(el.querySelector('wp-alert-list .wp-alert__indices dd')?.textContent?.trim()).toBe(
      '0% → -40% (-40 points)',
    );
    expect(text(el.querySelector('.gate__title'))).toBe('Call-backs instead of queueing / Measure');
    expect(text(el)).toContain('waiting 3 days');
    expect(el.querySelector('a[href="/approvals"]')).not.toBeNull();
    expect(
      Array.from(el.querySelectorAll('.stages tbody th')).map((th) => th.textContent?.trim()),
    ).toEqual(['Gate 2', 'No milestones']);
    expect(el.querySelector('wp-tension-chart table')?.textContent).toContain(
      'Know our best small-business customers',
    );
  });

  it('says how many of all initiatives the chart shows when the API sent only the top', async () => {
    await create();
    await flushAll(aSummary(Q2), { ...aTension(Q2), total: 9000 });

    expect(text(el.querySelector('[data-testid="tension-cap"]'))).toContain(
      'Showing the 2 of 9000 initiatives',
    );
  });

  it('says how many initiatives the stage list leaves out (the API sends a few per stage)', async () => {
    await create();
    await flushAll();
    expect(el.querySelectorAll('.stage-items li')).toHaveLength(1);
    expect(text(el)).toContain('Showing 1 of 3 initiatives');
  });

  it('shows no cap note when every initiative is on the chart', async () => {
    await create();
    await flushAll();
    expect(el.querySelector('[data-testid="tension-cap"]')).toBeNull();
  });

  it('opens the initiative chosen on the tension chart', async () => {
    await create();
    await flushAll();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

    el.querySelector<HTMLAnchorElement>('wp-tension-chart tbody a')?.click();

    expect(navigate).toHaveBeenCalledWith(['/initiatives', 'i1']);
  });

  it('puts the picked cycle in the address, and reloads every cycle-bound figure for it', async () => {
    await create();
    await flushAll();
    const select = el.querySelector<HTMLSelectElement>('#portfolio-cycle');
    if (!select) throw new Error('no cycle select');
    expect(Array.from(select.options).map((o) => o.textContent?.trim())).toEqual([
      '2026-Q2',
      '2026-Q1',
      'Now (today)',
    ]);
    expect(select.value).toBe('c2');

    select.value = 'c1';
    select.dispatchEvent(new Event('change'));
    await land();

    expect(TestBed.inject(Router).url).toBe('/portfolio?cycle=c1');
    answerCycleFigures(http, Q1);
    http
      .expectOne((r) => r.url === ALERTS_API.list && r.params.get('cycleId') === 'c1')
      .flush(alertPage([]));
    await fixture.whenStable();

    expect(text(el.querySelector('[data-testid="figure-alerts"] .figure__scope'))).toBe(
      'In 2026-Q1',
    );
    expect(text(el.querySelector('[data-testid="tension-scope"]'))).toBe('In 2026-Q1');
    expect(text(el.querySelector('wp-alert-list h2'))).toBe('Tension alerts in 2026-Q1');
    expect(el.querySelector('[data-testid="figure-alerts"] a')?.getAttribute('href')).toBe(
      '/portfolio?cycle=c1#alerts',
    );
  });

  it('opens on the cycle of the address (kept on reload), or on now', async () => {
    await create('/portfolio?cycle=now');
    http.expectOne((r) => r.url === '/api/approvals').flush(aPage([aGate()]));
    http.expectOne((r) => r.url === '/api/cycles').flush(aPage(theCycles()));
    const summary = http.expectOne((r) => r.url === PORTFOLIO_API.summary);
    expect(summary.request.params.has('cycleId')).toBe(false);
    summary.flush(aSummary(Q2));
    http.expectOne((r) => r.url === PORTFOLIO_API.tension).flush(aTension());
    await land();
    // Now: the alerts are those of the latest started cycle, as the summary counts them.
    http
      .expectOne((r) => r.url === ALERTS_API.list && r.params.get('cycleId') === 'c2')
      .flush(alertPage([]));
    await fixture.whenStable();

    expect(el.querySelector<HTMLSelectElement>('#portfolio-cycle')?.value).toBe('now');
    expect(text(el.querySelector('[data-testid="tension-scope"]'))).toBe('Now');
    expect(text(el.querySelector('wp-tension-chart tbody tr .chart__movement'))).toBe(
      'No movement to show',
    );
  });

  it('shows an error with a retry when the summary fails', async () => {
    await create();
    http.expectOne((r) => r.url === '/api/approvals').flush(aPage([]));
    http.expectOne((r) => r.url === '/api/cycles').flush(aPage(theCycles()));
    await land();
    http
      .expectOne((r) => r.url === PORTFOLIO_API.summary)
      .flush({ title: 'Unavailable' }, { status: 503, statusText: 'Unavailable' });
    http.expectOne((r) => r.url === PORTFOLIO_API.tension).flush(aTension(Q2));
    http.expectOne((r) => r.url === ALERTS_API.list).flush(alertPage([]));
    await fixture.whenStable();

    expect(el.querySelector('[role="alert"]')?.textContent).toContain('could not be loaded');
    expect(el.textContent).toContain('No gate is waiting for your decision.');
    expect(el.textContent).toContain('No open alerts');

    el.querySelector<HTMLButtonElement>('.portfolio__button')?.click();
    fixture.detectChanges();
    // The retry reloads the portfolio's figures; the alert list loads (and refreshes) its own.
    http.expectOne((r) => r.url === '/api/approvals').flush(aPage([aGate()]));
    http.expectOne((r) => r.url === '/api/cycles').flush(aPage(theCycles()));
    http.expectOne((r) => r.url === PORTFOLIO_API.summary).flush(aSummary(Q2));
    http.expectOne((r) => r.url === PORTFOLIO_API.tension).flush(aTension(Q2));
    await fixture.whenStable();
    expect(el.querySelectorAll('.figure')).toHaveLength(5);
  });
});

describe('the portfolio links', () => {
  it('lead each status to the initiatives of that status', () => {
    const parts = statusParts({
      draft: 0,
      proposed: 0,
      active: 2,
      on_hold: 1,
      completed: 0,
      stopped: 1,
    });
    expect(parts.map((p) => [p.text, p.link])).toEqual([
      ['2 active', { path: '/initiatives', queryParams: { status: 'active' } }],
      ['1 on hold', { path: '/initiatives', queryParams: { status: 'on_hold' } }],
      ['1 stopped', { path: '/initiatives', queryParams: { status: 'stopped' } }],
    ]);
    expect(PORTFOLIO_LINKS.gate('m9')).toEqual({ path: '/approvals/m9' });
    expect(PORTFOLIO_LINKS.openConditions).toEqual({ path: '/conditions' });
    expect(PORTFOLIO_LINKS.staleMeasures).toEqual({
      path: '/kpi-review',
      queryParams: { stale: 'true' },
    });
  });
});
