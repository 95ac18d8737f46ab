import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALERT_SEVERITY_VALUES,
  type AlertReading,
  type AlertSeverity,
  type CycleAlerts,
  type CycleRef,
  type CycleValue,
  type InitiativeValueResponse,
  type MeasureStandingResponse,
  PERSPECTIVE_VALUES,
  type Perspective,
  TENSION_ALERT_KIND_VALUES,
  type TensionAlertDetail,
  type TensionAlertKind,
  type ValuePair,
} from '@waypoint/contracts';
import { DEFAULT_TENSION_THRESHOLD } from '@waypoint/domain';
import { CycleRefDto } from '../../cycles';
import { ThresholdQuery, UuidRef } from '../../common';

/** Endpoints without query parameters: any parameter is refused (400). */
export class NoQueryDto {}

/** `?cycleId=&threshold=` of the value and alert answers. */
export class CycleThresholdQueryDto {
  @UuidRef({ optional: true, description: 'Default: the latest cycle that has started.' })
  cycleId?: string;

  @ThresholdQuery(DEFAULT_TENSION_THRESHOLD)
  threshold: number = DEFAULT_TENSION_THRESHOLD;
}

export class ValuePairDto implements ValuePair {
  @ApiProperty({ type: Number, nullable: true }) customer!: number | null;
  @ApiProperty({ type: Number, nullable: true }) business!: number | null;
}

export class CycleValueDto extends ValuePairDto implements CycleValue {
  @ApiProperty({ type: CycleRefDto }) cycle!: CycleRef;
}

export class AlertReadingDto implements AlertReading {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) measureId!: string;
  @ApiProperty() measureName!: string;
  @ApiProperty() value!: number;
  @ApiProperty({ format: 'date-time' }) observedAt!: string;
}

export class TensionAlertDto implements TensionAlertDetail {
  @ApiProperty({ enum: TENSION_ALERT_KIND_VALUES }) kind!: TensionAlertKind;
  @ApiProperty({ enum: ALERT_SEVERITY_VALUES }) severity!: AlertSeverity;
  @ApiProperty() explanation!: string;
  @ApiProperty({ type: [String] }) measureIds!: string[];
  @ApiProperty({ type: [String] }) readingIds!: string[];
  @ApiProperty({ type: [AlertReadingDto], description: 'The readings that raised the alert.' })
  readings!: AlertReading[];
}

export class CycleAlertsDto implements CycleAlerts {
  @ApiPropertyOptional({ type: CycleRefDto, nullable: true }) cycle!: CycleRef | null;
  @ApiProperty() threshold!: number;
  @ApiProperty({ type: [TensionAlertDto] }) items!: TensionAlertDetail[];
}

export class MeasureStandingDto implements MeasureStandingResponse {
  @ApiProperty({ format: 'uuid' }) measureId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PERSPECTIVE_VALUES }) perspective!: Perspective;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) readingId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiProperty({ type: Number, nullable: true }) progress!: number | null;
}

export class InitiativeValueResponseDto implements InitiativeValueResponse {
  @ApiProperty({ format: 'uuid' }) initiativeId!: string;
  @ApiProperty({ type: ValuePairDto, description: 'The estimated scores, 0..10.' })
  estimated!: ValuePair;
  @ApiProperty({ type: ValuePairDto, description: 'Value indices now (0 baseline, 1 target).' })
  now!: ValuePair;
  @ApiProperty({ type: [MeasureStandingDto] }) measures!: MeasureStandingResponse[];
  @ApiProperty({ type: [CycleValueDto] }) cycles!: CycleValue[];
  @ApiProperty({ type: CycleAlertsDto }) alerts!: CycleAlerts;
}
