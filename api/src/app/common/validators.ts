import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDate,
  IsIn,
  IsNotEmpty,
  isISO8601,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';

type FieldDecorator = PropertyDecorator;

/**
 * Like IsOptional, but only an absent field is optional: `null` is still validated (and refused
 * by the type check), so a PATCH cannot null a required column.
 */
export const Optional = (): FieldDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);

const trimmed = (): FieldDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** A required string, trimmed, 1..max characters. */
export function RequiredText(maxLength: number, example?: string): FieldDecorator {
  return applyDecorators(
    ApiProperty({ minLength: 1, maxLength, example }),
    trimmed(),
    IsString(),
    IsNotEmpty(),
    MaxLength(maxLength),
  );
}

/** An optional string, trimmed; `nonEmpty` refuses an empty one (a name being changed). */
export function OptionalText(
  maxLength: number,
  options: { nonEmpty?: boolean } = {},
): FieldDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minLength: options.nonEmpty ? 1 : 0, maxLength }),
    Optional(),
    trimmed(),
    IsString(),
    ...(options.nonEmpty ? [IsNotEmpty()] : []),
    MaxLength(maxLength),
  );
}

export function OptionalBoolean(): FieldDecorator {
  return applyDecorators(ApiPropertyOptional(), Optional(), IsBoolean());
}

/** One of the values of an `as const` array of the contracts. */
export function OneOf(
  values: readonly string[],
  options: { optional?: boolean } = {},
): FieldDecorator {
  const message = `must be one of: ${values.join(', ')}`;
  return options.optional
    ? applyDecorators(
        ApiPropertyOptional({ enum: values }),
        Optional(),
        IsIn(values, { message: `$property ${message}` }),
      )
    : applyDecorators(
        ApiProperty({ enum: values }),
        IsIn(values, { message: `$property ${message}` }),
      );
}

/** An optional ISO 8601 date-time (query strings), given to the handler as a Date. */
export function OptionalDateTime(description: string): FieldDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date-time', description }),
    Optional(),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && isISO8601(value, { strict: true }) ? new Date(value) : value,
    ),
    IsDate({ message: '$property must be an ISO 8601 date-time, e.g. 2026-01-31T12:00:00Z' }),
  );
}
