import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CADENCE_VALUES,
  type Cadence,
  type CreateMeasureRequest,
  type CycleRef,
  DIRECTION_VALUES,
  INITIATIVE_STATUS_VALUES,
  type InitiativeStatus,
  type Direction,
  KPI_CLASS_VALUES,
  type KpiClass,
  MEASURE_NAME_MAX_LENGTH,
  MEASURE_NUMBER_LIMIT,
  MEASURE_SEARCH_SORT_VALUES,
  MEASURE_SORT_VALUES,
  MEASURE_UNIT_MAX_LENGTH,
  MEASURE_WEIGHT_MAX,
  type MeasureCustomerGroupRef,
  type MeasureStandingChange,
  type MeasureListItem,
  type MeasureRef,
  type MeasureResponse,
  type MeasureSearchQuery,
  type MeasureSearchSort,
  type MeasureSort,
  type MeasureUserRef,
  PERSPECTIVE_VALUES,
  type Perspective,
  type ReadingSummary,
  type UpdateMeasureRequest,
} from '@waypoint/contracts';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { CycleRefDto } from '../../cycles';
import {
  PageDto,
  PageQueryDto,
  FiniteNumber,
  IsoDay,
  OneOf,
  Optional,
  OptionalText,
  QueryFlag,
  RequiredText,
  SingleLine,
  UserIdOrMe,
  UuidRef,
} from '../../common';

const LIMIT = MEASURE_NUMBER_LIMIT;

/** The unit may be empty (a count, a ratio) but must be sent when creating. */
const UnitText = (optional: boolean): PropertyDecorator =>
  applyDecorators(
    optional
      ? ApiPropertyOptional({ maxLength: MEASURE_UNIT_MAX_LENGTH, example: 'min' })
      : ApiProperty({ maxLength: MEASURE_UNIT_MAX_LENGTH, example: 'min' }),
    ...(optional ? [Optional()] : []),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim() : value,
    ),
    IsString(),
    MaxLength(MEASURE_UNIT_MAX_LENGTH),
  );

export class CreateMeasureDto implements CreateMeasureRequest {
  @RequiredText(MEASURE_NAME_MAX_LENGTH, 'Average wait')
  @SingleLine()
  name!: string;

  @UnitText(false)
  unit!: string;

  @OneOf(PERSPECTIVE_VALUES)
  perspective!: Perspective;

  @OneOf(DIRECTION_VALUES)
  direction!: Direction;

  @FiniteNumber(-LIMIT, LIMIT, {
    nullable: true,
    example: 40,
    description: 'null: the first reading gives the baseline (and freezes it).',
  })
  baseline!: number | null;

  @FiniteNumber(-LIMIT, LIMIT, { example: 20 })
  target!: number;

  @IsoDay({ optional: true })
  targetDate?: string;

  @OneOf(CADENCE_VALUES)
  cadence!: Cadence;

  @OneOf(KPI_CLASS_VALUES)
  kpiClass!: KpiClass;

  @UuidRef({ optional: true })
  customerGroupId?: string;

  @UuidRef({
    optional: true,
    description: 'Only for a customer measure: a business measure of the same initiative.',
  })
  counterMeasureId?: string;

  @UuidRef({ optional: true, description: 'The owner or a team member of the initiative.' })
  recorderId?: string;

  @FiniteNumber(0, MEASURE_WEIGHT_MAX, { optional: true, example: 1 })
  weight?: number;
}

export class UpdateMeasureDto implements UpdateMeasureRequest {
  @OptionalText(MEASURE_NAME_MAX_LENGTH, { nonEmpty: true })
  @SingleLine()
  name?: string;

  @UnitText(true)
  unit?: string;

  @OneOf(PERSPECTIVE_VALUES, { optional: true })
  perspective?: Perspective;

  @OneOf(DIRECTION_VALUES, { optional: true })
  direction?: Direction;

  @FiniteNumber(-LIMIT, LIMIT, {
    optional: true,
    description: 'Refused (422) once the baseline is frozen.',
  })
  baseline?: number;

  @FiniteNumber(-LIMIT, LIMIT, { optional: true })
  target?: number;

  @IsoDay({ optional: true, nullable: true })
  targetDate?: string | null;

  @OneOf(CADENCE_VALUES, { optional: true })
  cadence?: Cadence;

  @OneOf(KPI_CLASS_VALUES, { optional: true })
  kpiClass?: KpiClass;

  @UuidRef({ optional: true, nullable: true })
  customerGroupId?: string | null;

  @UuidRef({ optional: true, nullable: true })
  counterMeasureId?: string | null;

  @UuidRef({ optional: true, nullable: true })
  recorderId?: string | null;

  @FiniteNumber(0, MEASURE_WEIGHT_MAX, { optional: true })
  weight?: number;
}

export class MeasureListQueryDto extends PageQueryDto {
  @OneOf(PERSPECTIVE_VALUES, { optional: true })
  perspective?: Perspective;

  @OneOf(KPI_CLASS_VALUES, { optional: true })
  kpiClass?: KpiClass;

