import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { InitiativeListItem, Page } from '@waypoint/contracts';
import { httpMock, provideTestHttp } from '../auth/auth.testing';
import {
  DEFAULT_FILTERS,
  filtersFromAddress,
  INITIATIVE_PAGE_SIZE,
  initiativeListParams,
  InitiativeListStore,
} from './initiative-list.store';

function anItem(id: string): InitiativeListItem {
  return {
    id,
    title: `Initiative ${id}`,
    status: 'active',
    approach: 'engineering',
    owner: { id: 'o', displayName: 'Owner' },
    sponsor: null,
    needsSponsor: false,
    teamSize: 2,
    departmentCount: 1,
    currentMilestone: null,
    estimatedCustomerValue: null,
    estimatedBusinessValue: null,
    version: 1,
    updatedAt: '2026-11-01T00:00:00.000Z',
  };
}

describe('initiativeListParams', () => {
  it('sends only the filters that are set, and pages with limit and offset', () => {
    expect(initiativeListParams(DEFAULT_FILTERS, 0)).toEqual({
      sort: 'updatedAt',
      order: 'desc',
      limit: INITIATIVE_PAGE_SIZE,
      offset: 0,
    });
    expect(
      initiativeListParams(
        { status: 'active', approach: 'best_customer', q: '  call ', sort: 'title', order: 'asc' },
        2,
        5,
      ),
    ).toEqual({
      status: 'active',
      approach: 'best_customer',
      q: 'call',
      sort: 'title',
      order: 'asc',
      limit: 5,
      offset: 10,
    });
  });
});

describe('filtersFromAddress', () => {
  const address = (query: Record<string, string>) => (name: string) => query[name] ?? null;

  it('takes a known status and approach from the address (the portfolio links here)', () => {
    expect(filtersFromAddress(address({ status: 'on_hold' }))).toEqual({ status: 'on_hold' });
    expect(filtersFromAddress(address({ status: 'stopped', approach: 'best_customer' }))).toEqual({
      status: 'stopped',
      approach: 'best_customer',
    });
  });

  it('ignores what it does not know', () => {
    expect(filtersFromAddress(address({ status: 'paused', approach: 'x', q: 'a' }))).toEqual({});
  });
});

describe('InitiativeListStore', () => {
  let store: InitiativeListStore;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [InitiativeListStore, ...provideTestHttp()] });
    store = TestBed.inject(InitiativeListStore);
  });
  afterEach(() => httpMock().verify());

  it('loads a page of initiatives', async () => {
    TestBed.tick();
    const request = httpMock().expectOne((r) => r.url === '/api/initiatives');
    expect(request.request.params.get('offset')).toBe('0');
    const page: Page<InitiativeListItem> = {
      items: [anItem('a'), anItem('b')],
      total: 12,
      limit: 10,
      offset: 0,
    };
    request.flush(page);
    await TestBed.inject(ApplicationRef).whenStable();
    expect(store.items().map((i) => i.id)).toEqual(['a', 'b']);
    expect(store.total()).toBe(12);
    expect(store.loading()).toBe(false);
  });

  it('goes back to the first page when a filter changes', async () => {
    store.setPage(3);
    store.setFilters({ status: 'draft' });
    TestBed.tick();
    const request = httpMock().expectOne((r) => r.url === '/api/initiatives');
    expect(request.request.params.get('status')).toBe('draft');
    expect(request.request.params.get('offset')).toBe('0');
    request.flush({ items: [], total: 0, limit: 10, offset: 0 });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(store.items()).toEqual([]);
  });

  it('keeps the error of a failed load', async () => {
    TestBed.tick();
    httpMock()
      .expectOne((r) => r.url === '/api/initiatives')
      .flush({ title: 'Boom', status: 500 }, { status: 500, statusText: 'Server Error' });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(store.error()).toBeTruthy();
    expect(store.items()).toEqual([]);
  });
});
