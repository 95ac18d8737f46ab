import { ApiProperty } from '@nestjs/swagger';
import {
  type CreateMomentRequest,
  INITIATIVE_STATUS_VALUES,
  type InitiativeMomentRef,
  type InitiativeMomentsRequest,
  type InitiativeStatus,
  MOMENT_MEASURES_MAX,
  MOMENT_NAME_MAX_LENGTH,
  MOMENT_RATING_MAX,
  MOMENT_RATING_MIN,
  MOMENT_TEXT_MAX_LENGTH,
  MOMENTS_PER_GROUP_MAX,
  type MomentHeatMapResponse,
  type MomentHeatMapRow,
  type MomentInitiativeRef,
  type MomentMeasureRef,
  type MomentResponse,
  type ReorderMomentsRequest,
  type UpdateMomentRequest,
  type UserRef,
} from '@waypoint/contracts';
import {
  OptionalText,
  PageDto,
  PageQueryDto,
  RequiredText,
  SingleLine,
  UuidList,
  UuidRef,
  WholeNumber,
} from '../../common';
import { UserRefDto } from '../../initiatives';

/** How many moments an initiative may be linked to. */
export const INITIATIVE_MOMENTS_MAX = 24;

export class CreateMomentDto implements CreateMomentRequest {
  @UuidRef({ description: 'The customer group whose journey it belongs to.' })
  customerGroupId!: string;

  @RequiredText(MOMENT_NAME_MAX_LENGTH, 'Get help')
  @SingleLine()
  name!: string;

  @OptionalText(MOMENT_TEXT_MAX_LENGTH)
  description?: string;
}

export class UpdateMomentDto implements UpdateMomentRequest {
  @OptionalText(MOMENT_NAME_MAX_LENGTH, { nonEmpty: true })
  @SingleLine()
  name?: string;

  @OptionalText(MOMENT_TEXT_MAX_LENGTH)
  description?: string;

  @WholeNumber(MOMENT_RATING_MIN, MOMENT_RATING_MAX, {
    optional: true,
    description: 'How customers experience it now: 1 (very poorly) to 5 (very well).',
  })
  rating?: number;

  @OptionalText(MOMENT_TEXT_MAX_LENGTH)
  ratingNote?: string;

  @UuidList(MOMENT_MEASURES_MAX, {
    optional: true,
    description: 'Replaces the measures that track it.',
  })
  measureIds?: string[];
}

export class ReorderMomentsDto implements ReorderMomentsRequest {
  @UuidRef()
  customerGroupId!: string;

  @UuidList(MOMENTS_PER_GROUP_MAX, {
    description: "Every moment of the group's journey, in order.",
  })
  momentIds!: string[];
}

export class InitiativeMomentsDto implements InitiativeMomentsRequest {
  @UuidList(INITIATIVE_MOMENTS_MAX, { description: 'Replaces the moments it improves.' })
  momentIds!: string[];
}

export class MomentListQueryDto extends PageQueryDto {
  @UuidRef({ optional: true, description: 'Only the moments of this group.' })
  customerGroupId?: string;
}

export class MomentMeasureRefDto implements MomentMeasureRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) initiativeId!: string;
}

export class MomentInitiativeRefDto implements MomentInitiativeRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: INITIATIVE_STATUS_VALUES }) status!: InitiativeStatus;
}

export class MomentResponseDto implements MomentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) customerGroupId!: string;
  @ApiProperty({ example: 'Get help' }) name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: "1-based place along the group's journey." }) position!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: MOMENT_RATING_MIN,
    maximum: MOMENT_RATING_MAX,
    description: 'How customers experience it now; null until rated.',
  })
  rating!: number | null;
  @ApiProperty() ratingNote!: string;
  @ApiProperty({ type: UserRefDto, nullable: true }) ratedBy!: UserRef | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) ratedAt!: string | null;
  @ApiProperty({ type: [MomentMeasureRefDto] }) measures!: MomentMeasureRef[];
  @ApiProperty({
    type: [MomentInitiativeRefDto],
    description: 'Linked initiatives that are draft, proposed, active or on hold.',
  })
  activeInitiatives!: MomentInitiativeRef[];
  @ApiProperty({ description: 'Ideas for it waiting for triage.' }) openIdeas!: number;
  @ApiProperty({ description: 'Increments on every change; the ETag is "<version>".' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class MomentPageDto extends PageDto(MomentResponseDto) {}

export class InitiativeMomentRefDto implements InitiativeMomentRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) customerGroupId!: string;
  @ApiProperty() customerGroupName!: string;
}

export class MomentHeatMapRowDto implements MomentHeatMapRow {
  @ApiProperty({ format: 'uuid' }) customerGroupId!: string;
  @ApiProperty() customerGroupName!: string;
  @ApiProperty() protected!: boolean;
  @ApiProperty({
    type: 'array',
    items: { allOf: [{ $ref: '#/components/schemas/MomentResponseDto' }], nullable: true },
    description: "One cell per column; null where the group's journey has no such moment.",
  })
  cells!: Array<MomentResponse | null>;
}

export class MomentHeatMapResponseDto implements MomentHeatMapResponse {
  @ApiProperty({ type: [String], description: 'Moment names across the journeys, in order.' })
  columns!: string[];
  @ApiProperty({ type: [MomentHeatMapRowDto] }) rows!: MomentHeatMapRow[];
}