  @UuidRef({ optional: true })
  customerGroupId?: string;

  @OptionalText(MEASURE_NAME_MAX_LENGTH, { nonEmpty: true })
  @SingleLine()
  q?: string;

  @OneOf(MEASURE_SORT_VALUES, { optional: true })
  sort?: MeasureSort;
}

class MeasureUserRefDto implements MeasureUserRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

class MeasureCustomerGroupRefDto implements MeasureCustomerGroupRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() protected!: boolean;
}

class MeasureRefDto implements MeasureRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PERSPECTIVE_VALUES }) perspective!: Perspective;
}

export class ReadingSummaryDto implements ReadingSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() value!: number;
  @ApiProperty({ format: 'date-time' }) observedAt!: string;
}

export class MeasureResponseDto implements MeasureResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) initiativeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: PERSPECTIVE_VALUES }) perspective!: Perspective;
  @ApiProperty({ enum: DIRECTION_VALUES }) direction!: Direction;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Null until the first reading gives the baseline.',
  })
  baseline!: number | null;
  @ApiProperty() target!: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) targetDate!: string | null;
  @ApiProperty({ enum: CADENCE_VALUES }) cadence!: Cadence;
  @ApiProperty({ enum: KPI_CLASS_VALUES }) kpiClass!: KpiClass;
  @ApiProperty() weight!: number;
  @ApiProperty({ type: MeasureCustomerGroupRefDto, nullable: true })
  customerGroup!: MeasureCustomerGroupRef | null;
  @ApiProperty({ type: MeasureRefDto, nullable: true }) counterMeasure!: MeasureRef | null;
  @ApiProperty({ type: MeasureUserRefDto, nullable: true }) recorder!: MeasureUserRef | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  baselineFrozenAt!: string | null;
  @ApiProperty({ type: ReadingSummaryDto, nullable: true })
  latestReading!: ReadingSummary | null;
  @ApiProperty({ type: Number, nullable: true, description: '0 at baseline, 1 at target.' })
  progress!: number | null;
  @ApiProperty() stale!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) staleSince!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readingDueAt!: string | null;
  @ApiProperty({ description: 'Increments on every change; the ETag is "<version>".' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class MeasurePageDto extends PageDto(MeasureResponseDto) {}

export class MeasureSearchQueryDto extends PageQueryDto implements MeasureSearchQuery {
  @UserIdOrMe(
    'The measures this user is expected to record (`me`: yourself): those that name them as recorder, and those that name no recorder in an initiative they own.',
  )
  recorderId?: string;

  @UuidRef({ optional: true, description: 'Measures aimed at this customer group.' })
  customerGroupId?: string;

  @OneOf(KPI_CLASS_VALUES, { optional: true })
  kpiClass?: KpiClass;

  @OneOf(PERSPECTIVE_VALUES, { optional: true })
  perspective?: Perspective;

  @QueryFlag(
    'true: only stale measures (no reading for longer than their cadence and its grace period); false: only the others.',
  )
  stale?: boolean;

  @QueryFlag(
    'true: only measures worsening over the current cycle (their stored cycle standing fell: libs/domain isWorsening); false: only the others.',
  )
  worsening?: boolean;

  @ApiPropertyOptional({
    enum: MEASURE_SEARCH_SORT_VALUES,
    default: 'initiative',
    description:
      '`initiative`: by initiative title, then measure name; `due`: stale ones first, then by when the next reading is due.',
  })
  @Optional()
  @IsIn(MEASURE_SEARCH_SORT_VALUES, {
    message: `$property must be one of: ${MEASURE_SEARCH_SORT_VALUES.join(', ')}`,
  })
  sort?: MeasureSearchSort;
}

export class MeasureStandingChangeDto implements MeasureStandingChange {
  @ApiProperty({ type: CycleRefDto }) cycle!: CycleRef;
  @ApiProperty({ type: Number, nullable: true, description: 'The value it opened at.' })
  opening!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The value it closed at (by now).' })
  closing!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "The change in the measure's direction: above 0 better, below 0 worse.",
  })
  improvement!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Progress at the closing minus at the opening.',
  })
  progressChange!: number | null;
  @ApiProperty({ description: 'Its standing fell over the cycle (libs/domain isWorsening).' })
  worsening!: boolean;
}

class MeasureInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: INITIATIVE_STATUS_VALUES }) status!: InitiativeStatus;
}

export class MeasureListItemDto extends MeasureResponseDto implements MeasureListItem {
  @ApiProperty({ type: MeasureInitiativeDto }) initiative!: MeasureInitiativeDto;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      "Progress of the counter-measure's latest reading (0 at its baseline, 1 at its target), when there is a counter-measure and it was read.",
  })
  counterMeasureProgress!: number | null;
  @ApiProperty({
    type: MeasureStandingChangeDto,
    nullable: true,
    description:
      'Its change over the current cycle (the latest that has started); null when none has.',
  })
  cycleChange!: MeasureStandingChange | null;
}

export class MeasureListItemPageDto extends PageDto(MeasureListItemDto) {}

export { MeasureUserRefDto };
