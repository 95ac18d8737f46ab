import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPROVAL_SORT_VALUES,
  type ApprovalResponse,
  type ApprovalSort,
  type CloseConditionRequest,
  CONDITION_NOTE_MAX_LENGTH,
  CONDITION_TEXT_MAX_LENGTH,
  CONDITIONS_MAX,
  DECISION_OUTCOME_VALUES,
  DECISION_RATIONALE_MAX_LENGTH,
  type DecideGateRequest,
  type DecisionConditionResponse,
  type DecisionOutcome,
  DIRECTION_VALUES,
  type Direction,
  type EvidenceSnapshot,
  type ExitCriterion,
  type GateDecisionResponse,
  type GateSubmissionResponse,
  PERSPECTIVE_VALUES,
  type Perspective,
  type Readiness,
  type SnapshotMeasure,
  SORT_ORDER_VALUES,
  type SortOrder,
  type StepStatus,
  type UserRef,
  SUBMISSION_NOTE_MAX_LENGTH,
  type SubmitGateRequest,
} from '@waypoint/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import {
  PageDto,
  PageQueryDto,
  OneOf,
  Optional,
  OptionalText,
  RequiredText,
  UuidRef,
} from '../../common';

export class UserRefDto implements UserRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

export class ExitCriterionDto implements ExitCriterion {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty() checked!: boolean;
}

export class DecisionConditionResponseDto implements DecisionConditionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty({ format: 'uuid' }) milestoneId!: string;
  @ApiProperty() text!: string;
  @ApiProperty() open!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: UserRefDto, nullable: true }) closedBy!: UserRefDto | null;
  @ApiProperty({ type: String, nullable: true }) closeNote!: string | null;
  @ApiProperty({ description: 'Send "<version>" in If-Match to close it.' }) version!: number;
}

class SnapshotReadingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() value!: number;
  @ApiProperty({ format: 'date-time' }) observedAt!: string;
}

class SnapshotMeasureDto implements SnapshotMeasure {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: PERSPECTIVE_VALUES }) perspective!: Perspective;
  @ApiProperty({ enum: DIRECTION_VALUES }) direction!: Direction;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Null: waiting for the first reading.',
  })
  baseline!: number | null;
  @ApiProperty() target!: number;
  @ApiProperty({ type: SnapshotReadingDto, nullable: true })
  latestReading!: SnapshotReadingDto | null;
  @ApiProperty({ type: Number, nullable: true, description: '0 at baseline, 1 at target.' })
  progress!: number | null;
}

class SnapshotMilestoneDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() position!: number;
  @ApiProperty() title!: string;
  @ApiProperty() goal!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate!: string | null;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
}

class SnapshotStepsDto {
  @ApiProperty() total!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { todo: 1, doing: 2, blocked: 0, done: 5 },
  })
  byStatus!: Record<StepStatus, number>;
}

class SnapshotReadinessDto implements Readiness {
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty() notes!: string;
}

class SnapshotConditionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'uuid' }) milestoneId!: string;
  @ApiProperty() milestoneTitle!: string;
}

export class EvidenceSnapshotDto implements EvidenceSnapshot {
  @ApiProperty({ format: 'date-time' }) takenAt!: string;
  @ApiProperty({ type: SnapshotMilestoneDto }) milestone!: SnapshotMilestoneDto;
  @ApiProperty({ type: [ExitCriterionDto] }) criteria!: ExitCriterionDto[];
  @ApiProperty({ type: [SnapshotMeasureDto] }) measures!: SnapshotMeasureDto[];
  @ApiProperty({ type: SnapshotStepsDto }) steps!: SnapshotStepsDto;
  @ApiProperty({ type: SnapshotReadinessDto }) readiness!: SnapshotReadinessDto;
  @ApiProperty({ type: [SnapshotConditionDto] }) openConditions!: SnapshotConditionDto[];
}

export class GateSubmissionResponseDto implements GateSubmissionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) milestoneId!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: UserRefDto }) submittedBy!: UserRefDto;
  @ApiProperty({ description: 'What the submitter tells the decider; plain text, may be empty.' })
  note!: string;
  @ApiProperty({ type: EvidenceSnapshotDto, description: 'Frozen at submission.' })
  snapshot!: EvidenceSnapshotDto;
}

export class GateDecisionResponseDto implements GateDecisionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) milestoneId!: string;
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ type: UserRefDto }) decider!: UserRefDto;
  @ApiProperty({ enum: DECISION_OUTCOME_VALUES }) outcome!: DecisionOutcome;
  @ApiProperty() rationale!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty({ type: [DecisionConditionResponseDto] })
  conditions!: DecisionConditionResponseDto[];
}

export class GateDecisionPageDto extends PageDto(GateDecisionResponseDto) {}

class ApprovalInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

class ApprovalMilestoneDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() position!: number;
  @ApiProperty() version!: number;
}

export class ApprovalResponseDto implements ApprovalResponse {
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ type: ApprovalInitiativeDto }) initiative!: ApprovalInitiativeDto;
  @ApiProperty({ type: ApprovalMilestoneDto }) milestone!: ApprovalMilestoneDto;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: UserRefDto }) submittedBy!: UserRefDto;
  @ApiProperty({ description: 'Whole hours since submission.' }) waitingHours!: number;
}

export class ApprovalPageDto extends PageDto(ApprovalResponseDto) {}

const trimEach = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value,
  );

export class SubmitGateDto implements SubmitGateRequest {
  @OptionalText(SUBMISSION_NOTE_MAX_LENGTH)
  note?: string;
}

export class DecideGateDto implements DecideGateRequest {
  @OneOf(DECISION_OUTCOME_VALUES)
  outcome!: DecisionOutcome;

  @OptionalText(DECISION_RATIONALE_MAX_LENGTH)
  rationale?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: CONDITIONS_MAX,
    description: 'Required for go_with_conditions, refused for every other outcome.',
  })
  @Optional()
  @trimEach()
  @IsArray()
  @ArrayMaxSize(CONDITIONS_MAX)
  @IsString({ each: true })
  @MaxLength(CONDITION_TEXT_MAX_LENGTH, { each: true })
  conditions?: string[];
}

export class CloseConditionDto implements CloseConditionRequest {
  @RequiredText(CONDITION_NOTE_MAX_LENGTH, 'Churn check added to the weekly review.')
  note!: string;
}

export class DecisionListQueryDto extends PageQueryDto {}

export class ApprovalListQueryDto extends PageQueryDto {
  @UuidRef({ optional: true })
  initiativeId?: string;

  @OneOf(APPROVAL_SORT_VALUES, { optional: true })
  sort?: ApprovalSort;

  @OneOf(SORT_ORDER_VALUES, { optional: true })
  order?: SortOrder;
}
