import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { CycleResponse } from '@waypoint/contracts';
import { aProblem, aUser, httpMock, provideTestHttp, startAs } from '../auth/auth.testing';
import { BriefStore, currentCycle } from './brief.store';

const tick = () => new Promise((resolve) => setTimeout(resolve));

function aCycle(id: string, startsOn: string, endsOn: string): CycleResponse {
  return { id, name: id, startsOn, endsOn, version: 1, createdAt: '', updatedAt: '' };
}

const CYCLES = [
  aCycle('2026-Q3', '2026-07-01', '2026-09-30'),
  aCycle('2026-Q4', '2026-10-01', '2026-12-31'),
];

describe('currentCycle', () => {
  it('is the running cycle, else the latest started, else null', () => {
    expect(currentCycle(CYCLES, '2026-11-23')?.id).toBe('2026-Q4');
    expect(currentCycle(CYCLES, '2027-02-01')?.id).toBe('2026-Q4');
    expect(currentCycle(CYCLES, '2026-01-01')).toBeNull();
  });
});

describe('BriefStore', () => {
  function setUp(role: 'executive' | 'member') {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), ...provideTestHttp(), BriefStore],
    });
    return startAs(aUser(role)).then(() => TestBed.inject(BriefStore));
  }
  afterEach(() => httpMock().verify());

  it('asks for the portfolio brief of the current cycle, then of the chosen one', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-23T12:00:00Z'), doNotFake: ['setTimeout'] });
    const store = await setUp('executive');
    TestBed.tick();
    await tick();
    httpMock()
      .expectOne('/api/initiatives?sort=title&order=asc&limit=50&offset=0')
      .flush({ items: [], total: 0, limit: 50, offset: 0 });
    httpMock()
      .expectOne('/api/cycles?limit=200')
      .flush({ items: CYCLES, total: 2, limit: 200, offset: 0 });
    await tick();
    TestBed.tick();
    await tick();
    httpMock().expectOne('/api/briefs/portfolio?cycleId=2026-Q4').flush({ generatedAt: 'x' });
    await tick();
    store.selectCycle('2026-Q3');
    TestBed.tick();
    await tick();
    httpMock().expectOne('/api/briefs/portfolio?cycleId=2026-Q3').flush({ generatedAt: 'y' });
    await tick();
    expect(store.portfolio.value()).toEqual({ generatedAt: 'y' });
    jest.useRealTimers();
  });

  it('keeps a 403 of the portfolio brief on the page instead of leaving for /forbidden', async () => {
    const store = await setUp('executive');
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigateByUrl');
    TestBed.tick();
    await tick();
    httpMock()
      .expectOne('/api/initiatives?sort=title&order=asc&limit=50&offset=0')
      .flush({ items: [], total: 0, limit: 50, offset: 0 });
    httpMock()
      .expectOne('/api/cycles?limit=200')
      .flush({ items: [], total: 0, limit: 200, offset: 0 });
    await tick();
    TestBed.tick();
    await tick();
    httpMock()
      .expectOne('/api/briefs/portfolio')
      .flush(aProblem(403, 'Not yours'), { status: 403, statusText: 'Forbidden' });
    await tick();
    expect(store.portfolio.error()).toBeTruthy();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('never asks a member for the portfolio brief', async () => {
    const store = await setUp('member');
    TestBed.tick();
    await tick();
    httpMock()
      .expectOne('/api/initiatives?sort=title&order=asc&limit=50&offset=0')
      .flush({ items: [], total: 0, limit: 50, offset: 0 });
    httpMock()
      .expectOne('/api/cycles?limit=200')
      .flush({ items: [], total: 0, limit: 200, offset: 0 });
    await tick();
    TestBed.tick();
    await tick();
    httpMock().expectNone((r) => r.url.startsWith('/api/briefs/portfolio'));
    expect(store.canReadPortfolio()).toBe(false);
  });

  it("loads an initiative's brief for the route's initiative", async () => {
    const store = await setUp('member');
    store.useInitiative(() => 'i1');
    TestBed.tick();
    await tick();
    httpMock()
      .expectOne('/api/cycles?limit=200')
      .flush({ items: [], total: 0, limit: 200, offset: 0 });
    await tick();
    TestBed.tick();
    await tick();
    httpMock().expectOne('/api/briefs/initiatives/i1').flush({ generatedAt: 'z' });
    await tick();
    expect(store.initiative.value()).toEqual({ generatedAt: 'z' });
  });
});
