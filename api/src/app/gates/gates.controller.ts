import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type {
  DecisionConditionResponse,
  GateDecisionResponse,
  MilestoneDetailResponse,
  Page,
} from '@waypoint/contracts';
import {
  type Actor,
  type AuthenticatedUser,
  CurrentActor,
  CurrentUser,
  RequirePermission,
} from '../auth';
import { ApiProblems, IdParams, ApiIfMatch, IfMatch, ProblemDetailsDto } from '../common';
import { Idempotent } from '../idempotency';
import {
  MilestoneDetailResponseDto,
  CloseConditionDto,
  DecideGateDto,
  SubmitGateDto,
  DecisionConditionResponseDto,
  DecisionListQueryDto,
  GateDecisionPageDto,
  GateDecisionResponseDto,
} from '../milestones';
import { GateDecisionsService } from './gate-decisions.service';
import { GateTransitionsService } from './gate-transitions.service';

const TRANSITION_REFUSED =
  'The workflow refuses it: the state does not allow it (named), the initiative is not active, or an earlier milestone is not approved.';

@ApiTags('gates')
@Controller()
export class GatesController {
  constructor(
    private readonly transitions: GateTransitionsService,
    private readonly decisions: GateDecisionsService,
  ) {}

  @Post('milestones/:id/start')
  @HttpCode(200)
  @RequirePermission('gates.submit', 'milestone')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Start a milestone: only the first one not yet approved, while the initiative is active.',
  })
  @ApiOkResponse({ type: MilestoneDetailResponseDto })
  @ApiProblems(400, 401, 403, 404, 412, [422, TRANSITION_REFUSED], 428)
  start(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @CurrentActor() actor: Actor,
  ): Promise<MilestoneDetailResponse> {
    return this.transitions.start(params.id, expectedVersion, actor);
  }

  @Post('milestones/:id/submit')
  @HttpCode(200)
  @RequirePermission('gates.submit', 'milestone')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Submit the gate for decision: freezes the evidence snapshot, with an optional note to the decider. Needs every exit criterion checked and a reading of every linked measure since the milestone started.',
  })
  @ApiOkResponse({ type: MilestoneDetailResponseDto })
  @ApiProblems(400, 401, 403, 404, 412, 428)
  @ApiResponse({
    status: 422,
    type: ProblemDetailsDto,
    description:
      'Blocked: every missing item in `blockers` (kind, criterion label or measure name, message) and in `errors` (criteria, measures); or the state does not allow a submit.',
  })
  submit(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @Body() body: SubmitGateDto,
    @CurrentActor() actor: Actor,
  ): Promise<MilestoneDetailResponse> {
    return this.transitions.submit(params.id, expectedVersion, actor, body.note ?? '');
  }

  @Post('milestones/:id/resume')
  @HttpCode(200)
  @RequirePermission('gates.submit', 'milestone')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Resume a milestone sent back (changes requested) or on hold: in progress again, and a held initiative active again.',
  })
  @ApiOkResponse({ type: MilestoneDetailResponseDto })
  @ApiProblems(400, 401, 403, 404, 412, [422, TRANSITION_REFUSED], 428)
  resume(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @CurrentActor() actor: Actor,
  ): Promise<MilestoneDetailResponse> {
    return this.transitions.resume(params.id, expectedVersion, actor);
  }

  @Post('milestones/:id/decisions')
  @Idempotent()
  @RequirePermission('gates.decide', 'milestone')
  @ApiOperation({
    summary:
      'Decide the submitted gate (the sponsor or an executive, never the submitter). Rationale required unless plain go; conditions only and always for go_with_conditions.',
  })
  @ApiCreatedResponse({ type: GateDecisionResponseDto })
  @ApiProblems(400, 401, 403, 404, [409, 'This submission has been decided already.'])
  @ApiResponse({
    status: 422,
    type: ProblemDetailsDto,
    description:
      'The milestone is not submitted (its state is named), the caller may not decide it, the decision is incomplete (`errors` per field), or the initiative cannot take the outcome.',
  })
  decide(
    @Param() params: IdParams,
    @Body() body: DecideGateDto,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentActor() actor: Actor,
  ): Promise<GateDecisionResponse> {
    return this.decisions.decide(params.id, body, user, actor);
  }

  @Get('milestones/:id/decisions')
  @RequirePermission('initiatives.read', 'milestone')
  @ApiOperation({
    summary: 'The decisions on a milestone, oldest first, with decider, rationale and conditions.',
  })
  @ApiOkResponse({ type: GateDecisionPageDto })
  @ApiProblems(400, 401, 403, 404)
  listDecisions(
    @Param() params: IdParams,
    @Query() query: DecisionListQueryDto,
  ): Promise<Page<GateDecisionResponse>> {
    return this.decisions.list(params.id, query);
  }

  @Post('conditions/:id/close')
  @HttpCode(200)
  @RequirePermission('conditions.close', 'condition')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Close an open condition of a decision, with a note (audited).' })
  @ApiOkResponse({ type: DecisionConditionResponseDto })
  @ApiProblems(400, 401, 403, 404, 412, [422, 'The condition is closed already.'], 428)
  closeCondition(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @Body() body: CloseConditionDto,
    @CurrentActor() actor: Actor,
  ): Promise<DecisionConditionResponse> {
    return this.decisions.closeCondition(params.id, expectedVersion, body.note, actor);
  }
}
