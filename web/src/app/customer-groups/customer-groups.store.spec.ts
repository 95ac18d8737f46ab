import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MeasureResponse } from '@waypoint/contracts';
import { httpMock, provideTestHttp } from '../auth/auth.testing';
import { CustomerGroupsStore, measuresOfGroup, sortGroups } from './customer-groups.store';

const tick = () => new Promise((resolve) => setTimeout(resolve));

describe('customer groups', () => {
  it('lists protected groups first, then by name', () => {
    const groups = [
      { name: 'B', protected: false },
      { name: 'Z', protected: true },
      { name: 'A', protected: false },
    ];
    expect(sortGroups(groups).map((g) => g.name)).toEqual(['Z', 'A', 'B']);
  });

  it('keeps the measures aimed at the group', () => {
    const measures = [
      { id: 'm1', customerGroup: { id: 'g1' }, initiativeTitle: 'X' },
      { id: 'm2', customerGroup: null, initiativeTitle: 'X' },
    ] as unknown as Array<MeasureResponse & { initiativeTitle: string }>;
    expect(measuresOfGroup('g1', measures).map((m) => m.id)).toEqual(['m1']);
  });

  describe('CustomerGroupsStore', () => {
    afterEach(() => httpMock().verify());

    it('asks once per group and once per initiative involved', async () => {
      TestBed.configureTestingModule({
        providers: [provideRouter([]), ...provideTestHttp(), CustomerGroupsStore],
      });
      const store = TestBed.inject(CustomerGroupsStore);
      TestBed.tick();
      await tick();
      httpMock()
        .expectOne('/api/customer-groups?limit=200')
        .flush({
          items: [
            { id: 'g1', name: 'Loyal', protected: true },
            { id: 'g2', name: 'New', protected: false },
          ],
        });
      await tick();
      httpMock()
        .expectOne('/api/initiatives?limit=200&sort=title&order=asc&customerGroupId=g1')
        .flush({ items: [{ id: 'i1', title: 'One' }] });
      httpMock()
        .expectOne('/api/initiatives?limit=200&sort=title&order=asc&customerGroupId=g2')
        .flush({ items: [{ id: 'i1', title: 'One' }] });
      await tick();
      httpMock()
        .expectOne('/api/initiatives/i1/measures?limit=200')
        .flush({ items: [{ id: 'm1', name: 'Sat', customerGroup: { id: 'g2' }, progress: 0.5 }] });
      await tick();
      const groups = store.groups.value() ?? [];
      expect(groups.map((g) => [g.id, g.initiatives.length, g.measures.map((m) => m.id)])).toEqual([
        ['g1', 1, []],
        ['g2', 1, ['m1']],
      ]);
    });
  });
});
