import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { PORTFOLIO_API } from '../shared/api';
import { PORTFOLIO_CHART_LIMIT, PORTFOLIO_NOW, PortfolioStore } from './portfolio.store';
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

describe('PortfolioStore', () => {
  let store: PortfolioStore;
  let http: HttpTestingController;
  /** The page's `?cycle=`. */
  const picked = signal<string | null>(null);

  async function settle(): Promise<void> {
    await TestBed.inject(ApplicationRef).whenStable();
  }

  /** Lets answered requests land and the resources that depend on them ask (no waiting for all). */
  async function land(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }

  beforeEach(async () => {
    picked.set(null);
    TestBed.configureTestingModule({
      providers: [PortfolioStore, provideHttpClient(), provideHttpClientTesting()],
    });
    store = TestBed.inject(PortfolioStore);
    store.connect(() => picked());
    http = TestBed.inject(HttpTestingController);
    TestBed.tick();
  });

  afterEach(() => http.verify());

  /** The cycles and gates first: the summary and tension wait for the default cycle. */
  async function flushCycles(): Promise<void> {
    http.expectOne((r) => r.url === '/api/approvals').flush(aPage([aGate()]));
    const cycles = http.expectOne((r) => r.url === '/api/cycles');
    expect(cycles.request.params.get('sort')).toBe('-startsOn');
    expect(cycles.request.params.get('to')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    cycles.flush(aPage(theCycles()));
    await land();
  }

  it('asks nothing of a cycle until the cycles are known, then shows the latest started one', async () => {
    http.expectNone(PORTFOLIO_API.summary);
    http.expectNone((r) => r.url === PORTFOLIO_API.tension);
    expect(store.summaryLoading()).toBe(true);
    expect(store.tensionLoading()).toBe(true);
    await flushCycles();

    const summary = http.expectOne((r) => r.url === PORTFOLIO_API.summary);
    const tension = http.expectOne((r) => r.url === PORTFOLIO_API.tension);
    expect(summary.request.params.get('cycleId')).toBe('c2');
    expect(tension.request.params.get('cycleId')).toBe('c2');
    expect(tension.request.params.get('limit')).toBe(String(PORTFOLIO_CHART_LIMIT));
    summary.flush(aSummary(Q2));
    tension.flush(aTension(Q2));
    await settle();

    expect(store.summaryLoading()).toBe(false);
    expect(store.summary()?.initiatives).toBe(3);
    expect(store.tension()?.points).toHaveLength(2);
    expect(store.gates().map((g) => g.milestone.title)).toEqual(['Measure']);
    expect(store.gatesTotal()).toBe(1);
    expect(store.cycles().map((c) => c.name)).toEqual(['2026-Q2', '2026-Q1']);
    expect(store.pickerValue()).toBe('c2');
    expect(store.cycleName()).toBe('2026-Q2');
    expect(store.alertsCycle()).toEqual({ id: 'c2', name: '2026-Q2' });
    expect(store.isNow()).toBe(false);
  });

  it('asks the summary and the tension for the picked cycle, and alerts follow it', async () => {
    picked.set('c1');
    TestBed.tick();
    // A picked cycle needs no cycle list first.
    answerCycleFigures(http, Q1);
    await flushCycles();

    expect(store.cycleName()).toBe('2026-Q1');
    expect(store.alertsCycle()).toEqual({ id: 'c1', name: '2026-Q1' });
  });

  it('asks for now without a cycle; the alerts are those of the latest started cycle', async () => {
    picked.set(PORTFOLIO_NOW);
    TestBed.tick();
    const summary = http.expectOne((r) => r.url === PORTFOLIO_API.summary);
    const tension = http.expectOne((r) => r.url === PORTFOLIO_API.tension);
    expect(summary.request.params.has('cycleId')).toBe(false);
    expect(tension.request.params.has('cycleId')).toBe(false);
    summary.flush(aSummary(Q2));
    tension.flush(aTension());
    await flushCycles();

    expect(store.isNow()).toBe(true);
    expect(store.pickerValue()).toBe(PORTFOLIO_NOW);
    expect(store.cycleName()).toBeNull();
    expect(store.alertsCycle()).toEqual({ id: 'c2', name: '2026-Q2' });
  });

  it('reloads when another cycle is picked', async () => {
    await flushCycles();
    http.expectOne((r) => r.url === PORTFOLIO_API.summary).flush(aSummary(Q2));
    http.expectOne((r) => r.url === PORTFOLIO_API.tension).flush(aTension(Q2));
    await settle();

    picked.set('c1');
    TestBed.tick();
    answerCycleFigures(http, Q1);
    await settle();

    expect(store.tension()?.cycle?.name).toBe('2026-Q1');
    expect(store.summary()?.alerts.cycle?.name).toBe('2026-Q1');
  });

  it('asks for now when no cycle has started yet', async () => {
    http.expectOne((r) => r.url === '/api/approvals').flush(aPage([]));
    http.expectOne((r) => r.url === '/api/cycles').flush(aPage([]));
    await land();

    const summary = http.expectOne((r) => r.url === PORTFOLIO_API.summary);
    expect(summary.request.params.has('cycleId')).toBe(false);
    summary.flush(aSummary(null));
    http.expectOne((r) => r.url === PORTFOLIO_API.tension).flush(aTension());
    await settle();
    expect(store.alertsCycle()).toBeNull();
  });

  it('exposes an error of the summary', async () => {
    await flushCycles();
    http
      .expectOne((r) => r.url === PORTFOLIO_API.summary)
      .flush({ title: 'Unavailable' }, { status: 503, statusText: 'Unavailable' });
    http.expectOne((r) => r.url === PORTFOLIO_API.tension).flush(aTension());
    await settle();

    expect(store.summaryError()).not.toBeNull();
    expect(store.summary()).toBeNull();
  });
});
