import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

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

/** The one global pipe: unknown fields and wrong types are refused with per-field messages. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new FieldValidationException(flattenValidationErrors(errors)),
  });
}
