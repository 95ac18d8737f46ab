import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ProblemDetailsDto } from '../common';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Marks a creating endpoint as idempotent: a request with an Idempotency-Key is answered once;
 * a replay (same user, key, method, path and body) gets the first answer again with
 * `Idempotency-Replayed: true`. The same key with another body: 422; while the first is still
 * running: 409. Keys are kept 48 h. The IdempotencyInterceptor, mounted here on the route (not
 * globally: a route that is not idempotent pays nothing for it), does the work.
 */
export const Idempotent = (): MethodDecorator =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes a retry safe: 1..255 characters of [A-Za-z0-9_.:-], e.g. a UUID, new for each new record. ' +
        'A replay gets the first answer again (header Idempotency-Replayed: true).',
    }),
    ApiUnprocessableEntityResponse({
      type: ProblemDetailsDto,
      description: 'The Idempotency-Key was already used for a different request.',
    }),
  );
