import { HttpClient, HttpHeaders, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { BUSY_RETRIES, busyRetryInterceptor } from './busy-retry.interceptor';

const URL = '/api/measures/m-1/readings';
const BODY = { value: 31, observedAt: '2026-12-01T09:00:00.000Z' };
const BUSY = { status: 503, statusText: 'Service Unavailable' };
const busyProblem = {
  type: 'about:blank',
  title: 'Service Unavailable',
  status: 503,
  detail: 'The server is busy with other requests and did not save or change anything.',
};

describe('busyRetryInterceptor', () => {
  let http: HttpClient;
  let mock: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([busyRetryInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    mock = TestBed.inject(HttpTestingController);
  });
  afterEach(() => {
    mock.verify();
    jest.useRealTimers();
  });

  const post = (headers: Record<string, string>) =>
    firstValueFrom(http.post(URL, BODY, { headers: new HttpHeaders(headers) }));

  it('sends a busy write again after Retry-After, with the same key and body', async () => {
    const answer = post({ 'Idempotency-Key': 'key-1' });
    mock.expectOne(URL).flush(busyProblem, { ...BUSY, headers: { 'Retry-After': '5' } });
    await jest.advanceTimersByTimeAsync(4999);
    mock.expectNone(URL);
    await jest.advanceTimersByTimeAsync(1);
    const again = mock.expectOne(URL);
    expect(again.request.headers.get('Idempotency-Key')).toBe('key-1');
    expect(again.request.body).toEqual(BODY);
    again.flush({ id: 'r-1' }, { status: 201, statusText: 'Created' });
    await expect(answer).resolves.toEqual({ id: 'r-1' });
  });

  it('retries a 409 of a key still in flight', async () => {
    const answer = post({ 'Idempotency-Key': 'key-2' });
    mock
      .expectOne(URL)
      .flush(
        { status: 409, title: 'Conflict' },
        { status: 409, statusText: 'Conflict', headers: { 'Retry-After': '1' } },
      );
    await jest.advanceTimersByTimeAsync(1000);
    mock.expectOne(URL).flush({ id: 'r-2' }, { status: 201, statusText: 'Created' });
    await expect(answer).resolves.toEqual({ id: 'r-2' });
  });

  it(`gives the busy answer to the caller after ${BUSY_RETRIES} retries`, async () => {
    const answer = post({ 'Idempotency-Key': 'key-3' }).catch((e: unknown) => e);
    for (let i = 0; i <= BUSY_RETRIES; i += 1) {
      mock.expectOne(URL).flush(busyProblem, { ...BUSY, headers: { 'Retry-After': '2' } });
      await jest.advanceTimersByTimeAsync(2000);
    }
    expect(await answer).toMatchObject({ status: 503 });
  });

  it('does not send again a write without a key, an error that is not busy, or a long wait', async () => {
    const noKey = post({}).catch((e: unknown) => e);
    mock.expectOne(URL).flush(busyProblem, { ...BUSY, headers: { 'Retry-After': '5' } });
    expect(await noKey).toMatchObject({ status: 503 });

    const rule = post({ 'Idempotency-Key': 'key-4' }).catch((e: unknown) => e);
    mock.expectOne(URL).flush({ status: 422 }, { status: 422, statusText: 'Unprocessable Entity' });
    expect(await rule).toMatchObject({ status: 422 });

    const long = post({ 'Idempotency-Key': 'key-5' }).catch((e: unknown) => e);
    mock.expectOne(URL).flush(busyProblem, { ...BUSY, headers: { 'Retry-After': '60' } });
    expect(await long).toMatchObject({ status: 503 });

    const noHeader = post({ 'Idempotency-Key': 'key-6' }).catch((e: unknown) => e);
    mock.expectOne(URL).flush(busyProblem, BUSY);
    expect(await noHeader).toMatchObject({ status: 503 });
    await jest.advanceTimersByTimeAsync(10_000);
    mock.expectNone(URL);
  });
});
