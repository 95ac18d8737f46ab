import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { RouteSchema } from '@nestjs/platform-fastify';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InitiativeListItem, InitiativeResponse, Page } from '@waypoint/contracts';
import {
  type Actor,
  type AuthenticatedUser,
  CurrentActor,
  CurrentUser,
  NotFoundByHandler,
  RequirePermission,
} from '../auth';
import { ApiProblems, IdParams, ApiIfMatch, IfMatch } from '../common';
import { Idempotent } from '../idempotency';
import {
  CreateInitiativeDto,
  InitiativeListQueryDto,
  InitiativeTransitionDto,
  UpdateInitiativeDto,
} from './dto/initiative.dto';
import { InitiativePageDto, InitiativeResponseDto } from './dto/initiative-response.dto';
import { INITIATIVE_PAGE_SCHEMA, INITIATIVE_SCHEMA } from './dto/initiative-response.schema';
import { InitiativeReadsService } from './initiative-reads.service';
import { InitiativeTransitionsService } from './initiative-transitions.service';
import { InitiativesService } from './initiatives.service';

@ApiTags('initiatives')
@Controller('initiatives')
export class InitiativesController {
  constructor(
    private readonly reads: InitiativeReadsService,
    private readonly initiatives: InitiativesService,
    private readonly transitions: InitiativeTransitionsService,
  ) {}

  @Get()
  @RequirePermission('initiatives.list')
  @ApiOperation({
    summary:
      'Initiatives, paged; filter by status, approach, owner, sponsor, customer group or title text. ' +
      'Sort by updatedAt (default, newest first), title or status. Members see the ones they are on.',
  })
  @ApiOkResponse({ type: InitiativePageDto })
  @RouteSchema({ response: { 200: INITIATIVE_PAGE_SCHEMA } })
  @ApiProblems(400, 401, 403)
  list(
    @Query() query: InitiativeListQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Page<InitiativeListItem>> {
    return this.reads.list(query, user);
  }

  @Post()
  @Idempotent()
  @RequirePermission('initiatives.create')
  @ApiOperation({
    summary:
      'Plan a new initiative (a draft you own), optionally from a template that fills in milestones and measures (audited).',
  })
  @ApiCreatedResponse({ type: InitiativeResponseDto })
  @ApiProblems(
    400,
    401,
    403,
    [409, 'This Idempotency-Key is still being processed.'],
    [
      422,
      'The sponsor is not an active executive, a team member is unknown or deactivated, or a customer group is unknown; or the Idempotency-Key was used for another request.',
    ],
  )
  create(
    @Body() body: CreateInitiativeDto,
    @CurrentActor() actor: Actor,
  ): Promise<InitiativeResponse> {
    return this.initiatives.create(body, actor);
  }

  @Get(':id')
  @RequirePermission('initiatives.read', 'initiative')
  @ApiOperation({
    summary:
      'One initiative with its team, customer groups, milestones and measures; the ETag carries its version.',
  })
  @ApiOkResponse({ type: InitiativeResponseDto })
  @RouteSchema({ response: { 200: INITIATIVE_SCHEMA } })
  @NotFoundByHandler()
  @ApiProblems(400, 401, 403, 404)
  get(@Param() params: IdParams): Promise<InitiativeResponse> {
    return this.reads.get(params.id);
  }

  @Patch(':id')
  @RequirePermission('initiatives.update', 'initiative')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Change the plan: fields, sponsor, team and customer groups (sets replaced), if unchanged since you read it (audited).',
  })
  @ApiOkResponse({ type: InitiativeResponseDto, description: 'The new state, with its new ETag.' })
  @ApiProblems(400, 401, 403, 404, 412, 428, [
    422,
    'The initiative is completed or stopped, or a sponsor, team member or customer group is not acceptable.',
  ])
  update(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @Body() body: UpdateInitiativeDto,
    @CurrentActor() actor: Actor,
  ): Promise<InitiativeResponse> {
    return this.initiatives.update(params.id, expectedVersion, body, actor);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @RequirePermission('initiatives.transition', 'initiative')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Move the initiative through its status: propose (owner; needs a milestone and a sponsor), activate ' +
      '(sponsor; starts the first milestone), send a proposal back to draft (anyone but the owner gives the reason in `note`), ' +
      'hold, resume, complete (all milestones approved), stop (audited).',
  })
  @ApiOkResponse({ type: InitiativeResponseDto, description: 'The new state, with its new ETag.' })
  @ApiProblems(
    400,
    401,
    [403, 'Not allowed, or the move is the other party’s (the sponsor accepts a proposal).'],
    404,
    412,
    428,
    [
      422,
      'The move is not allowed from the current status, its prerequisites are missing, or a proposed plan is sent back without a reason (`note`).',
    ],
  )
  transition(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @Body() body: InitiativeTransitionDto,
    @CurrentActor() actor: Actor,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<InitiativeResponse> {
    return this.transitions.transition(params.id, expectedVersion, body, {
      ...actor,
      role: user.role,
    });
  }
}
