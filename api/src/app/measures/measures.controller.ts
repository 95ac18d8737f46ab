import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MeasureListItem, MeasureResponse, Page } from '@waypoint/contracts';
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
  CreateMeasureDto,
  MeasureListItemPageDto,
  MeasureListQueryDto,
  MeasurePageDto,
  MeasureResponseDto,
  MeasureSearchQueryDto,
  UpdateMeasureDto,
} from './dto/measure.dto';
import { MeasuresService } from './measures.service';

@ApiTags('measures')
@Controller()
export class MeasuresController {
  constructor(private readonly measures: MeasuresService) {}

  @Get('measures')
  @RequirePermission('measures.list')
  @ApiOperation({
    summary:
      'Measures across initiatives, paged; the filters combine. `recorderId=me`: the measures you are expected to record, ' +
      'that is those naming you as recorder, and those naming no recorder in an initiative you own. ' +
      'Only measures of initiatives you may read (members: those they own or are on the team of). ' +
      "Each carries its initiative, latest effective reading, progress, staleness and its counter-measure's progress.",
  })
  @ApiOkResponse({ type: MeasureListItemPageDto })
  @ApiProblems(400, 401, 403)
  find(
    @Query() query: MeasureSearchQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Page<MeasureListItem>> {
    return this.measures.find(query, user, new Date());
  }

  @Get('initiatives/:id/measures')
  @RequirePermission('initiatives.read', 'initiative')
  @ApiOperation({
    summary:
      'Measures of an initiative, paged; each with its latest effective reading, progress and staleness.',
  })
  @ApiOkResponse({ type: MeasurePageDto })
  @ApiProblems(400, 401, 403, 404)
  list(
    @Param() params: IdParams,
    @Query() query: MeasureListQueryDto,
  ): Promise<Page<MeasureResponse>> {
    const { limit, offset, sort, ...filter } = query;
    return this.measures.list(params.id, filter, sort ?? 'name', { limit, offset });
  }

  @Post('initiatives/:id/measures')
  @Idempotent()
  @RequirePermission('initiatives.update', 'initiative')
  @ApiOperation({ summary: 'Add a measure (KPI) to an initiative (audited).' })
  @ApiCreatedResponse({ type: MeasureResponseDto })
  @ApiProblems(
    400,
    401,
    403,
    404,
    [409, 'This Idempotency-Key is still being processed.'],
    [
      422,
      'The scale is inconsistent, the counter-measure is not a business measure of this initiative, the customer group or recorder is unknown, or the Idempotency-Key was used for another request.',
    ],
  )
  create(
    @Param() params: IdParams,
    @Body() body: CreateMeasureDto,
    @CurrentActor() actor: Actor,
  ): Promise<MeasureResponse> {
    return this.measures.create(params.id, body, actor);
  }

  @Get('measures/:id')
  @RequirePermission('initiatives.read', 'measure')
  @ApiOperation({ summary: 'One measure; the ETag header carries its version.' })
  @ApiOkResponse({ type: MeasureResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param() params: IdParams): Promise<MeasureResponse> {
    return this.measures.get(params.id);
  }

  @Patch('measures/:id')
  @RequirePermission('initiatives.update', 'measure')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Change a measure, if it has not changed since you read it (baseline frozen after the first gate).',
  })
  @ApiOkResponse({ type: MeasureResponseDto, description: 'The new state, with its new ETag.' })
  @ApiProblems(
    400,
    401,
    403,
    404,
    412,
    [
      422,
      'The baseline is frozen, the scale is inconsistent, or a link breaks the counter-measure rules.',
    ],
    428,
  )
  update(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @Body() body: UpdateMeasureDto,
    @CurrentActor() actor: Actor,
  ): Promise<MeasureResponse> {
    return this.measures.update(params.id, expectedVersion, body, actor);
  }
}
