import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, ReadingResponse } from '@waypoint/contracts';
import { type Actor, CurrentActor, RequirePermission } from '../auth';
import { ApiProblems, IdParams } from '../common';
import { Idempotent } from '../idempotency';
import {
  CreateReadingDto,
  ReadingListQueryDto,
  ReadingPageDto,
  ReadingResponseDto,
} from './dto/reading.dto';
import { ReadingsService } from './readings.service';

/** Readings are append-only: there is no PATCH or DELETE; a correction supersedes. */
@ApiTags('readings')
@Controller('measures/:id/readings')
export class ReadingsController {
  constructor(private readonly readings: ReadingsService) {}

  @Get()
  @RequirePermission('initiatives.read', 'measure')
  @ApiOperation({
    summary: 'Readings of a measure, newest observation first, paged; superseded ones are marked.',
  })
  @ApiOkResponse({ type: ReadingPageDto })
  @ApiProblems(400, 401, 403, 404, [422, '"from" is after "to".'])
  list(
    @Param() params: IdParams,
    @Query() query: ReadingListQueryDto,
  ): Promise<Page<ReadingResponse>> {
    const { limit, offset, sort, ...filter } = query;
    return this.readings.list(params.id, filter, sort ?? '-observedAt', { limit, offset });
  }

  @Post()
  @Idempotent()
  @RequirePermission('readings.record', 'measure')
  @ApiOperation({
    summary: 'Record a reading (audited); a correction names the reading it supersedes.',
  })
  @ApiCreatedResponse({ type: ReadingResponseDto })
  @ApiProblems(
    400,
    401,
    403,
    404,
    [409, 'This Idempotency-Key is still being processed.'],
    [
      422,
      'observedAt is in the future, or supersedesId is not a reading of this measure or is already superseded.',
    ],
  )
  record(
    @Param() params: IdParams,
    @Body() body: CreateReadingDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReadingResponse> {
    return this.readings.record(params.id, body, actor);
  }
}
