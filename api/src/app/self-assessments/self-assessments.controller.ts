import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  MySelfAssessmentAnswer,
  Page,
  SelfAssessmentResponse,
  SelfAssessmentResults,
} from '@waypoint/contracts';
import {
  type Actor,
  type AuthenticatedUser,
  CurrentActor,
  CurrentUser,
  RequirePermission,
} from '../auth';
import { ApiIfMatch, ApiProblems, IdParams, IfMatch } from '../common';
import { Idempotent } from '../idempotency';
import {
  MySelfAssessmentAnswerDto,
  OpenSelfAssessmentDto,
  SelfAssessmentListQueryDto,
  SelfAssessmentPageDto,
  SelfAssessmentResponseDto,
  SelfAssessmentResultsDto,
  SubmitSelfAssessmentAnswerDto,
} from './dto/self-assessment.dto';
import { SelfAssessmentsService } from './self-assessments.service';

const CLOSED: [number, string] = [422, 'The self-assessment is closed.'];

@ApiTags('self-assessments')
@Controller('self-assessments')
export class SelfAssessmentsController {
  constructor(private readonly assessments: SelfAssessmentsService) {}

  @Get()
  @RequirePermission('self-assessments.read')
  @ApiOperation({
    summary:
      'Self-assessments, newest cycle first, the organisation’s before the departments’; with whether I am asked and have answered.',
  })
  @ApiOkResponse({ type: SelfAssessmentPageDto })
  @ApiProblems(400, 401, 403)
  list(
    @Query() query: SelfAssessmentListQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Page<SelfAssessmentResponse>> {
    const { limit, offset, ...filter } = query;
    return this.assessments.list(filter, { limit, offset }, user);
  }

  @Get(':id')
  @RequirePermission('self-assessments.read')
  @ApiOperation({ summary: 'One self-assessment; the ETag header carries its version.' })
  @ApiOkResponse({ type: SelfAssessmentResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(
    @Param() params: IdParams,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SelfAssessmentResponse> {
    return this.assessments.get(params.id, user);
  }

  @Post()
  @Idempotent()
  @RequirePermission('self-assessments.manage')
  @ApiOperation({
    summary:
      'Open the self-assessment of a cycle, for the whole organisation or one department (audited).',
  })
  @ApiCreatedResponse({ type: SelfAssessmentResponseDto })
  @ApiProblems(
    400,
    401,
    403,
    [
      409,
      'The cycle already has a self-assessment of this scope, or this Idempotency-Key is in flight.',
    ],
    [422, 'No such cycle or department.'],
  )
  open(
    @Body() body: OpenSelfAssessmentDto,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentActor() actor: Actor,
  ): Promise<SelfAssessmentResponse> {
    return this.assessments.open(body, user, actor);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission('self-assessments.manage')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Close a self-assessment: answers can no longer change, and nothing ties them to anyone any more (audited).',
  })
  @ApiOkResponse({ type: SelfAssessmentResponseDto })
  @ApiProblems(400, 401, 403, 404, 412, CLOSED, 428)
  close(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentActor() actor: Actor,
  ): Promise<SelfAssessmentResponse> {
    return this.assessments.close(params.id, expectedVersion, user, actor);
  }

  @Get(':id/my-answer')
  @RequirePermission('self-assessments.answer')
  @ApiOperation({
    summary:
      'My own answer, to change it while the assessment is open. No one can read anyone else’s.',
  })
  @ApiOkResponse({ type: MySelfAssessmentAnswerDto })
  @ApiProblems(400, 401, 403, 404)
  myAnswer(
    @Param() params: IdParams,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<MySelfAssessmentAnswer> {
    return this.assessments.myAnswer(params.id, user);
  }

  @Put(':id/my-answer')
  @RequirePermission('self-assessments.answer')
  @ApiOperation({
    summary:
      'Answer (or change my answer) anonymously: a score from 1 to 5 for every statement, with optional comments. Once per person; the audit trail records that I answered, never what.',
  })
  @ApiOkResponse({ type: MySelfAssessmentAnswerDto })
  @ApiProblems(400, 401, 403, 404, [
    422,
    'The assessment is closed or asks another department, or not every statement is scored once.',
  ])
  answer(
    @Param() params: IdParams,
    @Body() body: SubmitSelfAssessmentAnswerDto,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentActor() actor: Actor,
  ): Promise<MySelfAssessmentAnswer> {
    return this.assessments.answer(params.id, body, user, actor);
  }

  @Get(':id/results')
  @RequirePermission('self-assessments.read')
  @ApiOperation({
    summary:
      'The averages per area beside the previous cycle’s (same scope), the comments and the roads of the weakest areas; below five answers only the count.',
  })
  @ApiOkResponse({ type: SelfAssessmentResultsDto })
  @ApiProblems(400, 401, 403, 404)
  results(
    @Param() params: IdParams,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SelfAssessmentResults> {
    return this.assessments.results(params.id, user);
  }
}
