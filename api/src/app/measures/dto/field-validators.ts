import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as TransformType } from 'class-transformer';
import {
  IsISO8601,
  IsNumber,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
  isISO8601,
} from 'class-validator';
import { Optional } from '../../common';

type FieldDecorator = PropertyDecorator;

/** Absent or null skips validation: for PATCH fields where `null` clears the value. */
export const OptionalNullable = (): FieldDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_WITH_ZONE =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Whether the text is a real calendar day written YYYY-MM-DD. */
export function isIsoDay(value: unknown): value is string {
  return typeof value === 'string' && DAY.test(value) && isISO8601(value, { strict: true });
}

/** A finite number within ±limit (or [min, max]); JSON strings are refused. */
export function FiniteNumber(
  min: number,
  max: number,
  options: { optional?: boolean; nullable?: boolean; example?: number; description?: string } = {},
): FieldDecorator {
  const doc = { type: Number, minimum: min, maximum: max, example: options.example };
  return applyDecorators(
    options.optional
      ? ApiPropertyOptional({
          ...doc,
          nullable: options.nullable,
          description: options.description,
        })
      : ApiProperty({ ...doc, description: options.description }),
    ...(options.optional ? [options.nullable ? OptionalNullable() : Optional()] : []),
    IsNumber(
      { allowNaN: false, allowInfinity: false },
      { message: '$property must be a finite number' },
    ),
    Min(min),
    Max(max),
  );
}

/** A calendar day, YYYY-MM-DD. */
export function IsoDay(
  options: { optional?: boolean; nullable?: boolean; example?: string } = {},
): FieldDecorator {
  const doc = { type: String, format: 'date', example: options.example ?? '2026-12-31' };
  return applyDecorators(
    options.optional
      ? ApiPropertyOptional({ ...doc, nullable: options.nullable })
      : ApiProperty(doc),
    ...(options.optional ? [options.nullable ? OptionalNullable() : Optional()] : []),
    Matches(DAY, { message: '$property must be a day written YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar day' }),
  );
}

/** An ISO 8601 date-time with a time zone (Z or ±hh:mm), kept as the string sent. */
export function IsoDateTime(description: string): FieldDecorator {
  return applyDecorators(
    ApiProperty({
      type: String,
      format: 'date-time',
      example: '2026-03-31T12:00:00Z',
      description,
    }),
    Matches(DATE_TIME_WITH_ZONE, {
      message:
        '$property must be an ISO 8601 date-time with a time zone, e.g. 2026-03-31T12:00:00Z',
    }),
    IsISO8601({ strict: true }, { message: '$property must be a real date-time' }),
  );
}

/** A UUID reference; `nullable` lets a PATCH clear it with null. */
export function UuidRef(
  options: { optional?: boolean; nullable?: boolean; description?: string } = {},
): FieldDecorator {
  const doc = { format: 'uuid', type: String, description: options.description };
  return applyDecorators(
    options.optional
      ? ApiPropertyOptional({ ...doc, nullable: options.nullable })
      : ApiProperty(doc),
    ...(options.optional ? [options.nullable ? OptionalNullable() : Optional()] : []),
    IsUUID('all'),
  );
}

/** `?threshold=`: how far the worsening value index must fall to raise an alert. */
export function ThresholdQuery(defaultValue: number): FieldDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: Number,
      minimum: 0,
      maximum: 1,
      default: defaultValue,
      description:
        'How far (in index points, 0 = baseline, 1 = target) the worsening value index must fall to raise an alert.',
    }),
    Optional(),
    TransformType(() => Number),
    IsNumber(
      { allowNaN: false, allowInfinity: false },
      { message: '$property must be a number from 0 to 1' },
    ),
    Min(0),
    Max(1),
  );
}
