import {
  type ArgumentMetadata,
  BadRequestException,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';

/** No request body of this API nests deeper; deeper input would exhaust the transformer's stack. */
export const MAX_BODY_DEPTH = 32;

/** A 400 whose body lists messages per field (problem details `errors`). */
export class FieldValidationException extends BadRequestException {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super('The request has invalid fields.');
  }
}

function collect(errors: ValidationError[], prefix: string, into: Record<string, string[]>): void {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      into[path] = [...(into[path] ?? []), ...Object.values(error.constraints)];
    }
    if (error.children?.length) collect(error.children, path, into);
  }
}

export function flattenValidationErrors(errors: ValidationError[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  collect(errors, '', out);
  return out;
}

/** Whether a parsed JSON value nests deeper than `limit` (iterative: safe on any depth). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(current as object)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The paths of the strings in a parsed body or query that contain NUL (U+0000): PostgreSQL text
 * cannot hold it, so such a value must be refused as a field error, never reach the database.
 */
export function fieldsWithNul(value: unknown): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (current.includes('\u0000')) found.push(path === '' ? 'value' : path);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current as object)) {
        stack.push([child, path === '' ? key : `${path}.${key}`]);
      }
    }
  }
  return found.sort();
}

const SCALAR_TYPES = new Set<unknown>([Object, Array, String, Number, Boolean]);

/**
 * Validation, after two checks of the body's shape: a DTO body must be a JSON object (not an
 * array, a string or null), and must not nest deeper than MAX_BODY_DEPTH; and no string of the
 * body or the query may contain NUL.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && !SCALAR_TYPES.has(metadata.metatype)) {
      if (
        value !== undefined &&
        (value === null || typeof value !== 'object' || Array.isArray(value))
      ) {
        throw new BadRequestException('The request body must be a JSON object.');
      }
      if (nestsDeeperThan(value, MAX_BODY_DEPTH)) {
        throw new BadRequestException(
          `The request body nests deeper than ${MAX_BODY_DEPTH} levels.`,
        );
      }
    }
    if (metadata.type === 'body' || metadata.type === 'query') {
      const withNul = fieldsWithNul(value);
      if (withNul.length > 0) {
        throw new FieldValidationException(
          Object.fromEntries(withNul.map((path) => [path, ['must not contain NUL characters']])),
        );
      }
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** The one global pipe: unknown fields and wrong types are refused with per-field messages. */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new FieldValidationException(flattenValidationErrors(errors)),
  });
}
