import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { parseIfMatch } from './etag';

/**
 * The version the client read (If-Match: "<version>"), for a conditional write.
 * Missing header: 428; malformed: 400. Pass it to `conditionalUpdate()`, which answers 412 when
 * the record has moved on. Document the header with `@ApiIfMatch()`.
 */
export const IfMatch = createParamDecorator((_data: unknown, ctx: ExecutionContext): number =>
  parseIfMatch(ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match']),
);

/** OpenAPI: the If-Match header of a conditional write. */
export const ApiIfMatch = (): MethodDecorator =>
  ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The ETag of the record as you read it, e.g. "3". Missing: 428; stale: 412.',
  });
