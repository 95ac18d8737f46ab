import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Page, StepListItem, StepResponse } from '@waypoint/contracts';
import {
  type Actor,
  type AuthenticatedUser,
  CurrentActor,
  CurrentUser,
  RequirePermission,
} from '../auth';
import { ApiProblems, IdParams, ApiIfMatch, IfMatch } from '../common';
import { Idempotent } from '../idempotency';
import {
  CreateStepDto,
  StepListItemPageDto,
  StepListQueryDto,
  StepPageDto,
  StepResponseDto,
  StepSearchQueryDto,
  UpdateStepDto,
} from './dto/step.dto';
import { StepsService } from './steps.service';

const STEP_RULES =
  'The milestone is approved or rejected, or the initiative completed or stopped; the assignee is not on the team; the position is out of range.';

@ApiTags('steps')
@Controller()
export class StepsController {
  constructor(private readonly steps: StepsService) {}

  @Get('steps')
  @RequirePermission('steps.list')
  @ApiOperation({
    summary:
      'Steps across initiatives, paged: `assigneeId=me` for my steps (or any user id), with status, open and due filters. ' +
      'Only steps of initiatives you may read (members: those they own or are on the team of). ' +
      'Each carries its initiative and milestone. Not-done steps first, then by due date (none last), then title.',
  })
  @ApiOkResponse({ type: StepListItemPageDto })
  @ApiProblems(400, 401, 403)
  find(
    @Query() query: StepSearchQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Page<StepListItem>> {
    return this.steps.find(query, user, new Date());
  }

  @Get('milestones/:id/steps')
  @RequirePermission('initiatives.read', 'milestone')
  @ApiOperation({ summary: "A milestone's steps, in order (or sorted), filterable, paged." })
  @ApiOkResponse({ type: StepPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(@Param() params: IdParams, @Query() query: StepListQueryDto): Promise<Page<StepResponse>> {
    return this.steps.list(params.id, query, query);
  }

  @Post('milestones/:id/steps')
  @Idempotent()
  @RequirePermission('steps.write', 'milestone')
  @ApiOperation({ summary: 'Add a step at the end of the milestone (audited).' })
  @ApiCreatedResponse({ type: StepResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, [422, STEP_RULES])
  create(
    @Param() params: IdParams,
    @Body() body: CreateStepDto,
    @CurrentActor() actor: Actor,
  ): Promise<StepResponse> {
    return this.steps.create(params.id, body, actor);
  }

  @Patch('steps/:id')
  @RequirePermission('steps.write', 'step')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Change title, assignee, due date or status, or move the step within its milestone (the others are renumbered).',
  })
  @ApiOkResponse({ type: StepResponseDto })
  @ApiProblems(400, 401, 403, 404, 412, [422, STEP_RULES], 428)
  update(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @Body() body: UpdateStepDto,
    @CurrentActor() actor: Actor,
  ): Promise<StepResponse> {
    return this.steps.update(params.id, expectedVersion, body, actor);
  }

  @Delete('steps/:id')
  @HttpCode(204)
  @RequirePermission('steps.write', 'step')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Delete a step; the later steps move up (audited).' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 401, 403, 404, 412, [422, STEP_RULES], 428)
  remove(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.steps.remove(params.id, expectedVersion, actor);
  }

  @Post('steps/:id/return')
  @HttpCode(200)
  @RequirePermission('steps.write', 'step')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Send a step that was carried over (when its gate was approved) back to that gate, at its end; it leaves the current board (audited).',
  })
  @ApiOkResponse({ type: StepResponseDto })
  @ApiProblems(
    400,
    401,
    403,
    404,
    412,
    [422, 'The step was not carried over, or the gate it is under no longer takes changes.'],
    428,
  )
  returnToOrigin(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @CurrentActor() actor: Actor,
  ): Promise<StepResponse> {
    return this.steps.returnToOrigin(params.id, expectedVersion, actor);
  }
}
