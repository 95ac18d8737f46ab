import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Observable, tap } from 'rxjs';
import type { Logger } from 'typeorm';

/** The response header that tells how many SQL statements the request's reads took. */
export const SQL_STATEMENTS_HEADER = 'X-SQL-Statements';

interface StatementCount {
  statements: number;
}

/** OpenAPI `headers` of an answer that reports its statement count. */
export const STATEMENT_COUNT_HEADERS = {
  [SQL_STATEMENTS_HEADER]: {
    description:
      'How many SQL statements the answer took (a fixed number, however large the data).',
    schema: { type: 'integer' as const },
  },
};

const storage = new AsyncLocalStorage<StatementCount>();

/** Counts one statement for the current request (no-op outside a counted request). */
export function countStatement(): void {
  const count = storage.getStore();
  if (count) count.statements += 1;
}

/** The statements counted so far in the current request, or null outside one. */
export function statementsSoFar(): number | null {
  return storage.getStore()?.statements ?? null;
}

/**
 * Starts a per-request statement counter (AsyncLocalStorage) around the handler and reports it
 * as `X-SQL-Statements`. The app registers it globally, so every route reports its count; a
 * second (nested) registration on a controller passes through. Every statement TypeORM sends
 * counts ({@link StatementCountingLogger}), transaction control included.
 */
@Injectable()
export class StatementCountInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || storage.getStore()) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const count: StatementCount = { statements: 0 };
    const report = (): void => {
      if (!reply.sent) void reply.header(SQL_STATEMENTS_HEADER, String(count.statements));
    };
    // Subscribing inside run() starts the handler in the counter's async context.
    return new Observable((subscriber) =>
      storage.run(count, () =>
        next
          .handle()
          .pipe(tap({ next: report, error: report }))
          .subscribe(subscriber),
      ),
    );
  }
}

/** The TypeORM logger of the app: counts each statement for the current request, logs nothing. */
export class StatementCountingLogger implements Logger {
  logQuery(): void {
    countStatement();
  }
  logQueryError(): void {
    // Errors reach the caller as exceptions; nothing to log here.
  }
  logQuerySlow(): void {
    // Slow statements show in the request log's response time.
  }
  logSchemaBuild(): void {
    // The schema comes from migrations only.
  }
  logMigration(): void {
    // Migrations report through the start-up log.
  }
  log(): void {
    // TypeORM's informational messages are not needed.
  }
}
