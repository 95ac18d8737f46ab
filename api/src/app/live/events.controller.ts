import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedUser, CurrentUser, RequirePermission } from '../auth';
import { ApiProblems } from '../common';
import { LiveStreams } from './live-streams';

/** GET /api/events takes no parameters: anything in the query string is refused (400). */
export class EventsQueryDto {}

/** Live updates as server-sent events. */
@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly streams: LiveStreams) {}

  @Get()
  @RequirePermission('events.stream')
  @ApiOperation({
    summary:
      'Live updates (server-sent events). Each `change` event is `{kind, initiativeId, id, at}` for a committed change the caller may see (initiatives they may read; ideas, moments and self-assessments to everyone, never who answered; notifications only to their recipient): ids, never content, so refetch through the ordinary endpoints. Also `ready` once connected, `resync` when changes may have been missed (refetch everything), a `: ping` comment every 20 s, and `retry: 5000`. The stream ends after 5 minutes and the browser reconnects. Events are not replayed: Last-Event-ID is ignored, refetch after a reconnect.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'An open text/event-stream.',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiProblems(400, 401, 403, [429, 'Too many open live streams for this user.'])
  stream(
    @Query() _query: EventsQueryDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res() reply: FastifyReply,
  ): void {
    this.streams.open(user, reply);
  }
}
