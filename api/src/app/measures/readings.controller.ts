import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, ReadingResponse } from '@waypoint/contracts';
import {
  type Actor,
  type AuthenticatedUser,
  CurrentAccess,
  CurrentActor,
  CurrentUser,
  type InitiativeAccess,
  RequirePermission,
} from '../auth';
import { ApiProblems, IdParams, UuidRef } from '../common';
import { Idempotent } from '../idempotency';
import {
  CreateReadingDto,
  ReadingListQueryDto,
  ReadingPageDto,
  ReadingResponseDto,
  WithdrawReadingDto,
} from './dto/reading.dto';
import { ReadingsService } from './readings.service';

export class ReadingParams extends IdParams {
  @UuidRef({ description: 'The reading.' })
  readingId!: string;
}

/**
 * Readings are append-only: there is no PATCH or DELETE; a correction supersedes, a withdrawal
 * takes a reading out of the values while the history keeps it.
 */
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
    summary:
      'Record a reading (audited); a correction names the reading it supersedes and may be made only by its recorder, the owner, the sponsor or an admin (the note says why).',
  })
  @ApiCreatedResponse({ type: ReadingResponseDto })
  @ApiProblems(
    400,
    401,
    [403, 'Not allowed, or a correction of a reading someone else recorded.'],
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
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAccess() access: InitiativeAccess,
  ): Promise<ReadingResponse> {
    return this.readings.record(
      params.id,
      body,
      actor,
      {
        isAdmin: user.role === 'admin',
        isOwner: access.relations.includes('owner'),
        isSponsor: access.relations.includes('sponsor'),
      },
      { initiativeId: access.initiativeId, displayName: user.displayName },
    );
  }

  @Post(':readingId/withdrawal')
  @Idempotent()
  @RequirePermission('readings.withdraw', 'measure')
  @ApiOperation({
    summary:
      "Withdraw a reading with a reason (audited): it stays in the history and stops counting everywhere. Only the reading's recorder, the owner, the sponsor or an admin; final.",
  })
  @ApiCreatedResponse({ type: ReadingResponseDto, description: 'The reading, now withdrawn.' })
  @ApiProblems(
    400,
    401,
    [403, 'Not allowed, or a reading someone else recorded.'],
    [404, 'No such measure, or no such reading of it.'],
    [409, 'This Idempotency-Key is still being processed.'],
    [422, 'The reading is already withdrawn, or corrected (withdraw the correction instead).'],
  )
  withdraw(
    @Param() params: ReadingParams,
    @Body() body: WithdrawReadingDto,
    @CurrentActor() actor: Actor,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAccess() access: InitiativeAccess,
  ): Promise<ReadingResponse> {
    return this.readings.withdraw(params.id, params.readingId, body, actor, {
      isAdmin: user.role === 'admin',
      isOwner: access.relations.includes('owner'),
      isSponsor: access.relations.includes('sponsor'),
    });
  }
}
