import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { defer, lastValueFrom, throwError } from 'rxjs';
import {
  countStatement,
  SQL_STATEMENTS_HEADER,
  StatementCountInterceptor,
  statementsSoFar,
} from './statement-counter';

function context(headers: Record<string, string>): ExecutionContext {
  const reply = {
    sent: false,
    header(name: string, value: string) {
      headers[name] = value;
      return reply;
    },
  };
  return {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => reply }),
  } as unknown as ExecutionContext;
}

const work = (statements: number): CallHandler => ({
  handle: () =>
    defer(async () => {
      for (let i = 0; i < statements; i++) {
        await Promise.resolve();
        countStatement();
      }
      return { ok: true };
    }),
});

describe('per-request statement counter', () => {
  it('counts the statements of one request and reports them as a header', async () => {
    const headers: Record<string, string> = {};
    const body = await lastValueFrom(
      new StatementCountInterceptor().intercept(context(headers), work(3)),
    );
    expect(body).toEqual({ ok: true });
    expect(headers[SQL_STATEMENTS_HEADER]).toBe('3');
  });

  it('keeps concurrent requests apart', async () => {
    const a: Record<string, string> = {};
    const b: Record<string, string> = {};
    const interceptor = new StatementCountInterceptor();
    await Promise.all([
      lastValueFrom(interceptor.intercept(context(a), work(2))),
      lastValueFrom(interceptor.intercept(context(b), work(5))),
    ]);
    expect([a[SQL_STATEMENTS_HEADER], b[SQL_STATEMENTS_HEADER]]).toEqual(['2', '5']);
  });

  it('reports on failure too, and counts nothing outside a request', async () => {
    const headers: Record<string, string> = {};
    const failing: CallHandler = { handle: () => throwError(() => new Error('boom')) };
    await expect(
      lastValueFrom(new StatementCountInterceptor().intercept(context(headers), failing)),
    ).rejects.toThrow('boom');
    expect(headers[SQL_STATEMENTS_HEADER]).toBe('0');
    countStatement();
    expect(statementsSoFar()).toBeNull();
  });
});
