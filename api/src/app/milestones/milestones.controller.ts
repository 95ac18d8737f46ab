import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { MilestoneDetailResponse, MilestoneResponse, Page } from '@waypoint/contracts';
import { type Actor, CurrentActor, RequirePermission } from '../auth';
import { ApiProblems, IdParams, ApiIfMatch, IfMatch } from '../common';
import { Idempotent } from '../idempotency';
import {
  CreateMilestoneDto,
  MilestoneDetailResponseDto,
  MilestoneListQueryDto,
  MilestonePageDto,
  ReorderMilestoneDto,
  UpdateMilestoneDto,
} from './dto/milestone.dto';
import { MilestoneViewsService } from './milestone-views.service';
import { MilestonesService } from './milestones.service';

const PLAN_RULES =
  'A rule of the plan refused it: the initiative is completed or stopped, the milestone is submitted or decided, a criterion or measure is unknown; `errors` names each.';

@ApiTags('milestones')
@Controller()
export class MilestonesController {
  constructor(
    private readonly views: MilestoneViewsService,
    private readonly milestones: MilestonesService,
  ) {}

  @Get('initiatives/:id/milestones')
  @RequirePermission('initiatives.read', 'initiative')
  @ApiOperation({
    summary:
      "An initiative's milestones (its gate track), in order, with criteria, linked measures, state, dates and the open conditions of earlier gates.",
  })
  @ApiOkResponse({ type: MilestonePageDto })
  @ApiProblems(400, 401, 403, 404)
  list(
    @Param() params: IdParams,
    @Query() query: MilestoneListQueryDto,
  ): Promise<Page<MilestoneResponse>> {
    return this.views.list(params.id, query, query);
  }

  @Post('initiatives/:id/milestones')
  @Idempotent()
  @RequirePermission('initiatives.update', 'initiative')
  @ApiOperation({ summary: 'Add a planned milestone at the end of the gate track (audited).' })
  @ApiCreatedResponse({ type: MilestoneDetailResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, [422, PLAN_RULES])
  create(
    @Param() params: IdParams,
    @Body() body: CreateMilestoneDto,
    @CurrentActor() actor: Actor,
  ): Promise<MilestoneDetailResponse> {
    return this.milestones.create(params.id, body, actor);
  }

  @Get('milestones/:id')
  @RequirePermission('initiatives.read', 'milestone')
  @ApiOperation({
    summary:
      'One milestone with its latest evidence snapshot and its decisions; the ETag header carries its version.',
  })
  @ApiOkResponse({ type: MilestoneDetailResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param() params: IdParams): Promise<MilestoneDetailResponse> {
    return this.views.get(params.id);
  }

  @Patch('milestones/:id')
  @RequirePermission('initiatives.update', 'milestone')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Change title, goal, due date, exit criteria (labels while planned or in progress; checks while in progress or changes requested) or linked measures.',
  })
  @ApiOkResponse({ type: MilestoneDetailResponseDto })
  @ApiProblems(400, 401, 403, 404, 412, [422, PLAN_RULES], 428)
  update(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @Body() body: UpdateMilestoneDto,
    @CurrentActor() actor: Actor,
  ): Promise<MilestoneDetailResponse> {
    return this.milestones.update(params.id, expectedVersion, body, actor);
  }

  @Post('milestones/:id/reorder')
  @HttpCode(200)
  @RequirePermission('initiatives.update', 'milestone')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Move a planned milestone to another position; never before a milestone that has started or been decided.',
  })
  @ApiOkResponse({ type: MilestoneDetailResponseDto })
  @ApiProblems(
    400,
    401,
    403,
    404,
    412,
    [422, 'Not planned, or the position is out of range or before a started milestone.'],
    428,
  )
  reorder(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @Body() body: ReorderMilestoneDto,
    @CurrentActor() actor: Actor,
  ): Promise<MilestoneDetailResponse> {
    return this.milestones.reorder(params.id, expectedVersion, body.position, actor);
  }

  @Delete('milestones/:id')
  @HttpCode(204)
  @RequirePermission('initiatives.update', 'milestone')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Remove a planned milestone that has no steps; the later milestones move up (audited).',
  })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblems(
    400,
    401,
    403,
    404,
    412,
    [
      422,
      'The milestone is not planned or still has steps, or the initiative is completed or stopped.',
    ],
    428,
  )
  remove(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.milestones.remove(params.id, expectedVersion, actor);
  }
}
