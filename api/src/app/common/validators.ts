import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type as TransformType } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDate,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  isISO8601,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

/**
 * The field validators of every DTO, one combined decorator per kind of field and one message per
 * kind (immich `src/validation.ts`). DTOs use these rather than stacks of class-validator
 * decorators.
 */

type FieldDecorator = PropertyDecorator;

/** Whether a field may be absent (`optional`) and whether null clears it (`nullable`, PATCH). */
export interface Presence {
  optional?: boolean;
  nullable?: boolean;
}

/** The messages, one per kind of field. */
const MESSAGES = {
  number: '$property must be a finite number',
  day: '$property must be a calendar date YYYY-MM-DD, e.g. 2026-03-31',
  dateTime: '$property must be an ISO 8601 date-time with a time zone, e.g. 2026-03-31T12:00:00Z',
  uuid: '$property must be a UUID',
  email: '$property must be an email',
} as const;

/**
 * Like IsOptional, but only an absent field is optional: `null` is still validated (and refused
 * by the type check), so a PATCH cannot null a required column.
 */
export const Optional = (): FieldDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Absent or null skips validation: for PATCH fields where `null` clears the value. */
export const OptionalNullable = (): FieldDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null);

/** The ValidateIf that skips what the presence allows (nothing, absent, null, or both). */
function skipping(presence: Presence): FieldDecorator[] {
  if (presence.optional && presence.nullable) return [OptionalNullable()];
  if (presence.optional) return [Optional()];
  if (presence.nullable) {
    return [ValidateIf((_object: object, value: unknown) => value !== null)];
  }
  return [];
}

/** The OpenAPI property of a field with this presence. */
function documented(presence: Presence, schema: Record<string, unknown>): FieldDecorator {
  const full = presence.nullable ? { ...schema, nullable: true } : schema;
  return presence.optional ? ApiPropertyOptional(full) : ApiProperty(full);
}

const trimmed = (): FieldDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * A single-line text (a title, a name): bidirectional override and isolate characters are
 * refused, since they make a name read differently from what it is (Trojan Source).
 */
export function SingleLine(): FieldDecorator {
  return Matches(/^[^\u202A-\u202E\u2066-\u2069]*$/, {
    message:
      '$property must not contain bidirectional control characters (U+202A-U+202E, U+2066-U+2069)',
  });
}

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

/** A string kept exactly as sent (passwords, tokens, names of API tokens): not trimmed, 1..max. */
export function UntrimmedText(
  maxLength: number,
  options: { description?: string; example?: string } = {},
): FieldDecorator {
  return applyDecorators(
    ApiProperty({ maxLength, description: options.description, example: options.example }),
    IsString(),
    IsNotEmpty(),
    MaxLength(maxLength),
  );
}

/** An email address of at most maxLength characters. */
export function Email(maxLength: number, example?: string): FieldDecorator {
  return applyDecorators(
    ApiProperty({ example, maxLength }),
    IsEmail({}, { message: MESSAGES.email }),
    MaxLength(maxLength),
  );
}

/** A UUID reference; `nullable` lets a PATCH clear it with null. */
export function UuidRef(options: Presence & { description?: string } = {}): FieldDecorator {
  return applyDecorators(
    documented(options, { format: 'uuid', type: String, description: options.description }),
    ...skipping(options),
    IsUUID('all', { message: MESSAGES.uuid }),
  );
}

/** A finite number within [min, max]; JSON strings are refused. */
export function FiniteNumber(
  min: number,
  max: number,
  options: Presence & { example?: number; description?: string } = {},
): FieldDecorator {
  return applyDecorators(
    documented(options, {
      type: Number,
      minimum: min,
      maximum: max,
      example: options.example,
      description: options.description,
    }),
    ...skipping(options),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: MESSAGES.number }),
    Min(min),
    Max(max),
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_WITH_ZONE =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Whether the text is a real calendar day written YYYY-MM-DD. */
export function isIsoDay(value: unknown): value is string {
  return typeof value === 'string' && DAY.test(value) && isISO8601(value, { strict: true });
}

/** A calendar day, YYYY-MM-DD (a real one). */
export function IsoDay(options: Presence & { example?: string } = {}): FieldDecorator {
  return applyDecorators(
    documented(options, { type: String, format: 'date', example: options.example ?? '2026-12-31' }),
    ...skipping(options),
    Matches(DAY, { message: MESSAGES.day }),
    IsISO8601({ strict: true }, { message: MESSAGES.day }),
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
    Matches(DATE_TIME_WITH_ZONE, { message: MESSAGES.dateTime }),
    IsISO8601({ strict: true }, { message: MESSAGES.dateTime }),
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

/** A whole number in [min, max]. */
export function WholeNumber(
  min: number,
  max: number,
  options: Presence & { description?: string } = {},
): FieldDecorator {
  return applyDecorators(
    documented(options, {
      type: 'integer',
      minimum: min,
      maximum: max,
      description: options.description,
    }),
    ...skipping(options),
    IsInt(),
    Min(min),
    Max(max),
  );
}

/** A list of at most `max` distinct UUIDs. */
export function UuidList(
  max: number,
  options: Presence & { description?: string } = {},
): FieldDecorator {
  return applyDecorators(
    documented(options, {
      type: [String],
      format: 'uuid',
      maxItems: max,
      description: options.description,
    }),
    ...skipping(options),
    IsArray(),
    ArrayMaxSize(max),
    ArrayUnique(),
    IsUUID('all', { each: true }),
  );
}

/** An optional true/false in a query string, given to the handler as a boolean. */
export function QueryFlag(description: string): FieldDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Boolean, description }),
    Optional(),
    Transform(({ value }: { value: unknown }) =>
      value === 'true' ? true : value === 'false' ? false : value,
    ),
    IsBoolean({ message: '$property must be true or false' }),
  );
}

/** The word a query uses for the signed-in user where a user id is expected. */
export const ME = 'me';

const UUID_OR_ME = /^(me|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** An optional user id in a query string, or `me` for the signed-in user. */
export function UserIdOrMe(description: string): FieldDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      description,
      oneOf: [
        { type: 'string', format: 'uuid' },
        { type: 'string', enum: [ME] },
      ],
    }),
    Optional(),
    IsString(),
    Matches(UUID_OR_ME, { message: `$property must be a user id (a UUID) or "${ME}"` }),
  );
}
