import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { InitiativeListItem } from '@waypoint/contracts';
import { aUser, httpMock, provideTestHttp, startAs } from '../auth/auth.testing';
import { hoursSince, PlansWaitingStore } from './plans-waiting.store';

const tick = () => new Promise((resolve) => setTimeout(resolve));

const plan = {
  id: 'i1',
  title: 'Faster refunds',
  status: 'proposed',
  owner: { id: 'u-max', displayName: 'Max Manager' },
  version: 4,
  updatedAt: '2026-12-06T10:00:00Z',
} as InitiativeListItem;

it('counts the hours a plan has waited', () => {
  expect(hoursSince('2026-12-06T10:00:00Z', Date.parse('2026-12-07T12:30:00Z'))).toBe(26.5);
  expect(hoursSince('2026-12-08T10:00:00Z', Date.parse('2026-12-07T12:30:00Z'))).toBe(0);
});

describe('plans waiting for my acceptance', () => {
  afterEach(() => httpMock().verify());

  async function start(): Promise<PlansWaitingStore> {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), ...provideTestHttp(), PlansWaitingStore],
    });
    const me = aUser('executive');
    await startAs(me);
    const store = TestBed.inject(PlansWaitingStore);
    TestBed.tick();
    httpMock()
      .expectOne(
        `/api/initiatives?status=proposed&sponsorId=${me.id}&sort=updatedAt&order=asc&limit=100`,
      )
      .flush({ items: [plan], total: 1, limit: 100, offset: 0 });
    await tick();
    return store;
  }

  it('lists the plans proposed to me, oldest first, and accepts one with If-Match', async () => {
    const store = await start();
    expect(store.items().map((p) => p.title)).toEqual(['Faster refunds']);

    const accepting = store.accept(plan);
    const post = httpMock().expectOne({ method: 'POST', url: '/api/initiatives/i1/transitions' });
    expect(post.request.headers.get('If-Match')).toBe('"4"');
    expect(post.request.body).toEqual({ to: 'active' });
    post.flush({ id: 'i1' });
    await accepting;
    TestBed.tick();
    httpMock()
      .expectOne((r) => r.url === '/api/initiatives')
      .flush({ items: [], total: 0, limit: 100, offset: 0 });
  });

  it('sends a plan back with the reason the team reads', async () => {
    const store = await start();
    const sending = store.sendBack(plan, '  Add a counter-measure.  ');
    const post = httpMock().expectOne({ method: 'POST', url: '/api/initiatives/i1/transitions' });
    expect(post.request.body).toEqual({ to: 'draft', note: 'Add a counter-measure.' });
    post.flush({ id: 'i1' });
    await sending;
    TestBed.tick();
    httpMock()
      .expectOne((r) => r.url === '/api/initiatives')
      .flush({ items: [], total: 0, limit: 100, offset: 0 });
  });
});
