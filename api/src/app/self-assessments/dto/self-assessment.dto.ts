import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPROACH_VALUES,
  type Approach,
  type MySelfAssessmentAnswer,
  type OpenSelfAssessmentRequest,
  SELF_ASSESSMENT_AREA_VALUES,
  SELF_ASSESSMENT_COMMENT_MAX_LENGTH,
  SELF_ASSESSMENT_SCORE_MAX,
  SELF_ASSESSMENT_SCORE_MIN,
  SELF_ASSESSMENT_STATUS_VALUES,
  type SelfAssessmentArea,
  type SelfAssessmentAreaResult,
  type SelfAssessmentCycleSummary,
  type SelfAssessmentResponse,
  type SelfAssessmentResults,
  type SelfAssessmentScore,
  type SelfAssessmentStatus,
  type SelfAssessmentSuggestion,
  type SubmitSelfAssessmentAnswerRequest,
} from '@waypoint/contracts';
import { selfAssessmentInScope } from '@waypoint/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { OneOf, OptionalText, PageDto, PageQueryDto, UuidRef, WholeNumber } from '../../common';
import type { SelfAssessmentRow } from '../self-assessments.repository';

export class OpenSelfAssessmentDto implements OpenSelfAssessmentRequest {
  @UuidRef({ description: 'The cycle the assessment is for.' })
  cycleId!: string;

  @UuidRef({ optional: true, description: 'One department; absent: the whole organisation.' })
  departmentId?: string;
}

export class SelfAssessmentListQueryDto extends PageQueryDto {
  @UuidRef({ optional: true, description: 'Only the assessments of this cycle.' })
  cycleId?: string;

  @OneOf(SELF_ASSESSMENT_STATUS_VALUES, { optional: true })
  status?: SelfAssessmentStatus;
}

export class SelfAssessmentScoreDto implements SelfAssessmentScore {
  @OneOf(SELF_ASSESSMENT_AREA_VALUES)
  area!: SelfAssessmentArea;

  @WholeNumber(SELF_ASSESSMENT_SCORE_MIN, SELF_ASSESSMENT_SCORE_MAX, {
    description: '1 (not at all) to 5 (fully).',
  })
  score!: number;

  @OptionalText(SELF_ASSESSMENT_COMMENT_MAX_LENGTH)
  comment?: string;
}

export class SubmitSelfAssessmentAnswerDto implements SubmitSelfAssessmentAnswerRequest {
  @ApiProperty({
    type: [SelfAssessmentScoreDto],
    minItems: 1,
    maxItems: SELF_ASSESSMENT_AREA_VALUES.length,
    description: 'A score for every statement of the question set, each area once.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SELF_ASSESSMENT_AREA_VALUES.length)
  @ValidateNested({ each: true })
  @Type(() => SelfAssessmentScoreDto)
  scores!: SelfAssessmentScoreDto[];
}

class CycleRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-Q4' }) name!: string;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
}

class DepartmentRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class SelfAssessmentResponseDto implements SelfAssessmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: CycleRefDto }) cycle!: CycleRefDto;
  @ApiProperty({
    type: DepartmentRefDto,
    nullable: true,
    description: 'null: the whole organisation.',
  })
  department!: DepartmentRefDto | null;
  @ApiProperty({ enum: SELF_ASSESSMENT_STATUS_VALUES }) status!: SelfAssessmentStatus;
  @ApiProperty({ description: 'The version of the statements asked.' })
  questionSetVersion!: number;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty() answerCount!: number;
  @ApiProperty({ description: 'Whether the signed-in person is among those asked.' })
  inScope!: boolean;
  @ApiProperty({ description: 'Whether the signed-in person has answered.' })
  answered!: boolean;
  @ApiProperty({ description: 'Increments on every change; the ETag is "<version>".' })
  version!: number;
}

export class SelfAssessmentPageDto extends PageDto(SelfAssessmentResponseDto) {}

class SelfAssessmentScoreAnswerDto implements SelfAssessmentScore {
  @ApiProperty({ enum: SELF_ASSESSMENT_AREA_VALUES }) area!: SelfAssessmentArea;
  @ApiProperty({ minimum: SELF_ASSESSMENT_SCORE_MIN, maximum: SELF_ASSESSMENT_SCORE_MAX })
  score!: number;
  @ApiPropertyOptional() comment?: string;
}

export class MySelfAssessmentAnswerDto implements MySelfAssessmentAnswer {
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty() answered!: boolean;
  @ApiProperty({
    type: [SelfAssessmentScoreAnswerDto],
    description:
      'Empty when not answered, and once the assessment is closed (answers are then no one’s).',
  })
  scores!: SelfAssessmentScoreAnswerDto[];
}

class AreaResultDto implements SelfAssessmentAreaResult {
  @ApiProperty({ enum: SELF_ASSESSMENT_AREA_VALUES }) area!: SelfAssessmentArea;
  @ApiProperty({ minimum: 1, maximum: 5 }) average!: number;
  @ApiProperty({ type: Number, nullable: true }) previousAverage!: number | null;
  @ApiProperty({ type: [String] }) comments!: string[];
}

class CycleSummaryDto implements SelfAssessmentCycleSummary {
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty() cycleName!: string;
  @ApiProperty() answerCount!: number;
  @ApiProperty() shown!: boolean;
}

class SuggestionDto implements SelfAssessmentSuggestion {
  @ApiProperty({ enum: SELF_ASSESSMENT_AREA_VALUES }) area!: SelfAssessmentArea;
  @ApiProperty({ enum: APPROACH_VALUES, description: 'Also the id of its initiative template.' })
  road!: Approach;
}

export class SelfAssessmentResultsDto implements SelfAssessmentResults {
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty() cycleName!: string;
  @ApiProperty() answerCount!: number;
  @ApiProperty() minimumAnswers!: number;
  @ApiProperty({ description: 'false below the minimum: no averages, comments or suggestions.' })
  shown!: boolean;
  @ApiProperty({ type: [AreaResultDto] }) areas!: AreaResultDto[];
  @ApiProperty({ type: CycleSummaryDto, nullable: true }) previous!: CycleSummaryDto | null;
  @ApiProperty({ type: [SuggestionDto] }) suggestions!: SuggestionDto[];
}

export function mapSelfAssessment(
  row: SelfAssessmentRow,
  viewerDepartmentId: string | null,
): SelfAssessmentResponse {
  return {
    id: row.id,
    cycle: { id: row.cycleId, name: row.cycleName, startsOn: row.startsOn, endsOn: row.endsOn },
    department:
      row.departmentId === null ? null : { id: row.departmentId, name: row.departmentName ?? '' },
    status: row.status,
    questionSetVersion: row.questionSetVersion,
    openedAt: new Date(row.openedAt).toISOString(),
    closedAt: row.closedAt === null ? null : new Date(row.closedAt).toISOString(),
    answerCount: row.answerCount,
    inScope: selfAssessmentInScope(row.departmentId, viewerDepartmentId),
    answered: row.answered,
    version: row.version,
  };
}
