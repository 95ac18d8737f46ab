import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ETagInterceptor } from '../common';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyRepository } from './idempotency.repository';

/**
 * Data integrity for every endpoint: ETags on versioned answers and `@Idempotent()` creates.
 * (Conditional writes use `@IfMatch()` and `conditionalUpdate()`; the audit trail is AuditModule.)
 * The ETag interceptor is registered first, so it is the outer one and also tags replays.
 */
@Module({
  providers: [
    IdempotencyRepository,
    { provide: APP_INTERCEPTOR, useClass: ETagInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class IntegrityModule {}
