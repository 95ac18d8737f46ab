import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, WinResponse } from '@waypoint/contracts';
import {
  type Actor,
  type AuthenticatedUser,
  CurrentActor,
  CurrentUser,
  RequirePermission,
} from '../auth';
import { ApiProblems, IdParams, PageQueryDto } from '../common';
import { Idempotent } from '../idempotency';
import { PublishWinDto, WinPageDto, WinResponseDto } from './dto/wins.dto';
import { WinsService } from './wins.service';

@ApiTags('wins')
@Controller()
export class WinsController {
  constructor(private readonly wins: WinsService) {}

  @Post('initiatives/:id/win')
  @Idempotent()
  @RequirePermission('wins.publish', 'initiative')
  @ApiOperation({
    summary:
      "Publish a completed initiative's win, once: before and after of its measures and its money as they are now, what was learned, and what customers told us and what we changed (audited).",
  })
  @ApiCreatedResponse({ type: WinResponseDto })
  @ApiProblems(
    400,
    401,
    403,
    404,
    [409, 'The win is already published, or this Idempotency-Key is still being processed.'],
    [
      422,
      'Not completed, or no realised results yet; or the Idempotency-Key was used for another request.',
    ],
  )
  publish(
    @Param() params: IdParams,
    @Body() body: PublishWinDto,
    @CurrentActor() actor: Actor,
  ): Promise<WinResponse> {
    return this.wins.publish(params.id, body, actor);
  }

  @Get('wins')
  @RequirePermission('wins.list')
  @ApiOperation({
    summary:
      'The published wins, latest first, paged: everyone signed in sees them. Each has its money on the day it was published, and its money today when you may read the initiative.',
  })
  @ApiOkResponse({ type: WinPageDto })
  @ApiProblems(400, 401)
  list(
    @Query() query: PageQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Page<WinResponse>> {
    return this.wins.list({ limit: query.limit, offset: query.offset }, user);
  }

  @Get('wins/:id')
  @RequirePermission('wins.list')
  @ApiOperation({ summary: 'One published win (also the source of its note for customers).' })
  @ApiOkResponse({ type: WinResponseDto })
  @ApiProblems(400, 401, 404)
  get(@Param() params: IdParams, @CurrentUser() user: AuthenticatedUser): Promise<WinResponse> {
    return this.wins.get(params.id, user);
  }
}
