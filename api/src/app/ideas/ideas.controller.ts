import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  IdeaDetailResponse,
  IdeaResponse,
  InitiativeResponse,
  Page,
} from '@waypoint/contracts';
import { type Actor, CurrentActor, RequirePermission } from '../auth';
import { ApiIfMatch, ApiProblems, IdParams, IfMatch, ME } from '../common';
import { Idempotent } from '../idempotency';
import { InitiativeResponseDto } from '../initiatives';
import {
  DeclineIdeaDto,
  IdeaDetailResponseDto,
  IdeaListQueryDto,
  IdeaPageDto,
  MergeIdeaDto,
  MeTooDto,
  PromoteIdeaDto,
  SubmitIdeaDto,
} from './dto/idea.dto';
import { IdeasService } from './ideas.service';

const CLOSED = 'The idea was already merged, declined or promoted (code idea_closed).';

@ApiTags('ideas')
@Controller('ideas')
export class IdeasController {
  constructor(private readonly ideas: IdeasService) {}

  @Get()
  @RequirePermission('ideas.list')
  @ApiOperation({
    summary:
      'The opportunity backlog, highest priority first (see priority), paged; filter by status, group, moment, initiative or submitter.',
  })
  @ApiOkResponse({ type: IdeaPageDto })
  @ApiProblems(400, 401, 403)
  list(
    @Query() query: IdeaListQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<IdeaResponse>> {
    const { status, customerGroupId, momentId, initiativeId, submittedBy } = query;
    return this.ideas.list(
      {
        status,
        customerGroupId,
        momentId,
        initiativeId,
        submittedBy: submittedBy === ME ? actor.userId : submittedBy,
      },
      query,
      actor,
    );
  }

  @Get(':id')
  @RequirePermission('ideas.list')
  @ApiOperation({ summary: 'One idea with its "me too"s; the ETag header carries its version.' })
  @ApiOkResponse({ type: IdeaDetailResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param() params: IdParams, @CurrentActor() actor: Actor): Promise<IdeaDetailResponse> {
    return this.ideas.get(params.id, actor);
  }

  @Post()
  @Idempotent()
  @RequirePermission('ideas.submit')
  @ApiOperation({
    summary:
      "Submit an idea for a moment of a customer group's journey, with the pain, evidence and estimates (audited).",
  })
  @ApiCreatedResponse({ type: IdeaDetailResponseDto })
  @ApiProblems(
    400,
    401,
    403,
    [409, 'This Idempotency-Key is in flight.'],
    [
      422,
      'The customer group or moment does not exist, or the moment is not of that group (code reference_invalid).',
    ],
  )
  submit(@Body() body: SubmitIdeaDto, @CurrentActor() actor: Actor): Promise<IdeaDetailResponse> {
    return this.ideas.submit(body, actor);
  }

  @Post(':id/me-too')
  @Idempotent()
  @RequirePermission('ideas.me-too')
  @ApiOperation({
    summary:
      'Say "me too" to an open idea, with evidence: once per person, not to your own idea (audited).',
  })
  @ApiCreatedResponse({ type: IdeaDetailResponseDto })
  @ApiProblems(
    400,
    401,
    403,
    404,
    [409, 'You already said "me too" to this idea.'],
    [422, `${CLOSED} Or it is your own idea.`],
  )
  meToo(
    @Param() params: IdParams,
    @Body() body: MeTooDto,
    @CurrentActor() actor: Actor,
  ): Promise<IdeaDetailResponse> {
    return this.ideas.meToo(params.id, body.evidence ?? '', actor);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @RequirePermission('ideas.triage')
  @ApiIfMatch()
  @ApiOperation({
    summary: 'Decline an open idea with a reason; its submitter is told the reason (audited).',
  })
  @ApiOkResponse({ type: IdeaDetailResponseDto })
  @ApiProblems(400, 401, 403, 404, 412, [422, CLOSED], 428)
  decline(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @Body() body: DeclineIdeaDto,
    @CurrentActor() actor: Actor,
  ): Promise<IdeaDetailResponse> {
    return this.ideas.decline(params.id, expectedVersion, body.reason, actor);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @RequirePermission('ideas.triage')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Merge a duplicate into the idea kept: its "me too"s, and its submitter as a "me too", move there (audited).',
  })
  @ApiOkResponse({ type: IdeaDetailResponseDto, description: 'The duplicate, now merged.' })
  @ApiProblems(
    400,
    401,
    403,
    404,
    412,
    [422, `${CLOSED} Or the idea kept is this one, is not open, or does not exist.`],
    428,
  )
  merge(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @Body() body: MergeIdeaDto,
    @CurrentActor() actor: Actor,
  ): Promise<IdeaDetailResponse> {
    return this.ideas.merge(params.id, expectedVersion, body.intoIdeaId, actor);
  }

  @Post(':id/promote')
  @Idempotent()
  @RequirePermission('ideas.triage')
  @ApiOperation({
    summary:
      "Promote an open idea to an initiative planned in the wizard; what the plan leaves out is taken from the idea, the idea's group is always served, the initiative is linked to the idea's moment (audited).",
  })
  @ApiCreatedResponse({ type: InitiativeResponseDto })
  @ApiProblems(
    400,
    401,
    403,
    404,
    [409, 'This Idempotency-Key is in flight.'],
    [422, `${CLOSED} Or the plan breaks a rule of planning an initiative.`],
  )
  promote(
    @Param() params: IdParams,
    @Body() body: PromoteIdeaDto,
    @CurrentActor() actor: Actor,
  ): Promise<InitiativeResponse> {
    return this.ideas.promote(params.id, body, actor);
  }
}
