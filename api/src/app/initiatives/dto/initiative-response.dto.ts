import { ApiProperty } from '@nestjs/swagger';
import {
  type Approach,
  APPROACH_VALUES,
  CUSTOMER_GROUP_INTENT_VALUES,
  type CustomerGroupIntent,
  type CustomerGroupRef,
  type DepartmentRef,
  INITIATIVE_STATUS_VALUES,
  type InitiativeListItem,
  type InitiativeResponse,
  type InitiativeStatus,
  type MeasureSummary,
  MILESTONE_STATE_VALUES,
  type MilestoneState,
  type MilestoneSummary,
  PERSPECTIVE_VALUES,
  type Perspective,
  type Readiness,
  type TeamMember,
  TEMPLATE_ID_VALUES,
  type TemplateId,
  type UserRef,
} from '@waypoint/contracts';
import { PageDto } from '../../common';

export class UserRefDto implements UserRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Sam Rivera' }) displayName!: string;
}

class DepartmentRefDto implements DepartmentRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

class CurrentMilestoneDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: MILESTONE_STATE_VALUES }) state!: MilestoneState;
}

export class InitiativeListItemDto implements InitiativeListItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: INITIATIVE_STATUS_VALUES }) status!: InitiativeStatus;
  @ApiProperty({ enum: APPROACH_VALUES }) approach!: Approach;
  @ApiProperty({ type: UserRefDto }) owner!: UserRefDto;
  @ApiProperty({ type: UserRefDto, nullable: true }) sponsor!: UserRefDto | null;
  @ApiProperty() teamSize!: number;
  @ApiProperty({ description: 'How many departments the team members come from.' })
  departmentCount!: number;
  @ApiProperty({
    type: CurrentMilestoneDto,
    nullable: true,
    description: 'The first milestone not yet approved.',
  })
  currentMilestone!: CurrentMilestoneDto | null;
  @ApiProperty({ type: 'integer', nullable: true }) estimatedCustomerValue!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) estimatedBusinessValue!: number | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class InitiativePageDto extends PageDto(InitiativeListItemDto) {}

class TeamMemberDto implements TeamMember {
  @ApiProperty({ type: UserRefDto }) user!: UserRefDto;
  @ApiProperty({ type: DepartmentRefDto, nullable: true }) department!: DepartmentRefDto | null;
}

class CustomerGroupRefDto implements CustomerGroupRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CUSTOMER_GROUP_INTENT_VALUES }) intent!: CustomerGroupIntent;
  @ApiProperty() protected!: boolean;
}

class CriteriaCountDto {
  @ApiProperty() total!: number;
  @ApiProperty() checked!: number;
}

class MilestoneSummaryDto implements MilestoneSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() position!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: MILESTONE_STATE_VALUES }) state!: MilestoneState;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate!: string | null;
  @ApiProperty({ type: CriteriaCountDto }) criteria!: CriteriaCountDto;
}

class MeasureSummaryDto implements MeasureSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PERSPECTIVE_VALUES }) perspective!: Perspective;
}

class InitiativeReadinessDto implements Readiness {
  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 5 }) score!: number | null;
  @ApiProperty() notes!: string;
}

export class InitiativeResponseDto implements InitiativeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() problem!: string;
  @ApiProperty() hypothesis!: string;
  @ApiProperty({ enum: APPROACH_VALUES }) approach!: Approach;
  @ApiProperty({ enum: INITIATIVE_STATUS_VALUES }) status!: InitiativeStatus;
  @ApiProperty({ enum: INITIATIVE_STATUS_VALUES, isArray: true })
  nextStatuses!: InitiativeStatus[];
  @ApiProperty({ enum: TEMPLATE_ID_VALUES, nullable: true }) template!: TemplateId | null;
  @ApiProperty({ type: UserRefDto }) owner!: UserRefDto;
  @ApiProperty({ type: UserRefDto, nullable: true }) sponsor!: UserRefDto | null;
  @ApiProperty({ type: [TeamMemberDto] }) team!: TeamMemberDto[];
  @ApiProperty({ type: [CustomerGroupRefDto] }) customerGroups!: CustomerGroupRefDto[];
  @ApiProperty({ type: [MilestoneSummaryDto] }) milestones!: MilestoneSummaryDto[];
  @ApiProperty({ type: [MeasureSummaryDto] }) measures!: MeasureSummaryDto[];
  @ApiProperty({ description: 'Conditions of go-with-conditions decisions still open.' })
  openConditions!: number;
  @ApiProperty({ type: 'integer', nullable: true }) estimatedCustomerValue!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) estimatedBusinessValue!: number | null;
  @ApiProperty({ type: InitiativeReadinessDto }) readiness!: InitiativeReadinessDto;
  @ApiProperty({ description: 'Increments on every change; the ETag is "<version>".' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
