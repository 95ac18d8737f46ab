import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ProblemDetailsDto } from './problem.dto';

const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: unknown fields, wrong types, too long, malformed headers (per-field `errors`).',
  401: 'Not signed in.',
  403: 'Signed in, but without the permission this needs.',
  404: 'No such record.',
  409: 'Conflicts with existing data, or the same Idempotency-Key is still being processed.',
  412: 'The record changed since you read it (If-Match is stale): reload and reapply.',
  422: 'The Idempotency-Key was already used for a different request.',
  428: 'If-Match is missing: send the ETag of the record you read.',
};

/**
 * Documents error answers as problem details: `@ApiProblems(400, 401, [409, 'Name taken.'])`.
 */
export function ApiProblems(
  ...statuses: (number | [number, string])[]
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((entry) => {
      const [status, description] = Array.isArray(entry)
        ? entry
        : [entry, DEFAULT_DESCRIPTIONS[entry] ?? 'Error.'];
      return ApiResponse({ status, type: ProblemDetailsDto, description });
    }),
  );
}
