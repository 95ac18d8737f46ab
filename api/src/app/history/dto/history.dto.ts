import { ApiProperty } from '@nestjs/swagger';
import type { HistoryEventResponse, HistoryQuery } from '@waypoint/contracts';
import { PageDto, PageQueryDto, OptionalText } from '../../common';
import { AUDIT_TEXT_MAX_LENGTH } from '../../audit';
import { UserRefDto } from '../../initiatives';

/** Newest first; optionally only one kind of record (initiative, milestone, measure, ...). */
export class HistoryQueryDto extends PageQueryDto implements HistoryQuery {
  @OptionalText(AUDIT_TEXT_MAX_LENGTH, { nonEmpty: true })
  entityType?: string;
}

export class HistoryEventResponseDto implements HistoryEventResponse {
  @ApiProperty({ description: 'Increasing number (a bigint, as a string).' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: UserRefDto, nullable: true, description: 'Null for the system.' })
  actor!: UserRefDto | null;
  @ApiProperty({ example: 'transition' }) action!: string;
  @ApiProperty({ example: 'initiative' }) entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) before!: unknown;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) after!: unknown;
}

export class HistoryPageDto extends PageDto(HistoryEventResponseDto) {}
