import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CreateWebhookRequest,
  type UpdateWebhookRequest,
  WEBHOOK_DELIVERY_EVENT_VALUES,
  WEBHOOK_DELIVERY_STATUS_VALUES,
  WEBHOOK_EVENT_VALUES,
  WEBHOOK_FORMAT_VALUES,
  WEBHOOK_NAME_MAX_LENGTH,
  WEBHOOK_URL_MAX_LENGTH,
  type WebhookDeliveryEvent,
  type WebhookDeliveryResponse,
  type WebhookDeliveryStatus,
  type WebhookEvent,
  type WebhookFormat,
  type WebhookResponse,
  type WebhookWithSecretResponse,
} from '@waypoint/contracts';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn } from 'class-validator';
import {
  OneOf,
  Optional,
  OptionalBoolean,
  OptionalText,
  PageDto,
  PageQueryDto,
  RequiredText,
  SingleLine,
} from '../../common';
import type { DeliveryRow } from '../webhook-deliveries.repository';
import type { WebhookEntity } from '../webhook.entity';

const URL_DESCRIPTION =
  'https:// (plain http:// only to this machine, when WEBHOOK_ALLOW_HTTP_LOOPBACK is on); 422 otherwise.';

/** One or more of the kinds of event, each once. */
function EventList(options: { optional?: boolean } = {}): PropertyDecorator {
  const schema = {
    type: 'array' as const,
    items: { type: 'string' as const, enum: [...WEBHOOK_EVENT_VALUES] },
    minItems: 1,
    maxItems: WEBHOOK_EVENT_VALUES.length,
    uniqueItems: true,
  };
  return applyDecorators(
    options.optional ? ApiPropertyOptional(schema) : ApiProperty(schema),
    ...(options.optional ? [Optional()] : []),
    IsArray(),
    ArrayNotEmpty(),
    ArrayMaxSize(WEBHOOK_EVENT_VALUES.length),
    IsIn(WEBHOOK_EVENT_VALUES, {
      each: true,
      message: `each value in $property must be one of: ${WEBHOOK_EVENT_VALUES.join(', ')}`,
    }),
  );
}

export class CreateWebhookDto implements CreateWebhookRequest {
  @RequiredText(WEBHOOK_NAME_MAX_LENGTH, 'Portfolio channel')
  @SingleLine()
  name!: string;

  @RequiredText(WEBHOOK_URL_MAX_LENGTH, 'https://hooks.slack.com/services/T000/B000/XXXX')
  @ApiProperty({ description: URL_DESCRIPTION, maxLength: WEBHOOK_URL_MAX_LENGTH })
  url!: string;

  @EventList()
  events!: WebhookEvent[];

  @OneOf(WEBHOOK_FORMAT_VALUES)
  format!: WebhookFormat;

  @OptionalBoolean()
  enabled?: boolean;
}

export class UpdateWebhookDto implements UpdateWebhookRequest {
  @OptionalText(WEBHOOK_NAME_MAX_LENGTH, { nonEmpty: true })
  @SingleLine()
  name?: string;

  @OptionalText(WEBHOOK_URL_MAX_LENGTH, { nonEmpty: true })
  url?: string;

  @EventList({ optional: true })
  events?: WebhookEvent[];

  @OneOf(WEBHOOK_FORMAT_VALUES, { optional: true })
  format?: WebhookFormat;

  @OptionalBoolean()
  enabled?: boolean;
}

/** Paging only; webhooks are sorted by name. */
export class WebhookListQueryDto extends PageQueryDto {}

/** Paging only; deliveries newest first. */
export class WebhookDeliveryQueryDto extends PageQueryDto {}

export class WebhookResponseDto implements WebhookResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Portfolio channel' }) name!: string;
  @ApiProperty({ example: 'https://hooks.slack.com/services/T000/B000/XXXX' }) url!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_VALUES, isArray: true }) events!: WebhookEvent[];
  @ApiProperty({ enum: WEBHOOK_FORMAT_VALUES }) format!: WebhookFormat;
  @ApiProperty({ description: 'A disabled webhook is sent nothing.' }) enabled!: boolean;
  @ApiProperty({ description: 'Increments on every change; the ETag is "<version>".' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class WebhookWithSecretDto extends WebhookResponseDto implements WebhookWithSecretResponse {
  @ApiProperty({
    description:
      'The key of the HMAC-SHA256 signatures (Waypoint-Signature), shown this once: keep it.',
    example: 'whsec_…',
  })
  secret!: string;
}

export class WebhookPageDto extends PageDto(WebhookResponseDto) {}

export class WebhookDeliveryDto implements WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_EVENT_VALUES }) event!: WebhookDeliveryEvent;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUS_VALUES }) status!: WebhookDeliveryStatus;
  @ApiProperty({ description: 'Attempts made so far.' }) attempts!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'HTTP status of the last answer.' })
  responseCode!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed.' })
  error!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastAttemptAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a waiting delivery is tried again.',
  })
  nextAttemptAt!: string | null;
}

export class WebhookDeliveryPageDto extends PageDto(WebhookDeliveryDto) {}

export function mapWebhook(entity: WebhookEntity): WebhookResponse {
  return {
    id: entity.id,
    name: entity.name,
    url: entity.url,
    events: [...entity.events],
    format: entity.format,
    enabled: entity.enabled,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

export function mapDelivery(row: DeliveryRow): WebhookDeliveryResponse {
  return {
    id: row.id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    responseCode: row.responseCode,
    error: row.lastError,
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: row.status === 'pending' ? row.dueAt.toISOString() : null,
  };
}
