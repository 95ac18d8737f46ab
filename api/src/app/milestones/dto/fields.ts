import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsUUID, Matches, ValidateIf } from 'class-validator';

/**
 * Field decorators of the milestone, gate and step DTOs that common/validators.ts does not have:
 * calendar dates and ids that a PATCH may clear with null.
 */

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '$property must be a calendar date YYYY-MM-DD, e.g. 2026-03-31';

/**
 * A calendar date (YYYY-MM-DD, a real day). `optional`: may be absent; `nullable`: null clears it
 * (PATCH).
 */
export function CalendarDate(
  options: { optional?: boolean; nullable?: boolean } = {},
): PropertyDecorator {
  const schema = {
    type: String,
    format: 'date',
    example: '2026-03-31',
    ...(options.nullable ? { nullable: true } : {}),
  };
  return applyDecorators(
    options.optional ? ApiPropertyOptional(schema) : ApiProperty(schema),
    ...(options.optional || options.nullable
      ? [
          ValidateIf(
            (_o: object, value: unknown) =>
              !(options.optional && value === undefined) && !(options.nullable && value === null),
          ),
        ]
      : []),
    Matches(DATE_ONLY, { message: DATE_MESSAGE }),
    IsISO8601({ strict: true }, { message: DATE_MESSAGE }),
  );
}

/** An optional user id that null clears (PATCH). */
export function OptionalNullableUuid(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description }),
    ValidateIf((_o: object, value: unknown) => value !== undefined && value !== null),
    IsUUID('all'),
  );
}
