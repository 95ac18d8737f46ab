import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { PORTFOLIO_API } from '../shared/api';
import { PORTFOLIO_CHART_LIMIT, PortfolioStore } from './portfolio.store';
import { aGate, aPage, aSummary, aTension, theCycles } from './portfolio.testing';

describe('PortfolioStore', () => {
  let store: PortfolioStore;
  let http: HttpTestingController;

  async function settle(): Promise<void> {
    await TestBed.inject(ApplicationRef).whenStable();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [PortfolioStore, provideHttpClient(), provideHttpClientTesting()],
    });
    store = TestBed.inject(PortfolioStore);
    http = TestBed.inject(HttpTestingController);
    TestBed.tick();
  });

  afterEach(() => http.verify());

  function flushAll(): void {
    http.expectOne(PORTFOLIO_API.summary).flush(aSummary());
    http.expectOne((r) => r.url === PORTFOLIO_API.tension).flush(aTension());
    http.expectOne((r) => r.url === '/api/approvals').flush(aPage([aGate()]));
    const cycles = http.expectOne((r) => r.url === '/api/cycles');
    expect(cycles.request.params.get('sort')).toBe('-startsOn');
    expect(cycles.request.params.get('to')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    cycles.flush(aPage(theCycles()));
  }

  it('loads the summary, tension, gates waiting and cycles', async () => {
    expect(store.summaryLoading()).toBe(true);
    flushAll();
    await settle();

    expect(store.summaryLoading()).toBe(false);
    expect(store.summary()?.initiatives).toBe(3);
    expect(store.tension()?.points).toHaveLength(2);
    expect(store.gates().map((g) => g.milestone.title)).toEqual(['Measure']);
    expect(store.gatesTotal()).toBe(1);
    expect(store.cycles().map((c) => c.name)).toEqual(['2026-Q2', '2026-Q1']);
  });

  it('reloads the tension (only) for the chosen cycle', async () => {
    flushAll();
    await settle();

    store.selectCycle('c1');
    TestBed.tick();
    const tension = http.expectOne((r) => r.url === PORTFOLIO_API.tension);
    expect(tension.request.params.get('cycleId')).toBe('c1');
    expect(tension.request.params.get('limit')).toBe(String(PORTFOLIO_CHART_LIMIT));
    tension.flush(
      aTension({ id: 'c1', name: '2026-Q1', startsOn: '2026-01-01', endsOn: '2026-03-31' }),
    );
    await settle();

    expect(store.tension()?.cycle?.name).toBe('2026-Q1');

    store.selectCycle('');
    TestBed.tick();
    const now = http.expectOne((r) => r.url === PORTFOLIO_API.tension);
    expect(now.request.params.has('cycleId')).toBe(false);
    now.flush(aTension());
    await settle();
  });

  it('exposes an error of the summary', async () => {
    http
      .expectOne(PORTFOLIO_API.summary)
      .flush({ title: 'Unavailable' }, { status: 503, statusText: 'Unavailable' });
    http.expectOne((r) => r.url === PORTFOLIO_API.tension).flush(aTension());
    http.expectOne((r) => r.url === '/api/approvals').flush(aPage([]));
    http.expectOne((r) => r.url === '/api/cycles').flush(aPage([]));
    await settle();

    expect(store.summaryError()).not.toBeNull();
    expect(store.summary()).toBeNull();
    expect(store.gates()).toEqual([]);
  });
});
