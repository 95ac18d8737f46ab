import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CycleResponse, Page } from '@waypoint/contracts';
import { type Actor, CurrentActor, RequirePermission } from '../auth';
import { ApiIfMatch, ApiProblems, IdParams, IfMatch } from '../common';
import { Idempotent } from '../idempotency';
import {
  CreateCycleDto,
  CycleListQueryDto,
  CyclePageDto,
  CycleResponseDto,
  NextCycleDto,
  UpdateCycleDto,
} from './dto/cycle.dto';
import { CyclesService } from './cycles.service';

@ApiTags('cycles')
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Get()
  @RequirePermission('cycles.list')
  @ApiOperation({ summary: 'Improvement cycles in date order, paged; filter by a day range.' })
  @ApiOkResponse({ type: CyclePageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: CycleListQueryDto): Promise<Page<CycleResponse>> {
    const { limit, offset, sort, ...filter } = query;
    return this.cycles.list(filter, sort ?? 'startsOn', { limit, offset });
  }

  @Post()
  @Idempotent()
  @RequirePermission('cycles.manage')
  @ApiOperation({ summary: 'Create a cycle (both days included); cycles never overlap.' })
  @ApiCreatedResponse({ type: CycleResponseDto })
  @ApiProblems(
    400,
    401,
    403,
    [409, 'The name is taken, or this Idempotency-Key is in flight.'],
    [
      422,
      'endsOn is not after startsOn, the cycle is longer than a year, or it overlaps another cycle.',
    ],
  )
  create(@Body() body: CreateCycleDto, @CurrentActor() actor: Actor): Promise<CycleResponse> {
    return this.cycles.create(body, actor);
  }

  @Post('next')
  @Idempotent()
  @RequirePermission('cycles.manage')
  @ApiOperation({
    summary:
      'Create the quarter (or half-year, month) after the latest cycle, named e.g. 2026-Q4; with no cycle yet, the current one.',
  })
  @ApiCreatedResponse({ type: CycleResponseDto })
  @ApiProblems(
    400,
    401,
    403,
    [409, 'A cycle of that name exists, or this Idempotency-Key is in flight.'],
    [
      422,
      'It would overlap a cycle that starts later, or the Idempotency-Key was used for another request.',
    ],
  )
  createNext(@Body() body: NextCycleDto, @CurrentActor() actor: Actor): Promise<CycleResponse> {
    return this.cycles.createNext(body.period ?? 'quarter', actor);
  }

  @Patch(':id')
  @RequirePermission('cycles.manage')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Rename a cycle, or change its dates while nothing depends on them (no cycle review, not ended).',
  })
  @ApiOkResponse({ type: CycleResponseDto, description: 'The new state, with its new ETag.' })
  @ApiProblems(400, 401, 403, 404, [409, 'The name is taken.'], 412, 428, [
    422,
    'A cycle review rests on its dates or it has ended, the span is invalid, or it overlaps another cycle.',
  ])
  update(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @Body() body: UpdateCycleDto,
    @CurrentActor() actor: Actor,
  ): Promise<CycleResponse> {
    return this.cycles.update(params.id, expectedVersion, body, actor);
  }
}
