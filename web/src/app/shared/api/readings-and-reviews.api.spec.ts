import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { httpMock, provideTestHttp } from '../../auth/auth.testing';
import { MeasuresApi } from './measures.api';
import { ReviewsApi } from './reviews.api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the client calls of readings and cycle reviews', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ providers: [provideRouter([]), ...provideTestHttp()] }),
  );
  afterEach(() => httpMock().verify());

  it('corrects a reading by recording one that supersedes it, with an Idempotency-Key', async () => {
    const done = TestBed.inject(MeasuresApi).correctReading(
      { id: 'r1', measureId: 'm 1' },
      { value: 6.2, observedAt: '2026-11-01T10:00:00.000Z', note: 'typo' },
    );
    const request = httpMock().expectOne('/api/measures/m%201/readings');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      value: 6.2,
      observedAt: '2026-11-01T10:00:00.000Z',
      note: 'typo',
      supersedesId: 'r1',
    });
    expect(request.request.headers.get('Idempotency-Key')).toMatch(UUID);
    request.flush({ id: 'r2' });
    await expect(done).resolves.toEqual({ id: 'r2' });
  });

  it('withdraws a reading with its reason', async () => {
    const done = TestBed.inject(MeasuresApi).withdrawReading(
      { id: 'r1', measureId: 'm1' },
      { reason: 'Wrong measure' },
      'key-1',
    );
    const request = httpMock().expectOne('/api/measures/m1/readings/r1/withdrawal');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ reason: 'Wrong measure' });
    expect(request.request.headers.get('Idempotency-Key')).toBe('key-1');
    request.flush({ id: 'r1' });
    await done;
  });

  it('creates a cycle review without If-Match and replaces it with the version read', async () => {
    const api = TestBed.inject(ReviewsApi);
    const created = api.put('i1', 'c1', { intent: 'Shorter waits' }, null);
    const create = httpMock().expectOne('/api/initiatives/i1/cycle-reviews/c1');
    expect(create.request.method).toBe('PUT');
    expect(create.request.headers.has('If-Match')).toBe(false);
    create.flush({ id: 'v1', version: 1 });
    await created;
    const replaced = api.put(
      'i1',
      'c1',
      { intent: 'Shorter waits', decision: 'adopt' },
      {
        version: 1,
      },
    );
    const replace = httpMock().expectOne('/api/initiatives/i1/cycle-reviews/c1');
    expect(replace.request.headers.get('If-Match')).toBe('"1"');
    expect(replace.request.body).toEqual({ intent: 'Shorter waits', decision: 'adopt' });
    replace.flush({ id: 'v1', version: 2 });
    await replaced;
  });
});
