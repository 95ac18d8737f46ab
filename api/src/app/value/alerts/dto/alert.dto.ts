import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALERT_EVENT_ACTION_VALUES,
  ALERT_NOTE_MAX_LENGTH,
  ALERT_NOTE_MIN_LENGTH,
  ALERT_SEVERITY_VALUES,
  ALERT_STATUS_FILTER_VALUES,
  ALERT_STATUS_VALUES,
  PERSPECTIVE_VALUES,
  PORTFOLIO_ALERTS_LIMIT_DEFAULT,
  PORTFOLIO_ALERTS_LIMIT_MAX,
  TENSION_ALERT_KIND_VALUES,
  type AcknowledgeAlertRequest,
  type AlertAnswer,
  type AlertEventAction,
  type AlertEventResponse,
  type AlertIndexStanding,
  type AlertListQuery,
  type AlertMeasureMove,
  type AlertReading,
  type AlertResponse,
  type AlertSeverity,
  type AlertStandingPoint,
  type AlertStatus,
  type AlertStatusFilter,
  type CycleRef,
  type DismissAlertRequest,
  type Perspective,
  type PortfolioAlertRecord,
  type PortfolioAlertRecordsResponse,
  type TensionAlertKind,
  type UserRef,
} from '@waypoint/contracts';
import { DEFAULT_TENSION_THRESHOLD } from '@waypoint/domain';
import { Transform, Type as TransformType } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  OneOf,
  Optional,
  PageDto,
  PageQueryDto,
  SingleLine,
  ThresholdQuery,
  UuidRef,
} from '../../../common';
import { CycleRefDto } from '../../../cycles';
import { UserRefDto } from '../../../initiatives';

export class AlertListQueryDto extends PageQueryDto implements AlertListQuery {
  @OneOf(ALERT_STATUS_FILTER_VALUES, { optional: true })
  status?: AlertStatusFilter;

  @UuidRef({ optional: true, description: 'Only the alerts of this cycle.' })
  cycleId?: string;

  @UuidRef({ optional: true, description: 'Only the alerts of this initiative.' })
  initiativeId?: string;
}

/**
 * A note of what will be done, or a reason: required, trimmed, 3..2000 characters, lines
 * allowed (bidirectional control characters are not, as in every text).
 */
function AnswerText(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      minLength: ALERT_NOTE_MIN_LENGTH,
      maxLength: ALERT_NOTE_MAX_LENGTH,
      description,
    }),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim() : value,
    ),
    IsString(),
    MinLength(ALERT_NOTE_MIN_LENGTH, {
      message: `$property must say it in words (at least ${ALERT_NOTE_MIN_LENGTH} characters)`,
    }),
    MaxLength(ALERT_NOTE_MAX_LENGTH),
    SingleLine(),
  );
}

export class AcknowledgeAlertDto implements AcknowledgeAlertRequest {
  @AnswerText('What the owner or sponsor will do about the alert.')
  note!: string;
}

export class DismissAlertDto implements DismissAlertRequest {
  @AnswerText('Why the alert is set aside for the cycle.')
  reason!: string;
}

export class PortfolioAlertRecordsQueryDto {
  @UuidRef({ optional: true, description: 'Default: the latest cycle that has started.' })
  cycleId?: string;

  @ThresholdQuery(DEFAULT_TENSION_THRESHOLD)
  threshold: number = DEFAULT_TENSION_THRESHOLD;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: PORTFOLIO_ALERTS_LIMIT_MAX,
    default: PORTFOLIO_ALERTS_LIMIT_DEFAULT,
    description: 'How many alerts (newest first); `total` counts them all.',
  })
  @Optional()
  @TransformType(() => Number)
  @IsInt()
  @Min(1)
  @Max(PORTFOLIO_ALERTS_LIMIT_MAX)
  limit: number = PORTFOLIO_ALERTS_LIMIT_DEFAULT;
}

class AlertReadingDto implements AlertReading {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) measureId!: string;
  @ApiProperty() measureName!: string;
  @ApiProperty() value!: number;
  @ApiProperty({ format: 'date-time' }) observedAt!: string;
}

class AlertIndexStandingDto implements AlertIndexStanding {
  @ApiProperty({ type: Number, nullable: true }) opening!: number | null;
  @ApiProperty({ type: Number, nullable: true }) closing!: number | null;
  @ApiProperty({ type: Number, nullable: true }) change!: number | null;
}

