import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  type Approach,
  APPROACH_VALUES,
  type CreateInitiativeRequest,
  ESTIMATED_VALUE_MAX,
  ESTIMATED_VALUE_MIN,
  INITIATIVE_CUSTOMER_GROUPS_MAX,
  INITIATIVE_SEARCH_MAX_LENGTH,
  INITIATIVE_SORT_VALUES,
  INITIATIVE_STATUS_VALUES,
  INITIATIVE_TEAM_MAX,
  INITIATIVE_TEXT_MAX_LENGTH,
  INITIATIVE_TITLE_MAX_LENGTH,
  MEASURE_NAME_MAX_LENGTH,
  MEASURE_NUMBER_LIMIT,
  type InitiativeListQuery,
  type InitiativeSort,
  type InitiativeStatus,
  type InitiativeTransitionRequest,
  READINESS_SCORE_MAX,
  READINESS_SCORE_MIN,
  type ReadinessInput,
  SORT_ORDER_VALUES,
  type SortOrder,
  TEMPLATE_ID_VALUES,
  type TemplateId,
  type TemplateMeasureValues,
  TRANSITION_NOTE_MAX_LENGTH,
  type UpdateInitiativeRequest,
} from '@waypoint/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, ValidateIf, ValidateNested } from 'class-validator';
import {
  FiniteNumber,
  PageQueryDto,
  OneOf,
  Optional,
  OptionalText,
  RequiredText,
  SingleLine,
  UuidList,
  UuidRef,
  WholeNumber,
} from '../../common';

/** More than any template has measures. */
const TEMPLATE_MEASURES_MAX = 50;

const ESTIMATE = `A whole score from ${ESTIMATED_VALUE_MIN} to ${ESTIMATED_VALUE_MAX}.`;

export class ReadinessDto implements ReadinessInput {
  @WholeNumber(READINESS_SCORE_MIN, READINESS_SCORE_MAX)
  score!: number;

  @OptionalText(INITIATIVE_TEXT_MAX_LENGTH)
  notes?: string;
}

export class TemplateMeasureValuesDto implements TemplateMeasureValues {
  @RequiredText(MEASURE_NAME_MAX_LENGTH, 'Cost per contact')
  name!: string;

  @FiniteNumber(-MEASURE_NUMBER_LIMIT, MEASURE_NUMBER_LIMIT, {
    nullable: true,
    example: 6.4,
    description: 'null: "baseline from the first reading" (the first reading sets and freezes it).',
  })
  baseline!: number | null;

  @FiniteNumber(-MEASURE_NUMBER_LIMIT, MEASURE_NUMBER_LIMIT, { example: 5.8 })
  target!: number;
}

export class ReadinessChangeDto implements Partial<ReadinessInput> {
  @WholeNumber(READINESS_SCORE_MIN, READINESS_SCORE_MAX, {
    optional: true,
    description: 'Readiness for change, 1..5.',
  })
  score?: number;

  @OptionalText(INITIATIVE_TEXT_MAX_LENGTH)
  notes?: string;
}

export class CreateInitiativeDto implements CreateInitiativeRequest {
  @RequiredText(INITIATIVE_TITLE_MAX_LENGTH, 'Shorter waits at the call centre')
  @SingleLine()
  title!: string;

  @OptionalText(INITIATIVE_TEXT_MAX_LENGTH)
  problem?: string;

  @OptionalText(INITIATIVE_TEXT_MAX_LENGTH)
  hypothesis?: string;

  @ApiPropertyOptional({
    enum: APPROACH_VALUES,
    description: 'Required unless `template` is given (then it defaults to the template’s).',
  })
  @ValidateIf((o: CreateInitiativeDto) => o.template === undefined || o.approach !== undefined)
  @IsIn(APPROACH_VALUES, { message: `approach must be one of: ${APPROACH_VALUES.join(', ')}` })
  approach?: Approach;

  @UuidRef({ optional: true, description: 'An active executive.' })
  sponsorId?: string;

  @UuidList(INITIATIVE_TEAM_MAX, {
    optional: true,
    description: 'Active users, from any department.',
  })
  teamIds?: string[];

