import { type CallHandler, ConflictException, type ExecutionContext } from '@nestjs/common';
import { DomainError } from '@waypoint/domain';
import { lastValueFrom, of, throwError } from 'rxjs';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import type { ClaimOutcome, IdempotencyRepository } from './idempotency.repository';

function setup(
  outcome: ClaimOutcome,
  headers: Record<string, string> = { 'idempotency-key': 'k-1' },
) {
  const keys = {
    claim: jest.fn().mockResolvedValue(outcome),
    complete: jest.fn().mockResolvedValue(undefined),
    release: jest.fn().mockResolvedValue(undefined),
  };
  const sent = { status: 201, headers: {} as Record<string, string> };
  const reply = {
    get statusCode() {
      return sent.status;
    },
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
  };
  const request = {
    method: 'POST',
    url: '/api/things',
    headers,
    body: { name: 'x' },
    user: { id: 'user-1' },
  };
  const handler = (): void => undefined;
  const context = {
    getType: () => 'http',
    getHandler: () => handler,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ExecutionContext;
  const interceptor = new IdempotencyInterceptor(keys as unknown as IdempotencyRepository);
  return { keys, sent, context, interceptor };
}

const answering = (body: unknown): CallHandler => ({ handle: () => of(body) });

describe('IdempotencyInterceptor', () => {
  it('runs the handler once it holds the key and stores the answer', async () => {
    const { keys, context, interceptor } = setup({ kind: 'claimed' });
    const body = await lastValueFrom(interceptor.intercept(context, answering({ id: 'a' })));
    expect(body).toEqual({ id: 'a' });
    const claim = keys.claim.mock.calls[0]?.[0] as { userId: string; key: string };
    expect(claim).toMatchObject({ userId: 'user-1', key: 'k-1', method: 'POST' });
    expect(keys.complete).toHaveBeenCalledWith(claim, 201, { id: 'a' });
    expect(keys.release).not.toHaveBeenCalled();
  });

  it('releases the key when the handler fails, so that the client can retry', async () => {
    const { keys, context, interceptor } = setup({ kind: 'claimed' });
    const failing: CallHandler = { handle: () => throwError(() => new Error('boom')) };
    await expect(lastValueFrom(interceptor.intercept(context, failing))).rejects.toThrow('boom');
    expect(keys.release).toHaveBeenCalledTimes(1);
    expect(keys.complete).not.toHaveBeenCalled();
  });

  it('answers a committed write even when its answer cannot be stored, and keeps the key', async () => {
    const { keys, context, interceptor } = setup({ kind: 'claimed' });
    keys.complete.mockRejectedValue(new Error('timeout exceeded when trying to connect'));
    const body = await lastValueFrom(interceptor.intercept(context, answering({ id: 'a' })));
    expect(body).toEqual({ id: 'a' });
    // Releasing it would let a retry with the same key make the write a second time.
    expect(keys.release).not.toHaveBeenCalled();
  });

  it('replays a completed answer with its status and a marker header', async () => {
    const { sent, context, interceptor } = setup({
      kind: 'completed',
      status: 201,
      body: { id: 'first' },
    });
    sent.status = 200;
    const handle = jest.fn();
    const body = await lastValueFrom(interceptor.intercept(context, { handle }));
    expect(body).toEqual({ id: 'first' });
    expect(handle).not.toHaveBeenCalled();
    expect(sent.status).toBe(201);
    expect(sent.headers['Idempotency-Replayed']).toBe('true');
  });

  it('answers 409 while the first request is in flight and 422 for another body', async () => {
    const inFlight = setup({ kind: 'in_flight' });
    await expect(
      lastValueFrom(inFlight.interceptor.intercept(inFlight.context, answering({}))),
    ).rejects.toBeInstanceOf(ConflictException);
    expect(inFlight.sent.headers['Retry-After']).toBe('1');
    const mismatch = setup({ kind: 'mismatch' });
    await expect(
      lastValueFrom(mismatch.interceptor.intercept(mismatch.context, answering({}))),
    ).rejects.toThrow(DomainError);
    await expect(
      lastValueFrom(mismatch.interceptor.intercept(mismatch.context, answering({}))),
    ).rejects.toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('passes requests without a key straight through', async () => {
    const { keys, context, interceptor } = setup({ kind: 'claimed' }, {});
    expect(await lastValueFrom(interceptor.intercept(context, answering(1)))).toBe(1);
    expect(keys.claim).not.toHaveBeenCalled();
  });
});
