import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { httpMock, provideTestHttp } from '../auth/auth.testing';
import { KpiReviewStore, kpiQuery } from './kpi-review.store';

const tick = () => new Promise((resolve) => setTimeout(resolve));
const page = (items: Array<{ id: string; name: string }>, total: number, offset = 0) => ({
  items,
  total,
  limit: 50,
  offset,
});
const rows = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `m${from + i}`, name: `Measure ${from + i}` }));

describe('KPI review', () => {
  it('asks for one class, or all, and for stale ones only when asked', () => {
    expect(kpiQuery('all', false)).toEqual({ sort: 'initiative' });
    expect(kpiQuery('customer_toxic', true)).toEqual({
      kpiClass: 'customer_toxic',
      stale: true,
      sort: 'initiative',
    });
    expect(kpiQuery('all', false, true)).toEqual({ worsening: true, sort: 'initiative' });
  });

  describe('KpiReviewStore', () => {
    let store: KpiReviewStore;

    beforeEach(async () => {
      TestBed.configureTestingModule({
        providers: [provideRouter([]), ...provideTestHttp(), KpiReviewStore],
      });
      store = TestBed.inject(KpiReviewStore);
      TestBed.tick();
      await tick();
    });
    afterEach(() => httpMock().verify());

    it('reads the summary and a page of measures: two requests, whatever the initiatives', async () => {
      httpMock()
        .expectOne('/api/portfolio/summary')
        .flush({ kpiReview: { measures: 120 } });
      httpMock()
        .expectOne('/api/measures?sort=initiative&limit=50&offset=0')
        .flush(page(rows(0, 50), 120));
      await tick();
      expect(store.measures.items()).toHaveLength(50);
      expect(store.measures.remaining()).toBe(70);

      // "Show more" reads the next page; nothing stops at a silent cap.
      const more = store.measures.loadMore();
      httpMock()
        .expectOne('/api/measures?sort=initiative&limit=50&offset=50')
        .flush(page(rows(50, 50), 120, 50));
      await more;
      expect(store.measures.items().map((m) => m.id)).toContain('m99');
    });

    it('starts again from the first page when the class or "stale only" changes', async () => {
      httpMock()
        .expectOne('/api/portfolio/summary')
        .flush({ kpiReview: { measures: 3 } });
      httpMock()
        .expectOne('/api/measures?sort=initiative&limit=50&offset=0')
        .flush(page(rows(0, 3), 3));
      await tick();

      store.kpiClass.set('customer_toxic');
      store.staleOnly.set(true);
      TestBed.tick();
      await tick();
      httpMock()
        .expectOne(
          '/api/measures?kpiClass=customer_toxic&stale=true&sort=initiative&limit=50&offset=0',
        )
        .flush(page([{ id: 'toxic', name: 'Cost to serve' }], 1));
      await tick();
      expect(store.measures.items().map((m) => m.id)).toEqual(['toxic']);
      expect(store.measures.hasMore()).toBe(false);
    });

    it('asks the API for the measures worsening this cycle (their stored standing fell)', async () => {
      httpMock()
        .expectOne('/api/portfolio/summary')
        .flush({ kpiReview: { measures: 3 } });
      httpMock()
        .expectOne('/api/measures?sort=initiative&limit=50&offset=0')
        .flush(page(rows(0, 3), 3));
      await tick();

      store.worseningOnly.set(true);
      TestBed.tick();
      await tick();
      const worsening = {
        id: 'loyal',
        name: 'Satisfaction of loyal families',
        cycleChange: { worsening: true, improvement: -8, progressChange: -0.4 },
      };
      httpMock()
        .expectOne('/api/measures?worsening=true&sort=initiative&limit=50&offset=0')
        .flush(page([worsening], 1));
      await tick();
      expect(store.measures.items()).toEqual([worsening]);
    });
  });
});
