import { ApiProperty } from '@nestjs/swagger';
import {
  APPROACH_VALUES,
  type Approach,
  type CompletedPayback,
  type CreateRealisedBenefitRequest,
  DIRECTION_VALUES,
  type Direction,
  type InitiativeMoneyResponse,
  type InitiativeStatus,
  type MeasuredBenefitPart,
  type MeasureUserRef,
  MONEY_MAX_MINOR,
  MONEY_TEXT_MAX,
  type MoneyCycle,
  type MoneyCycleTotals,
  type MoneyDepartment,
  type MoneyPlan,
  type MoneyRoad,
  type Payback,
  PERSPECTIVE_VALUES,
  type Perspective,
  type PortfolioMoneyResponse,
  type PutMoneyPlanRequest,
  type PutValuePerUnitRequest,
  REALISED_SOURCE_VALUES,
  type RealisedBenefitEntry,
  type RealisedSource,
  type ValuedMeasure,
} from '@waypoint/contracts';
import { IsUrl, MaxLength } from 'class-validator';
import { IsoDay, OptionalText, RequiredText, UuidRef, WholeNumber } from '../../common';
import { CycleRefDto } from '../../cycles';
import { UserRefDto } from '../../initiatives';

const minor = (description: string) =>
  WholeNumber(0, MONEY_MAX_MINOR, {
    description: `${description}, in minor units of the organisation's currency (pence, cents).`,
  });

export class PutMoneyPlanDto implements PutMoneyPlanRequest {
  @minor('Benefit expected per year once it works') expectedYearlyBenefitMinor!: number;
  @minor('One-off cost') oneOffCostMinor!: number;
  @minor('Running cost per year') runningCostMinor!: number;
  @OptionalText(MONEY_TEXT_MAX) assumptions?: string;
  @IsoDay({ optional: true, nullable: true })
  benefitStartsOn?: string | null;
}

export class PutValuePerUnitDto implements PutValuePerUnitRequest {
  @WholeNumber(0, MONEY_MAX_MINOR, {
    description:
      'Minor units one unit of improvement of the measure is worth; 0 states no value (the measure stops counting).',
  })
  valuePerUnitMinor!: number;
  @OptionalText(MONEY_TEXT_MAX) basis?: string;
}

export class CreateRealisedBenefitDto implements CreateRealisedBenefitRequest {
  @UuidRef({ description: 'The cycle the benefit was realised in (started already).' })
  cycleId!: string;
  @WholeNumber(-MONEY_MAX_MINOR, MONEY_MAX_MINOR, {
    description: 'Minor units realised in the cycle; negative when it cost money.',
  })
  amountMinor!: number;
  @ApiProperty({ maxLength: 2048, example: 'https://finance.example.com/q3-savings' })
  @MaxLength(2048)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: '$property must be an http or https link' },
  )
  evidenceUrl!: string;
  @RequiredText(MONEY_TEXT_MAX, 'Finance confirmed the overtime saved in the quarter.')
  note!: string;
}

class MoneyPlanDto implements MoneyPlan {
  @ApiProperty({ type: 'integer' }) expectedYearlyBenefitMinor!: number;
  @ApiProperty({ type: 'integer' }) oneOffCostMinor!: number;
  @ApiProperty({ type: 'integer' }) runningCostMinor!: number;
  @ApiProperty() assumptions!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) benefitStartsOn!: string | null;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

class ValuedMeasureDto implements ValuedMeasure {
  @ApiProperty({ format: 'uuid' }) measureId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: DIRECTION_VALUES }) direction!: Direction;
  @ApiProperty({ enum: PERSPECTIVE_VALUES }) perspective!: Perspective;
  @ApiProperty({ type: 'integer', nullable: true }) valuePerUnitMinor!: number | null;
  @ApiProperty() basis!: string;
}

class MeasuredBenefitPartDto implements MeasuredBenefitPart {
  @ApiProperty({ format: 'uuid' }) measureId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty() baseline!: number;
  @ApiProperty() closing!: number;
  @ApiProperty() unitsImproved!: number;
  @ApiProperty({ type: 'integer' }) valuePerUnitMinor!: number;
  @ApiProperty({ type: 'integer' }) amountMinor!: number;
}

export class RealisedBenefitEntryDto implements RealisedBenefitEntry {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty({ type: 'integer' }) amountMinor!: number;
  @ApiProperty() evidenceUrl!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ type: UserRefDto }) enteredBy!: MeasureUserRef;
  @ApiProperty({ format: 'date-time' }) enteredAt!: string;
}

