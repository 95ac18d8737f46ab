import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { httpMock, provideTestHttp } from '../../auth/auth.testing';
import { ApiClient, etag, queryParams, writeHeaders } from './api-client';
import { InitiativesApi } from './initiatives.api';
import { MeasuresApi } from './measures.api';
import { MilestonesApi } from './milestones.api';
import { StepsApi } from './steps.api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function setUp(): void {
  TestBed.configureTestingModule({ providers: [provideRouter([]), ...provideTestHttp()] });
}

describe('the API client layer', () => {
  describe('writeHeaders', () => {
    it('sends the version read as If-Match, quoted as an entity tag', () => {
      const headers = writeHeaders({ ifMatch: 7 });
      expect(headers.get('If-Match')).toBe('"7"');
      expect(headers.has('Idempotency-Key')).toBe(false);
      expect(etag(0)).toBe('"0"');
    });

    it('sends the Idempotency-Key given', () => {
      const headers = writeHeaders({ idempotencyKey: 'k-1' });
      expect(headers.get('Idempotency-Key')).toBe('k-1');
      expect(headers.has('If-Match')).toBe(false);
    });

    it('sends neither when the write asks for neither', () => {
      expect(writeHeaders({}).keys()).toEqual([]);
    });
  });

  it('leaves undefined values out of a query, keeping the order given', () => {
    expect(queryParams({ limit: 5, status: undefined, q: 'x', done: false })).toEqual({
      limit: 5,
      q: 'x',
      done: false,
    });
    expect(Object.keys(queryParams({ b: 1, a: 2 }))).toEqual(['b', 'a']);
  });

  describe('over HTTP', () => {
    beforeEach(setUp);
    afterEach(() => httpMock().verify());

    it('GETs with the query in the URL', async () => {
      const answer = TestBed.inject(InitiativesApi).list({ limit: 2, sort: 'title', q: undefined });
      httpMock()
        .expectOne('/api/initiatives?limit=2&sort=title')
        .flush({ items: [], total: 0, limit: 2, offset: 0 });
      await expect(answer).resolves.toEqual({ items: [], total: 0, limit: 2, offset: 0 });
    });

    it('PATCHes a step with If-Match of the version read', async () => {
      const done = TestBed.inject(StepsApi).update({ id: 's1', version: 4 }, { status: 'done' });
      const request = httpMock().expectOne('/api/steps/s1');
      expect(request.request.method).toBe('PATCH');
      expect(request.request.headers.get('If-Match')).toBe('"4"');
      expect(request.request.headers.has('Idempotency-Key')).toBe(false);
      expect(request.request.body).toEqual({ status: 'done' });
      request.flush({ id: 's1', version: 5 });
      await expect(done).resolves.toEqual({ id: 's1', version: 5 });
    });

    it('starts and submits a gate with If-Match', async () => {
      const api = TestBed.inject(MilestonesApi);
      const started = api.act({ id: 'm1', version: 2 }, 'start');
      const start = httpMock().expectOne('/api/milestones/m1/start');
      expect(start.request.method).toBe('POST');
      expect(start.request.headers.get('If-Match')).toBe('"2"');
      start.flush({ id: 'm1' });
      await started;
      const submitted = api.act({ id: 'm1', version: 3 }, 'submit', { note: 'Look at FCR' });
      const submit = httpMock().expectOne('/api/milestones/m1/submit');
      expect(submit.request.headers.get('If-Match')).toBe('"3"');
      expect(submit.request.body).toEqual({ note: 'Look at FCR' });
      submit.flush({ id: 'm1' });
      await submitted;
    });

    it('makes a new Idempotency-Key per write unless the caller gives one', async () => {
      const api = TestBed.inject(MeasuresApi);
      const first = api.recordReading('x', { value: 1, observedAt: '2026-01-01T00:00:00Z' });
      const second = api.recordReading('x', { value: 1, observedAt: '2026-01-01T00:00:00Z' });
      const [a, b] = httpMock().match('/api/measures/x/readings');
      const keyA = a.request.headers.get('Idempotency-Key');
      const keyB = b.request.headers.get('Idempotency-Key');
      expect(keyA).toMatch(UUID);
      expect(keyB).toMatch(UUID);
      expect(keyA).not.toBe(keyB);
      expect(a.request.headers.has('If-Match')).toBe(false);
      a.flush({});
      b.flush({});
      await Promise.all([first, second]);

      const decided = TestBed.inject(MilestonesApi).decide('m1', { outcome: 'go' }, 'same-key');
      const decide = httpMock().expectOne('/api/milestones/m1/decisions');
      expect(decide.request.headers.get('Idempotency-Key')).toBe('same-key');
      decide.flush({});
      await decided;
    });

    it('creates an initiative with the key made once per plan', async () => {
      const created = TestBed.inject(InitiativesApi).create(
        {} as Parameters<InitiativesApi['create']>[0],
        'plan-key',
      );
      const request = httpMock().expectOne('/api/initiatives');
      expect(request.request.method).toBe('POST');
      expect(request.request.headers.get('Idempotency-Key')).toBe('plan-key');
      request.flush({ id: 'i1' });
      await created;
    });

    it('moves an initiative with If-Match and the API refusal reaches the caller', async () => {
      const moved = TestBed.inject(InitiativesApi).transition(
        { id: 'i1', version: 9 },
        { to: 'active' },
      );
      const request = httpMock().expectOne('/api/initiatives/i1/transitions');
      expect(request.request.headers.get('If-Match')).toBe('"9"');
      request.flush({ title: 'Changed', status: 412 }, { status: 412, statusText: 'Failed' });
      await expect(moved).rejects.toMatchObject({ status: 412 });
    });

    it('is the one holder of HttpClient: POST and PATCH without a guard send no guard headers', async () => {
      const api = TestBed.inject(ApiClient);
      const posted = api.post('/api/x', { a: 1 });
      const request = httpMock().expectOne('/api/x');
      expect(request.request.headers.keys()).toEqual([]);
      request.flush(null);
      await posted;
    });
  });
});
