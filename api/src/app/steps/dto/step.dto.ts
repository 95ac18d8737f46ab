import { ApiProperty } from '@nestjs/swagger';
import {
  type CreateStepRequest,
  INITIATIVE_STATUS_VALUES,
  type InitiativeStatus,
  MILESTONE_STATE_VALUES,
  type MilestoneState,
  SORT_ORDER_VALUES,
  type SortOrder,
  STEP_SORT_VALUES,
  STEP_STATUS_VALUES,
  STEP_TITLE_MAX_LENGTH,
  type StepListItem,
  type StepResponse,
  type StepSearchQuery,
  type StepSort,
  type StepStatus,
  type UpdateStepRequest,
  type UserRef,
} from '@waypoint/contracts';
import {
  PageDto,
  PageQueryDto,
  QueryFlag,
  UserIdOrMe,
  IsoDay,
  OneOf,
  OptionalText,
  RequiredText,
  UuidRef,
  WholeNumber,
} from '../../common';
import { UserRefDto, personOf } from '../../milestones';
import type { StepEntity } from '../step.entity';

/** The most steps a milestone can have (a bound for positions). */
export const STEP_POSITION_MAX = 1000;

export class CreateStepDto implements CreateStepRequest {
  @RequiredText(STEP_TITLE_MAX_LENGTH, 'Map the call flow')
  title!: string;

  @UuidRef({ optional: true, description: "On the initiative's team, or its owner." })
  assigneeId?: string;

  @IsoDay({ optional: true })
  dueDate?: string;

  @OneOf(STEP_STATUS_VALUES, { optional: true })
  status?: StepStatus;
}

export class UpdateStepDto implements UpdateStepRequest {
  @OptionalText(STEP_TITLE_MAX_LENGTH, { nonEmpty: true })
  title?: string;

  @UuidRef({
    optional: true,
    nullable: true,
    description: "On the initiative's team, or its owner; null unassigns.",
  })
  assigneeId?: string | null;

  @IsoDay({ optional: true, nullable: true })
  dueDate?: string | null;

  @OneOf(STEP_STATUS_VALUES, { optional: true })
  status?: StepStatus;

  @WholeNumber(1, STEP_POSITION_MAX, {
    optional: true,
    description: 'Moves the step within its milestone (1-based); the others are renumbered.',
  })
  position?: number;
}

export class StepListQueryDto extends PageQueryDto {
  @OneOf(STEP_STATUS_VALUES, { optional: true })
  status?: StepStatus;

  @UuidRef({ optional: true })
  assigneeId?: string;

  @OneOf(STEP_SORT_VALUES, { optional: true })
  sort?: StepSort;

  @OneOf(SORT_ORDER_VALUES, { optional: true })
  order?: SortOrder;
}

export class StepResponseDto implements StepResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) milestoneId!: string;
  @ApiProperty({ format: 'uuid' }) initiativeId!: string;
  @ApiProperty({ description: '1-based order within the milestone.' }) position!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: UserRefDto, nullable: true }) assignee!: UserRefDto | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate!: string | null;
  @ApiProperty({ enum: STEP_STATUS_VALUES }) status!: StepStatus;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The gate it was carried over from when that gate was approved (POST /api/steps/{id}/return sends it back), or null.',
  })
  movedFromMilestoneId!: string | null;
  @ApiProperty({ description: 'Increments on every change; the ETag is "<version>".' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class StepPageDto extends PageDto(StepResponseDto) {}

/** The stored fields of a step that its answer shows. */
export type StepFields = Pick<
  StepEntity,
  | 'id'
  | 'milestoneId'
  | 'initiativeId'
  | 'position'
  | 'title'
  | 'assigneeId'
  | 'dueDate'
  | 'status'
  | 'movedFromMilestoneId'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
>;

export function mapStep(entity: StepFields, people: Map<string, UserRef>): StepResponse {
  return {
    id: entity.id,
    milestoneId: entity.milestoneId,
    initiativeId: entity.initiativeId,
    position: entity.position,
    title: entity.title,
    assignee: entity.assigneeId ? personOf(people, entity.assigneeId) : null,
    dueDate: entity.dueDate,
    status: entity.status,
    movedFromMilestoneId: entity.movedFromMilestoneId,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

export class StepSearchQueryDto extends PageQueryDto implements StepSearchQuery {
  @UserIdOrMe('Steps assigned to this user; `me` for yourself.')
  assigneeId?: string;

  @OneOf(STEP_STATUS_VALUES, { optional: true })
  status?: StepStatus;

  @QueryFlag(
    'true: only steps that can still change (their milestone is neither approved nor rejected, their initiative neither completed nor stopped); false: only those that cannot.',
  )
  open?: boolean;

  @IsoDay({ optional: true, example: '2026-12-31' })
  dueBefore?: string;

  @QueryFlag('true: only steps due before today (UTC) and not done.')
  overdue?: boolean;
}

class StepInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: INITIATIVE_STATUS_VALUES }) status!: InitiativeStatus;
}

class StepMilestoneDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ enum: MILESTONE_STATE_VALUES }) state!: MilestoneState;
}

export class StepListItemDto extends StepResponseDto implements StepListItem {
  @ApiProperty({ type: StepInitiativeDto }) initiative!: StepInitiativeDto;
  @ApiProperty({ type: StepMilestoneDto }) milestone!: StepMilestoneDto;
  @ApiProperty({
    description:
      'Whether the step can still change: its milestone is neither approved nor rejected and its initiative neither completed nor stopped.',
  })
  open!: boolean;
}

export class StepListItemPageDto extends PageDto(StepListItemDto) {}
