import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { parseIfMatch } from '../common';

/**
 * If-Match for a create-or-update (PUT): the version the client read, or null when the header
 * is absent (creating). Malformed: 400. The service answers 428 when the record exists and no
 * version was sent, and 412 when a version was sent for a record that does not exist yet.
 */
export const OptionalIfMatch = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): number | null => {
    const header = ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
    return header === undefined ? null : parseIfMatch(header);
  },
);

export const ApiOptionalIfMatch = (): MethodDecorator =>
  ApiHeader({
    name: 'If-Match',
    required: false,
    description:
      'Required when the record exists (428 without it): its ETag as you read it, e.g. "3" (412 when stale). Leave it out to create.',
  });
