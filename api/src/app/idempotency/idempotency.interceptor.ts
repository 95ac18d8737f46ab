import { randomUUID } from 'node:crypto';
import {
  type CallHandler,
  ConflictException,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { DomainError } from '@waypoint/domain';
import type { FastifyReply } from 'fastify';
import { catchError, concatMap, from, type Observable, of, switchMap, throwError } from 'rxjs';
import { type AuthenticatedRequest, userOf } from '../auth';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey, requestFingerprint } from './idempotency-key';
import { type IdempotencyClaim, IdempotencyRepository } from './idempotency.repository';

export const REPLAYED_HEADER = 'Idempotency-Replayed';

/**
 * Mounted by `@Idempotent()` on its route; acts when the request has an Idempotency-Key. Claims the key
 * (in flight), runs the handler, stores its answer; a failed handler releases the key. Nothing
 * is kept in memory, and no transaction stays open around the handler.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(private readonly keys: IdempotencyRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = parseIdempotencyKey(request.headers[IDEMPOTENCY_KEY_HEADER]);
    if (key === null) return next.handle();
    const claim: IdempotencyClaim = {
      userId: userOf(request).id,
      key,
      method: request.method,
      path: request.url,
      fingerprint: requestFingerprint(request.method, request.url, request.body),
      attemptId: randomUUID(),
    };
    return from(this.keys.claim(claim)).pipe(
      switchMap((outcome) => {
        switch (outcome.kind) {
          case 'completed':
            void reply.status(outcome.status).header(REPLAYED_HEADER, 'true');
            return of(outcome.body);
          case 'in_flight':
            void reply.header('Retry-After', '1');
            return throwError(
              () =>
                new ConflictException(
                  'A request with this Idempotency-Key is still being processed: retry in a moment.',
                ),
            );
          case 'mismatch':
            return throwError(
              () =>
                new DomainError(
                  'idempotency_key_reused',
                  'This Idempotency-Key was already used for a different request: use a new key for a new record.',
                ),
            );
          case 'claimed':
            return this.run(claim, next, reply);
        }
      }),
    );
  }

  private run(
    claim: IdempotencyClaim,
    next: CallHandler,
    reply: FastifyReply,
  ): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) =>
        // If even the release fails, the record counts as abandoned after 60 s.
        from(this.keys.release(claim).catch(() => undefined)).pipe(
          switchMap(() => throwError(() => error)),
        ),
      ),
      concatMap(async (body: unknown) => {
        // The handler's write has committed: its answer goes out even if storing it fails (the
        // pool busy, the database gone), or the client would retry a write that was made. The
        // key then stays in flight until IN_FLIGHT_TIMEOUT_SECONDS; a retry meanwhile gets 409.
        await this.keys.complete(claim, reply.statusCode, body).catch((error: unknown) => {
          this.logger.warn(
            { err: error, key: claim.key },
            'the answer of a completed write was not stored',
          );
        });
        return body;
      }),
    );
  }
}
