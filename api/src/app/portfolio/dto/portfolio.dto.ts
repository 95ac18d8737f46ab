import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CycleRef,
  type GatesWaiting,
  INITIATIVE_STATUS_VALUES,
  type InitiativeStatus,
  type KpiReviewSummary,
  MILESTONE_STATE_VALUES,
  type MilestoneState,
  type PortfolioAlert,
  type PortfolioAlertsResponse,
  PORTFOLIO_ALERTS_LIMIT_DEFAULT,
  PORTFOLIO_ALERTS_LIMIT_MAX,
  type PortfolioInitiativeItem,
  type PortfolioSeriesCycle,
  type PortfolioSeriesResponse,
  type PortfolioStage,
  PORTFOLIO_STAGE_KIND_VALUES,
  type PortfolioStageCount,
  type PortfolioStageKind,
  type PortfolioSummaryResponse,
  type PortfolioTensionResponse,
  type ReviewDecision,
  type TensionPoint,
  TENSION_LIMIT_DEFAULT,
  TENSION_LIMIT_MAX,
} from '@waypoint/contracts';
import { Type as TransformType } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { OneOf, Optional, UuidRef } from '../../common';
import { CycleRefDto } from '../../cycles';
import { CycleThresholdQueryDto, CycleValueDto, TensionAlertDto } from '../../value';

const counts = (description: string) =>
  ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description });

export class PortfolioTensionQueryDto {
  @UuidRef({ optional: true, description: 'Indices over this cycle; default: now.' })
  cycleId?: string;

  @OneOf(INITIATIVE_STATUS_VALUES, { optional: true })
  status?: InitiativeStatus;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: TENSION_LIMIT_MAX,
    default: TENSION_LIMIT_DEFAULT,
    description: 'How many points: those whose customer and business index pull apart most.',
  })
  @Optional()
  @TransformType(() => Number)
  @IsInt()
  @Min(1)
  @Max(TENSION_LIMIT_MAX)
  limit: number = TENSION_LIMIT_DEFAULT;
}

export class PortfolioAlertsQueryDto extends CycleThresholdQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: PORTFOLIO_ALERTS_LIMIT_MAX,
    default: PORTFOLIO_ALERTS_LIMIT_DEFAULT,
    description: "How many alerts (in the initiatives' order); `total` counts them all.",
  })
  @Optional()
  @TransformType(() => Number)
  @IsInt()
  @Min(1)
  @Max(PORTFOLIO_ALERTS_LIMIT_MAX)
  limit: number = PORTFOLIO_ALERTS_LIMIT_DEFAULT;
}

class InitiativeRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

class PortfolioStageDto implements PortfolioStage {
  @ApiProperty({ enum: PORTFOLIO_STAGE_KIND_VALUES }) kind!: PortfolioStageKind;
  @ApiProperty({ type: Number, nullable: true }) position!: number | null;
  @ApiProperty({ type: String, nullable: true }) milestoneTitle!: string | null;
  @ApiProperty({ enum: MILESTONE_STATE_VALUES, nullable: true })
  milestoneState!: MilestoneState | null;
}

class PortfolioStageCountDto implements PortfolioStageCount {
  @ApiProperty({ enum: PORTFOLIO_STAGE_KIND_VALUES }) kind!: PortfolioStageKind;
  @ApiProperty({ type: Number, nullable: true }) position!: number | null;
  @ApiProperty({ example: 'Gate 2' }) label!: string;
  @ApiProperty() count!: number;
  @counts('Initiatives at this stage per status.') byStatus!: Record<InitiativeStatus, number>;
}

class PortfolioInitiativeItemDto implements PortfolioInitiativeItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: INITIATIVE_STATUS_VALUES }) status!: InitiativeStatus;
  @ApiProperty({ type: PortfolioStageDto }) stage!: PortfolioStage;
  @ApiProperty() teamSize!: number;
  @ApiProperty({ description: 'Distinct departments of the owner and the team.' })
  departments!: number;
}

class GatesWaitingDto implements GatesWaiting {
  @ApiProperty() count!: number;
  @ApiProperty({ type: Number, nullable: true }) oldestHours!: number | null;
  @ApiProperty({ type: Number, nullable: true }) averageHours!: number | null;
}

class KpiReviewDto implements KpiReviewSummary {
  @ApiProperty() measures!: number;
  @counts('Measures per KPI class.') byClass!: KpiReviewSummary['byClass'];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object' } })
  byPerspective!: KpiReviewSummary['byPerspective'];
  @ApiProperty() counterMeasurePairs!: number;
  @ApiProperty() customerMeasuresWithoutCounter!: number;
}

