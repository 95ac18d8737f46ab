import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { httpMock, provideTestHttp } from '../auth/auth.testing';
import { CustomerGroupsStore, sortGroups } from './customer-groups.store';

const tick = () => new Promise((resolve) => setTimeout(resolve));
const page = <T>(items: T[], total: number, limit: number, offset = 0) => ({
  items,
  total,
  limit,
  offset,
});

describe('customer groups', () => {
  it('lists protected groups first, then by name', () => {
    const groups = [
      { name: 'B', protected: false },
      { name: 'Z', protected: true },
      { name: 'A', protected: false },
    ];
    expect(sortGroups(groups).map((g) => g.name)).toEqual(['Z', 'A', 'B']);
  });

  describe('CustomerGroupsStore', () => {
    let store: CustomerGroupsStore;
    const initiatives = (group: string, offset = 0) =>
      `/api/initiatives?customerGroupId=${group}&sort=title&order=asc&limit=50&offset=${offset}`;
    const measures = (group: string, offset = 0) =>
      `/api/measures?customerGroupId=${group}&sort=initiative&limit=50&offset=${offset}`;

    beforeEach(async () => {
      TestBed.configureTestingModule({
        providers: [provideRouter([]), ...provideTestHttp(), CustomerGroupsStore],
      });
      store = TestBed.inject(CustomerGroupsStore);
      TestBed.tick();
      await tick();
      httpMock()
        .expectOne('/api/customer-groups?limit=200&offset=0')
        .flush(
          page(
            [
              { id: 'g2', name: 'New', protected: false },
              { id: 'g1', name: 'Loyal', protected: true },
            ],
            2,
            200,
          ),
        );
      await tick();
      TestBed.tick();
      await tick();
    });
    afterEach(() => httpMock().verify());

    it('reads the groups, then the initiatives and measures of the first one: three requests, none per initiative', async () => {
      expect(store.selected()?.id).toBe('g1');
      httpMock()
        .expectOne(initiatives('g1'))
        .flush(page([{ id: 'i1', title: 'One', status: 'active' }], 1, 50));
      httpMock()
        .expectOne(measures('g1'))
        .flush(page([{ id: 'm1', name: 'Sat', initiative: { id: 'i1', title: 'One' } }], 1, 50));
      await tick();
      expect(store.initiatives.items().map((i) => i.id)).toEqual(['i1']);
      expect(store.measures.items().map((m) => m.id)).toEqual(['m1']);
    });

    it('pages the measures of a group with 300 initiatives instead of stopping at a cap', async () => {
      const rows = (from: number, count: number) =>
        Array.from({ length: count }, (_, i) => ({ id: `m${from + i}`, name: `M${from + i}` }));
      httpMock()
        .expectOne(initiatives('g1'))
        .flush(page([], 0, 50));
      httpMock()
        .expectOne(measures('g1'))
        .flush(page(rows(0, 50), 300, 50));
      await tick();
      expect(store.measures.remaining()).toBe(250);
      const more = store.measures.loadMore();
      httpMock()
        .expectOne(measures('g1', 50))
        .flush(page(rows(50, 50), 300, 50, 50));
      await more;
      expect(store.measures.items()).toHaveLength(100);
    });

    it('reads the chosen group from its first page', async () => {
      httpMock()
        .expectOne(initiatives('g1'))
        .flush(page([], 0, 50));
      httpMock()
        .expectOne(measures('g1'))
        .flush(page([], 0, 50));
      await tick();
      store.choose('g2');
      TestBed.tick();
      await tick();
      httpMock()
        .expectOne(initiatives('g2'))
        .flush(page([], 0, 50));
      httpMock()
        .expectOne(measures('g2'))
        .flush(page([], 0, 50));
      await tick();
      expect(store.selected()?.name).toBe('New');
    });
  });
});
