import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CreateMilestoneRequest,
  CRITERIA_MAX,
  CRITERION_ID_MAX_LENGTH,
  CRITERION_LABEL_MAX_LENGTH,
  type ExitCriterionInput,
  type ExitCriterionUpdate,
  MILESTONE_GOAL_MAX_LENGTH,
  MILESTONE_MEASURES_MAX,
  MILESTONE_SORT_VALUES,
  MILESTONE_STATE_VALUES,
  MILESTONE_TITLE_MAX_LENGTH,
  type MilestoneDetailResponse,
  type MilestoneResponse,
  type MilestoneSort,
  type MilestoneState,
  type ReorderMilestoneRequest,
  SORT_ORDER_VALUES,
  type SortOrder,
  type UpdateMilestoneRequest,
} from '@waypoint/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  PageDto,
  PageQueryDto,
  IsoDay,
  OneOf,
  Optional,
  OptionalText,
  RequiredText,
  SingleLine,
  UuidList,
  WholeNumber,
} from '../../common';
import {
  DecisionConditionResponseDto,
  ExitCriterionDto,
  GateDecisionResponseDto,
  GateSubmissionResponseDto,
  UserRefDto,
} from './gate.dto';

/** The most milestones an initiative can have (a bound for positions). */
export const POSITION_MAX = 1000;

export class ExitCriterionInputDto implements ExitCriterionInput {
  @RequiredText(CRITERION_LABEL_MAX_LENGTH, 'Root causes agreed with the team')
  label!: string;
}

export class ExitCriterionUpdateDto implements ExitCriterionUpdate {
  @ApiPropertyOptional({ maxLength: CRITERION_ID_MAX_LENGTH, description: 'Absent: a new item.' })
  @Optional()
  @IsString()
  @MaxLength(CRITERION_ID_MAX_LENGTH)
  id?: string;

  @RequiredText(CRITERION_LABEL_MAX_LENGTH, 'Root causes agreed with the team')
  label!: string;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  checked?: boolean;
}

export class CreateMilestoneDto implements CreateMilestoneRequest {
  @RequiredText(MILESTONE_TITLE_MAX_LENGTH, 'Measure')
  @SingleLine()
  title!: string;

  @RequiredText(MILESTONE_GOAL_MAX_LENGTH, 'Know how long callers wait today, per segment.')
  goal!: string;

  @IsoDay({ optional: true })
  dueDate?: string;

  @ApiProperty({ type: [ExitCriterionInputDto], maxItems: CRITERIA_MAX })
  @IsArray()
  @ArrayMaxSize(CRITERIA_MAX)
  @ValidateNested({ each: true })
  @Type(() => ExitCriterionInputDto)
  criteria!: ExitCriterionInputDto[];

  // Distinct measure ids (of the milestone's initiative: checked by the service).
  @UuidList(MILESTONE_MEASURES_MAX)
  measureIds!: string[];
}

export class UpdateMilestoneDto implements UpdateMilestoneRequest {
  @OptionalText(MILESTONE_TITLE_MAX_LENGTH, { nonEmpty: true })
  @SingleLine()
  title?: string;

  @OptionalText(MILESTONE_GOAL_MAX_LENGTH, { nonEmpty: true })
  goal?: string;

  @IsoDay({ optional: true, nullable: true })
  dueDate?: string | null;

  @ApiPropertyOptional({
    type: [ExitCriterionUpdateDto],
    maxItems: CRITERIA_MAX,
    description:
      'The whole checklist as it should be. Labels and items change only while planned or in progress; checks only while in progress or changes requested.',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(CRITERIA_MAX)
  @ValidateNested({ each: true })
  @Type(() => ExitCriterionUpdateDto)
  criteria?: ExitCriterionUpdateDto[];

  @UuidList(MILESTONE_MEASURES_MAX, { optional: true })
  measureIds?: string[];
}

export class ReorderMilestoneDto implements ReorderMilestoneRequest {
  @WholeNumber(1, POSITION_MAX, { description: 'The new 1-based position.' })
  position!: number;
}

export class MilestoneListQueryDto extends PageQueryDto {
  @OneOf(MILESTONE_STATE_VALUES, { optional: true })
  state?: MilestoneState;

  @OneOf(MILESTONE_SORT_VALUES, { optional: true })
  sort?: MilestoneSort;

  @OneOf(SORT_ORDER_VALUES, { optional: true })
  order?: SortOrder;
}

export class MilestoneResponseDto implements MilestoneResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) initiativeId!: string;
  @ApiProperty({ description: '1-based order within the initiative.' }) position!: number;
  @ApiProperty() title!: string;
  @ApiProperty() goal!: string;
  @ApiProperty({ type: [ExitCriterionDto] }) criteria!: ExitCriterionDto[];
  @ApiProperty({ type: [String], format: 'uuid' }) measureIds!: string[];
  @ApiProperty({ enum: MILESTONE_STATE_VALUES }) state!: MilestoneState;
  @ApiProperty({ description: 'Planned, and every milestone before it approved.' })
  startable!: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: UserRefDto, nullable: true }) submittedBy!: UserRefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({
    type: [DecisionConditionResponseDto],
    description: 'Open conditions of decisions on earlier milestones.',
  })
  openConditions!: DecisionConditionResponseDto[];
  @ApiProperty({ description: 'Increments on every change; the ETag is "<version>".' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class MilestonePageDto extends PageDto(MilestoneResponseDto) {}

export class MilestoneDetailResponseDto
  extends MilestoneResponseDto
  implements MilestoneDetailResponse
{
  @ApiProperty({ type: GateSubmissionResponseDto, nullable: true })
  latestSubmission!: GateSubmissionResponseDto | null;
  @ApiProperty({ type: [GateDecisionResponseDto] }) decisions!: GateDecisionResponseDto[];
}
