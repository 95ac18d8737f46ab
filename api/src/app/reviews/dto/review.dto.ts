import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CYCLE_REVIEW_TEXT_MAX_LENGTH,
  type CycleRef,
  type CycleReviewResponse,
  type IndexCycleChange,
  type MeasureCycleChange,
  type MeasuredChange,
  type MeasuredPoint,
  type MeasureUserRef,
  PERSPECTIVE_VALUES,
  type Perspective,
  type PutCycleReviewRequest,
  REVIEW_DECISION_VALUES,
  type ReviewDecision,
} from '@waypoint/contracts';
import { IsIn } from 'class-validator';
import { PageDto, PageQueryDto, OptionalNullable, OptionalText, UuidRef } from '../../common';
import { MeasureUserRefDto } from '../../measures';
import { CycleRefDto } from '../../cycles';

const TEXT = CYCLE_REVIEW_TEXT_MAX_LENGTH;

const OptionalDecision = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      enum: REVIEW_DECISION_VALUES,
      nullable: true,
      description: 'Optional while the cycle runs; required once it has ended.',
    }),
    OptionalNullable(),
    IsIn(REVIEW_DECISION_VALUES, {
      message: `$property must be one of: ${REVIEW_DECISION_VALUES.join(', ')}`,
    }),
  );

export class ReviewParams {
  @UuidRef({ description: 'The initiative.' })
  id!: string;

  @UuidRef()
  cycleId!: string;
}

/** PUT replaces the whole review: absent texts become empty, an absent decision none. */
export class PutCycleReviewDto implements PutCycleReviewRequest {
  @OptionalText(TEXT) intent?: string;
  @OptionalText(TEXT) predictedChange?: string;
  @OptionalDecision() decision?: ReviewDecision | null;
  @OptionalText(TEXT) learnings?: string;
  @OptionalText(TEXT) nextIntent?: string;
}

export class ReviewListQueryDto extends PageQueryDto {}

class MeasuredPointDto implements MeasuredPoint {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null when the cycle opened at the baseline (no reading before it).',
  })
  readingId!: string | null;
  @ApiProperty() value!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) observedAt!: string | null;
}

class MeasureCycleChangeDto implements MeasureCycleChange {
  @ApiProperty({ format: 'uuid' }) measureId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: PERSPECTIVE_VALUES }) perspective!: Perspective;
  @ApiProperty({ type: MeasuredPointDto }) first!: MeasuredPoint;
  @ApiProperty({ type: MeasuredPointDto }) last!: MeasuredPoint;
  @ApiProperty({ description: 'Direction-aware, in the unit: positive is better.' })
  improvement!: number;
  @ApiProperty() progressFirst!: number;
  @ApiProperty() progressLast!: number;
}

class IndexCycleChangeDto implements IndexCycleChange {
  @ApiProperty({ type: Number, nullable: true }) start!: number | null;
  @ApiProperty({ type: Number, nullable: true }) end!: number | null;
  @ApiProperty({ type: Number, nullable: true }) change!: number | null;
}

export class MeasuredChangeDto implements MeasuredChange {
  @ApiProperty({ type: IndexCycleChangeDto }) customer!: IndexCycleChange;
  @ApiProperty({ type: IndexCycleChangeDto }) business!: IndexCycleChange;
  @ApiProperty({ type: [MeasureCycleChangeDto] }) measures!: MeasureCycleChange[];
}

export class CycleReviewResponseDto implements CycleReviewResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) initiativeId!: string;
  @ApiProperty({ type: CycleRefDto }) cycle!: CycleRef;
  @ApiProperty() intent!: string;
  @ApiProperty() predictedChange!: string;
  @ApiProperty({ enum: REVIEW_DECISION_VALUES, nullable: true }) decision!: ReviewDecision | null;
  @ApiProperty() learnings!: string;
  @ApiProperty() nextIntent!: string;
  @ApiProperty({ type: MeasureUserRefDto }) author!: MeasureUserRef;
  @ApiProperty({
    type: MeasuredChangeDto,
    description: 'Computed from the readings inside the cycle; never typed in.',
  })
  measured!: MeasuredChange;
  @ApiProperty({ description: 'Increments on every change; the ETag is "<version>".' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CycleReviewPageDto extends PageDto(CycleReviewResponseDto) {}