class AlertCountDto {
  @ApiPropertyOptional({ type: CycleRefDto, nullable: true }) cycle!: CycleRef | null;
  @ApiProperty() threshold!: number;
  @ApiProperty() count!: number;
  @ApiProperty() critical!: number;
}

class DepartmentSpreadDto {
  @ApiProperty() departments!: number;
  @ApiProperty() initiatives!: number;
}

class CrossFunctionalDto {
  @ApiProperty({ type: [DepartmentSpreadDto] })
  byDepartments!: DepartmentSpreadDto[];
  @ApiProperty({ type: Number, nullable: true }) averageDepartments!: number | null;
}

export class PortfolioSummaryBaseDto
  implements Omit<PortfolioSummaryResponse, 'items' | 'itemsPerStage'>
{
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty() initiatives!: number;
  @counts('Initiatives per status.') byStatus!: Record<InitiativeStatus, number>;
  @ApiProperty({ type: [PortfolioStageCountDto] }) byStage!: PortfolioStageCount[];
  @ApiProperty({ type: GatesWaitingDto }) gatesWaiting!: GatesWaiting;
  @ApiProperty() openConditions!: number;
  @ApiProperty({ description: 'Stale measures of active initiatives.' }) staleMeasures!: number;
  @ApiProperty({ type: AlertCountDto }) alerts!: PortfolioSummaryResponse['alerts'];
  @ApiProperty({ type: KpiReviewDto }) kpiReview!: KpiReviewSummary;
  @ApiProperty({ type: CrossFunctionalDto })
  crossFunctional!: PortfolioSummaryResponse['crossFunctional'];
}

export class PortfolioSummaryResponseDto
  extends PortfolioSummaryBaseDto
  implements PortfolioSummaryResponse
{
  @ApiProperty({ description: 'How many initiatives of each stage `items` lists at most.' })
  itemsPerStage!: number;
  @ApiProperty({
    type: [PortfolioInitiativeItemDto],
    description:
      'At most `itemsPerStage` initiatives of each stage, in stage order; `byStage[].count` and `initiatives` count them all.',
  })
  items!: PortfolioInitiativeItem[];
}

class TensionPointDto implements TensionPoint {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: INITIATIVE_STATUS_VALUES }) status!: InitiativeStatus;
  @ApiProperty() teamSize!: number;
  @ApiProperty({ type: Number, nullable: true }) customerIndex!: number | null;
  @ApiProperty({ type: Number, nullable: true }) businessIndex!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'The customer index when the cycle opened (the close of the previous cycle); null for now.',
  })
  openingCustomerIndex!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'The business index when the cycle opened (the close of the previous cycle); null for now.',
  })
  openingBusinessIndex!: number | null;
  @ApiProperty({ type: Number, nullable: true }) estimatedCustomerValue!: number | null;
  @ApiProperty({ type: Number, nullable: true }) estimatedBusinessValue!: number | null;
}

export class PortfolioTensionResponseDto implements PortfolioTensionResponse {
  @ApiPropertyOptional({ type: CycleRefDto, nullable: true }) cycle!: CycleRef | null;
  @ApiProperty({ description: 'How many initiatives match; the points are the first `limit`.' })
  total!: number;
  @ApiProperty({
    type: [TensionPointDto],
    description: 'Largest gap between customer and business index first.',
  })
  points!: TensionPoint[];
}

class PortfolioAlertDto extends TensionAlertDto implements PortfolioAlert {
  @ApiProperty({ type: InitiativeRefDto }) initiative!: { id: string; title: string };
}

export class PortfolioAlertsResponseDto implements PortfolioAlertsResponse {
  @ApiPropertyOptional({ type: CycleRefDto, nullable: true }) cycle!: CycleRef | null;
  @ApiProperty() threshold!: number;
  @ApiProperty({ description: 'How many alerts there are; the items are the first `limit`.' })
  total!: number;
  @ApiProperty({ type: [PortfolioAlertDto] }) items!: PortfolioAlert[];
}

class InitiativeCycleValueDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: Number, nullable: true }) customer!: number | null;
  @ApiProperty({ type: Number, nullable: true }) business!: number | null;
}

class PortfolioSeriesCycleDto extends CycleValueDto implements PortfolioSeriesCycle {
  @counts('Cycle reviews per decision (adopt, adapt, abandon).')
  decisions!: Record<ReviewDecision, number>;
  @ApiProperty({ type: [InitiativeCycleValueDto] })
  initiatives!: InitiativeCycleValueDto[];
}

export class PortfolioSeriesResponseDto implements PortfolioSeriesResponse {
  @ApiProperty({ type: [InitiativeRefDto] }) initiatives!: Array<{ id: string; title: string }>;
  @ApiProperty({ type: [PortfolioSeriesCycleDto] }) cycles!: PortfolioSeriesCycle[];
}
