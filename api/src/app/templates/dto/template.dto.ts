import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type Approach,
  APPROACH_VALUES,
  type Cadence,
  CADENCE_VALUES,
  type Direction,
  DIRECTION_VALUES,
  type InitiativeTemplate,
  type KpiClass,
  KPI_CLASS_VALUES,
  type Perspective,
  PERSPECTIVE_VALUES,
  type TemplateId,
  TEMPLATE_ID_VALUES,
  type TemplateListQuery,
  type TemplateMeasure,
  type TemplateMilestone,
} from '@waypoint/contracts';
import { PageDto, PageQueryDto, OneOf } from '../../common';

export class TemplateListQueryDto extends PageQueryDto implements TemplateListQuery {
  @OneOf(APPROACH_VALUES, { optional: true })
  approach?: Approach;
}

class TemplateMilestoneDto implements TemplateMilestone {
  @ApiProperty({ example: 'Define' }) title!: string;
  @ApiProperty() goal!: string;
  @ApiProperty({ type: [String], description: 'Exit criteria (a checklist).' })
  criteria!: string[];
}

class TemplateMeasureDto implements TemplateMeasure {
  @ApiProperty() name!: string;
  @ApiProperty({ example: '%' }) unit!: string;
  @ApiProperty({ enum: PERSPECTIVE_VALUES }) perspective!: Perspective;
  @ApiProperty({ enum: DIRECTION_VALUES }) direction!: Direction;
  @ApiProperty() baseline!: number;
  @ApiProperty() target!: number;
  @ApiProperty({ enum: CADENCE_VALUES }) cadence!: Cadence;
  @ApiProperty({ enum: KPI_CLASS_VALUES }) kpiClass!: KpiClass;
  @ApiPropertyOptional({
    description: 'Name of the customer measure this business measure guards (counter-measure).',
  })
  counterMeasureOf?: string;
}

export class TemplateResponseDto implements InitiativeTemplate {
  @ApiProperty({ enum: TEMPLATE_ID_VALUES }) id!: TemplateId;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: APPROACH_VALUES }) approach!: Approach;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [TemplateMilestoneDto] }) milestones!: TemplateMilestoneDto[];
  @ApiProperty({ type: [TemplateMeasureDto] }) measures!: TemplateMeasureDto[];
}

export class TemplatePageDto extends PageDto(TemplateResponseDto) {}
