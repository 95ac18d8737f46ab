import { ApiProperty } from '@nestjs/swagger';
import {
  CONDITION_STATUS_VALUES,
  type ConditionListItem,
  type ConditionListQuery,
  type ConditionStatus,
  type UserRef,
} from '@waypoint/contracts';
import { OneOf, PageDto, PageQueryDto } from '../../common';
import { UserRefDto } from '../../initiatives';

export class ConditionListQueryDto extends PageQueryDto implements ConditionListQuery {
  @OneOf(CONDITION_STATUS_VALUES, { optional: true })
  status?: ConditionStatus;
}

class ConditionInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

class ConditionMilestoneDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: '1-based order within the initiative.' }) position!: number;
}

export class ConditionListItemDto implements ConditionListItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: CONDITION_STATUS_VALUES }) status!: ConditionStatus;
  @ApiProperty({ type: ConditionInitiativeDto }) initiative!: { id: string; title: string };
  @ApiProperty({ type: ConditionMilestoneDto, description: 'The milestone whose gate set it.' })
  milestone!: { id: string; title: string; position: number };
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty({ type: UserRefDto, description: 'Who took the decision.' }) decidedBy!: UserRef;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) closeNote!: string | null;
}

export class ConditionPageDto extends PageDto(ConditionListItemDto) {}