class MoneyCycleDto implements MoneyCycle {
  @ApiProperty({ type: CycleRefDto }) cycle!: CycleRefDto;
  @ApiProperty({ type: 'integer' }) expectedMinor!: number;
  @ApiProperty({ type: 'integer', nullable: true }) realisedMinor!: number | null;
  @ApiProperty({ enum: REALISED_SOURCE_VALUES }) source!: RealisedSource;
  @ApiProperty({ type: [MeasuredBenefitPartDto] }) measured!: MeasuredBenefitPart[];
  @ApiProperty({ type: RealisedBenefitEntryDto, nullable: true })
  entered!: RealisedBenefitEntry | null;
}

export class PaybackDto implements Payback {
  @ApiProperty({ type: Number, nullable: true }) expectedMonths!: number | null;
  @ApiProperty({ type: Number, nullable: true }) realisedMonths!: number | null;
  @ApiProperty() paidBack!: boolean;
}

export class InitiativeMoneyResponseDto implements InitiativeMoneyResponse {
  @ApiProperty({ format: 'uuid' }) initiativeId!: string;
  @ApiProperty({ example: 'GBP' }) currency!: string;
  @ApiProperty({ type: MoneyPlanDto, nullable: true }) plan!: MoneyPlan | null;
  @ApiProperty({ type: [ValuedMeasureDto] }) measures!: ValuedMeasure[];
  @ApiProperty({ type: [MoneyCycleDto] }) cycles!: MoneyCycle[];
  @ApiProperty({ type: 'integer' }) realisedTotalMinor!: number;
  @ApiProperty({ type: 'integer' }) expectedTotalMinor!: number;
  @ApiProperty({ type: PaybackDto, nullable: true }) payback!: Payback | null;
  @ApiProperty({ type: [RealisedBenefitEntryDto] }) entries!: RealisedBenefitEntry[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The published win.' })
  winId!: string | null;
}

class MoneyCycleTotalsDto implements MoneyCycleTotals {
  @ApiProperty({ type: CycleRefDto }) cycle!: CycleRefDto;
  @ApiProperty({ type: 'integer' }) expectedMinor!: number;
  @ApiProperty({ type: 'integer' }) realisedMinor!: number;
}

class MoneyRoadDto implements MoneyRoad {
  @ApiProperty({ enum: APPROACH_VALUES }) road!: Approach;
  @ApiProperty({ type: 'integer' }) initiatives!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } })
  byStatus!: Partial<Record<InitiativeStatus, number>>;
  @ApiProperty({ type: [MoneyCycleTotalsDto] }) cycles!: MoneyCycleTotals[];
  @ApiProperty({ type: 'integer' }) expectedMinor!: number;
  @ApiProperty({ type: 'integer' }) realisedMinor!: number;
}

class DepartmentRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

class MoneyDepartmentDto implements MoneyDepartment {
  @ApiProperty({ type: DepartmentRefDto, nullable: true, description: 'Of the owner.' })
  department!: { id: string; name: string } | null;
  @ApiProperty({ type: [MoneyCycleTotalsDto] }) cycles!: MoneyCycleTotals[];
  @ApiProperty({ type: 'integer' }) expectedMinor!: number;
  @ApiProperty({ type: 'integer' }) realisedMinor!: number;
}

export class WinInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: APPROACH_VALUES }) road!: Approach;
}

class CompletedPaybackDto implements CompletedPayback {
  @ApiProperty({ type: WinInitiativeDto })
  initiative!: { id: string; title: string; road: Approach };
  @ApiProperty({ type: 'integer' }) oneOffCostMinor!: number;
  @ApiProperty({ type: 'integer' }) realisedMinor!: number;
  @ApiProperty({ type: PaybackDto }) payback!: Payback;
}

export class PortfolioMoneyResponseDto implements PortfolioMoneyResponse {
  @ApiProperty({ example: 'GBP' }) currency!: string;
  @ApiProperty({ type: [MoneyCycleTotalsDto] }) cycles!: MoneyCycleTotals[];
  @ApiProperty({ type: 'integer' }) expectedMinor!: number;
  @ApiProperty({ type: 'integer' }) realisedMinor!: number;
  @ApiProperty({ type: [MoneyRoadDto] }) roads!: MoneyRoad[];
  @ApiProperty({ type: [MoneyDepartmentDto] }) departments!: MoneyDepartment[];
  @ApiProperty({ type: [CompletedPaybackDto] }) completed!: CompletedPayback[];
}
