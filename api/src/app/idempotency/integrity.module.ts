import { Global, Module } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyRepository } from './idempotency.repository';

/**
 * Data integrity for every endpoint: `@Idempotent()` creates (the interceptor is mounted on each
 * such route, and finds its repository here, hence global). ETags on versioned answers are a
 * Fastify hook (`registerETags`, at serialisation, so replays are tagged too); conditional
 * writes use `@IfMatch()` and `conditionalUpdate()`; the audit trail is AuditModule.
 */
@Global()
@Module({
  providers: [IdempotencyRepository, IdempotencyInterceptor],
  exports: [IdempotencyRepository, IdempotencyInterceptor],
})
export class IntegrityModule {}