class AlertIndicesDto {
  @ApiProperty({ type: AlertIndexStandingDto }) customer!: AlertIndexStanding;
  @ApiProperty({ type: AlertIndexStandingDto }) business!: AlertIndexStanding;
}

class AlertStandingPointDto implements AlertStandingPoint {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) readingId!: string | null;
  @ApiProperty() value!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) observedAt!: string | null;
}

class AlertMeasureMoveDto implements AlertMeasureMove {
  @ApiProperty({ format: 'uuid' }) measureId!: string;
  @ApiProperty() measureName!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: PERSPECTIVE_VALUES }) perspective!: Perspective;
  @ApiProperty({ type: AlertStandingPointDto }) opening!: AlertStandingPoint;
  @ApiProperty({ type: AlertStandingPointDto }) closing!: AlertStandingPoint;
  @ApiProperty() improvement!: number;
  @ApiProperty() progressOpening!: number;
  @ApiProperty() progressClosing!: number;
  @ApiProperty() progressChange!: number;
}

class AlertEventDto implements AlertEventResponse {
  @ApiProperty({ enum: ALERT_EVENT_ACTION_VALUES }) action!: AlertEventAction;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: UserRefDto, nullable: true }) actor!: UserRef | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

class AlertAnswerDto implements AlertAnswer {
  @ApiProperty({ type: UserRefDto }) by!: UserRef;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() note!: string;
}

class AlertInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

class AlertCanDto {
  @ApiProperty() acknowledge!: boolean;
  @ApiProperty() dismiss!: boolean;
}

export class AlertResponseDto implements AlertResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ALERT_STATUS_VALUES }) status!: AlertStatus;
  @ApiProperty({ enum: TENSION_ALERT_KIND_VALUES }) kind!: TensionAlertKind;
  @ApiProperty({ enum: ALERT_SEVERITY_VALUES }) severity!: AlertSeverity;
  @ApiProperty() explanation!: string;
  @ApiProperty({ type: [String] }) measureIds!: string[];
  @ApiProperty({ type: [String] }) readingIds!: string[];
  @ApiProperty({ type: AlertInitiativeDto }) initiative!: { id: string; title: string };
  @ApiProperty({ type: CycleRefDto }) cycle!: CycleRef;
  @ApiProperty({ format: 'date-time' }) raisedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ type: [AlertReadingDto], description: 'The readings that raised it.' })
  readings!: AlertReading[];
  @ApiProperty({ type: AlertIndicesDto, description: "The initiative's indices when raised." })
  indices!: { customer: AlertIndexStanding; business: AlertIndexStanding };
  @ApiProperty({ type: [AlertMeasureMoveDto], description: 'The measures behind it.' })
  moves!: AlertMeasureMove[];
  @ApiProperty({ type: AlertAnswerDto, nullable: true }) acknowledgement!: AlertAnswer | null;
  @ApiProperty({ type: AlertAnswerDto, nullable: true }) dismissal!: AlertAnswer | null;
  @ApiProperty({ type: [AlertEventDto] }) history!: AlertEventResponse[];
  @ApiProperty({ type: AlertCanDto, description: 'What the signed-in user may do with it now.' })
  can!: { acknowledge: boolean; dismiss: boolean };
}

export class AlertPageDto extends PageDto(AlertResponseDto) {}

class PortfolioAlertRecordDto implements PortfolioAlertRecord {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ALERT_STATUS_VALUES }) status!: AlertStatus;
  @ApiProperty({ type: AlertAnswerDto, nullable: true }) acknowledgement!: AlertAnswer | null;
  @ApiProperty({ enum: TENSION_ALERT_KIND_VALUES }) kind!: TensionAlertKind;
  @ApiProperty({ enum: ALERT_SEVERITY_VALUES }) severity!: AlertSeverity;
  @ApiProperty() explanation!: string;
  @ApiProperty({ type: [String] }) measureIds!: string[];
  @ApiProperty({ type: [String] }) readingIds!: string[];
  @ApiProperty({ type: [AlertReadingDto] }) readings!: AlertReading[];
  @ApiProperty({ type: AlertInitiativeDto }) initiative!: { id: string; title: string };
}

export class PortfolioAlertRecordsResponseDto implements PortfolioAlertRecordsResponse {
  @ApiPropertyOptional({ type: CycleRefDto, nullable: true }) cycle!: CycleRef | null;
  @ApiProperty() threshold!: number;
  @ApiProperty({ description: 'How many alerts there are; the items are the first `limit`.' })
  total!: number;
  @ApiProperty({ type: [PortfolioAlertRecordDto] }) items!: PortfolioAlertRecord[];
}