  @UuidList(INITIATIVE_CUSTOMER_GROUPS_MAX, {
    optional: true,
    description: 'The customer groups it serves.',
  })
  customerGroupIds?: string[];

  @WholeNumber(ESTIMATED_VALUE_MIN, ESTIMATED_VALUE_MAX, { optional: true, description: ESTIMATE })
  estimatedCustomerValue?: number;

  @WholeNumber(ESTIMATED_VALUE_MIN, ESTIMATED_VALUE_MAX, { optional: true, description: ESTIMATE })
  estimatedBusinessValue?: number;

  @ApiPropertyOptional({ type: ReadinessDto })
  @Optional()
  @ValidateNested()
  @Type(() => ReadinessDto)
  readiness?: ReadinessDto;

  @OneOf(TEMPLATE_ID_VALUES, { optional: true })
  template?: TemplateId;

  @ApiPropertyOptional({
    type: [TemplateMeasureValuesDto],
    maxItems: TEMPLATE_MEASURES_MAX,
    description:
      'Only with `template`: the baselines and targets the manager confirmed, by template measure ' +
      'name (422 for a name the template lacks or a target on the wrong side); saved in the same transaction.',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(TEMPLATE_MEASURES_MAX)
  @ValidateNested({ each: true })
  @Type(() => TemplateMeasureValuesDto)
  measures?: TemplateMeasureValuesDto[];
}

export class UpdateInitiativeDto implements UpdateInitiativeRequest {
  @OptionalText(INITIATIVE_TITLE_MAX_LENGTH, { nonEmpty: true })
  @SingleLine()
  title?: string;

  @OptionalText(INITIATIVE_TEXT_MAX_LENGTH)
  problem?: string;

  @OptionalText(INITIATIVE_TEXT_MAX_LENGTH)
  hypothesis?: string;

  @OneOf(APPROACH_VALUES, { optional: true })
  approach?: Approach;

  @UuidRef({ optional: true, description: 'An active executive.' })
  sponsorId?: string;

  @UuidList(INITIATIVE_TEAM_MAX, { optional: true, description: 'Replaces the team.' })
  teamIds?: string[];

  @UuidList(INITIATIVE_CUSTOMER_GROUPS_MAX, {
    optional: true,
    description: 'Replaces the customer groups.',
  })
  customerGroupIds?: string[];

  @WholeNumber(ESTIMATED_VALUE_MIN, ESTIMATED_VALUE_MAX, { optional: true, description: ESTIMATE })
  estimatedCustomerValue?: number;

  @WholeNumber(ESTIMATED_VALUE_MIN, ESTIMATED_VALUE_MAX, { optional: true, description: ESTIMATE })
  estimatedBusinessValue?: number;

  @ApiPropertyOptional({
    type: ReadinessChangeDto,
    description: 'Fields not sent keep their value.',
  })
  @Optional()
  @ValidateNested()
  @Type(() => ReadinessChangeDto)
  readiness?: ReadinessChangeDto;
}

export class InitiativeListQueryDto extends PageQueryDto implements InitiativeListQuery {
  @OneOf(INITIATIVE_STATUS_VALUES, { optional: true })
  status?: InitiativeStatus;

  @OneOf(APPROACH_VALUES, { optional: true })
  approach?: Approach;

  @UuidRef({ optional: true })
  ownerId?: string;

  @UuidRef({ optional: true })
  sponsorId?: string;

  @UuidRef({ optional: true, description: 'Initiatives that serve this customer group.' })
  customerGroupId?: string;

  @OptionalText(INITIATIVE_SEARCH_MAX_LENGTH)
  q?: string;

  @OneOf(INITIATIVE_SORT_VALUES, { optional: true })
  sort?: InitiativeSort;

  @OneOf(SORT_ORDER_VALUES, { optional: true })
  order?: SortOrder;
}

export class InitiativeTransitionDto implements InitiativeTransitionRequest {
  @OneOf(INITIATIVE_STATUS_VALUES)
  to!: InitiativeStatus;

  @OptionalText(TRANSITION_NOTE_MAX_LENGTH)
  note?: string;
}
