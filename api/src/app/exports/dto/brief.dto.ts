import { ApiProperty } from '@nestjs/swagger';
import {
  APPROACH_VALUES,
  type Approach,
  type BriefCondition,
  type BriefMeasure,
  type BriefMilestone,
  type CycleAlerts,
  type CycleReviewResponse,
  type CycleValue,
  DIRECTION_VALUES,
  type Direction,
  INITIATIVE_STATUS_VALUES,
  type InitiativeBriefResponse,
  type InitiativeStatus,
  MILESTONE_STATE_VALUES,
  type MeasureUserRef,
  type MilestoneState,
  PERSPECTIVE_VALUES,
  type Perspective,
  type PortfolioBriefResponse,
  type PortfolioAlertsResponse,
  type PortfolioTensionResponse,
  type ReadingSummary,
  type ValuePair,
} from '@waypoint/contracts';
import { CycleReviewResponseDto } from '../../reviews';
import { MeasureUserRefDto, ReadingSummaryDto } from '../../measures';
import {
  PortfolioAlertsResponseDto,
  PortfolioSummaryBaseDto,
  PortfolioTensionResponseDto,
} from '../../portfolio';
import { CycleAlertsDto, CycleValueDto, ValuePairDto } from '../../value';

class BriefGroupDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() protected!: boolean;
}

class BriefInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: INITIATIVE_STATUS_VALUES }) status!: InitiativeStatus;
  @ApiProperty({ enum: APPROACH_VALUES }) approach!: Approach;
  @ApiProperty() problem!: string;
  @ApiProperty() hypothesis!: string;
  @ApiProperty({ type: MeasureUserRefDto }) owner!: MeasureUserRef;
  @ApiProperty({ type: MeasureUserRefDto, nullable: true }) sponsor!: MeasureUserRef | null;
  @ApiProperty({ type: [MeasureUserRefDto] }) team!: MeasureUserRef[];
  @ApiProperty({ type: [BriefGroupDto] }) customerGroups!: BriefGroupDto[];
  @ApiProperty({ type: ValuePairDto }) estimated!: ValuePair;
}

class BriefMilestoneDto implements BriefMilestone {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() position!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: MILESTONE_STATE_VALUES }) state!: MilestoneState;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
}

class BriefMeasureDto implements BriefMeasure {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: PERSPECTIVE_VALUES }) perspective!: Perspective;
  @ApiProperty({ enum: DIRECTION_VALUES }) direction!: Direction;
  @ApiProperty({ type: Number, nullable: true, description: 'Null until the first reading.' })
  baseline!: number | null;
  @ApiProperty() target!: number;
  @ApiProperty({ type: ReadingSummaryDto, nullable: true }) latest!: ReadingSummary | null;
  @ApiProperty({ type: Number, nullable: true }) progress!: number | null;
  @ApiProperty() stale!: boolean;
}

class BriefConditionDto implements BriefCondition {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty() milestoneTitle!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
}

class BriefIndicesDto {
  @ApiProperty({ type: ValuePairDto }) now!: ValuePair;
  @ApiProperty({ type: CycleValueDto, nullable: true }) cycle!: CycleValue | null;
}

export class InitiativeBriefResponseDto implements InitiativeBriefResponse {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: BriefInitiativeDto }) initiative!: BriefInitiativeDto;
  @ApiProperty({ type: [BriefMilestoneDto] }) gateTrack!: BriefMilestone[];
  @ApiProperty({ type: [BriefMeasureDto] }) measures!: BriefMeasure[];
  @ApiProperty({ type: BriefIndicesDto }) indices!: BriefIndicesDto;
  @ApiProperty({ type: CycleAlertsDto }) alerts!: CycleAlerts;
  @ApiProperty({ type: CycleReviewResponseDto, nullable: true })
  latestReview!: CycleReviewResponse | null;
  @ApiProperty({ type: [BriefConditionDto] }) openConditions!: BriefCondition[];
}

export class PortfolioBriefResponseDto implements PortfolioBriefResponse {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: PortfolioSummaryBaseDto }) summary!: PortfolioBriefResponse['summary'];
  @ApiProperty({ type: PortfolioTensionResponseDto }) tension!: PortfolioTensionResponse;
  @ApiProperty({ type: PortfolioAlertsResponseDto }) alerts!: PortfolioAlertsResponse;
}
