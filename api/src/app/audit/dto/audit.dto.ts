import { ApiProperty } from '@nestjs/swagger';
import type { AuditEventResponse } from '@waypoint/contracts';
import { PageDto, PageQueryDto, OptionalDateTime, OptionalText, UuidRef } from '../../common';
import { AUDIT_TEXT_MAX_LENGTH } from '../audit.types';

export class AuditQueryDto extends PageQueryDto {
  @OptionalText(AUDIT_TEXT_MAX_LENGTH, { nonEmpty: true })
  entityType?: string;

  @OptionalText(AUDIT_TEXT_MAX_LENGTH, { nonEmpty: true })
  entityId?: string;

  @UuidRef({ optional: true })
  actorId?: string;

  @OptionalText(AUDIT_TEXT_MAX_LENGTH, { nonEmpty: true })
  action?: string;

  @OptionalDateTime('Events at or after this instant.')
  from?: Date;

  @OptionalDateTime('Events before this instant.')
  to?: Date;
}

export class AuditEventResponseDto implements AuditEventResponse {
  @ApiProperty({ description: 'Increasing number (a bigint, as a string).' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ example: 'update' }) action!: string;
  @ApiProperty({ example: 'department' }) entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) before!: unknown;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) after!: unknown;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
}

export class AuditEventPageDto extends PageDto(AuditEventResponseDto) {}
