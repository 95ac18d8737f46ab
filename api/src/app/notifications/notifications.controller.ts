import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  MarkAllReadResponse,
  NotificationPage,
  NotificationResponse,
} from '@waypoint/contracts';
import { type Actor, CurrentActor, RequirePermission } from '../auth';
import { ApiProblems, IdParams } from '../common';
import {
  MarkAllReadResponseDto,
  NotificationListQueryDto,
  NotificationPageDto,
  NotificationResponseDto,
} from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

/** My inbox. Everyone sees only their own notifications. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequirePermission('notifications.own')
  @ApiOperation({
    summary:
      'My notifications, newest first, paged, with my unread count. Filters: unread=true|false, kind, initiativeId. Brings overdue steps and stale measures up to date first.',
  })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiProblems(400, 401, 403)
  list(
    @Query() query: NotificationListQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<NotificationPage> {
    return this.notifications.list(actor.userId, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @RequirePermission('notifications.own')
  @ApiOperation({ summary: 'Mark every unread notification of mine read (audited).' })
  @ApiOkResponse({ type: MarkAllReadResponseDto })
  @ApiProblems(401, 403)
  readAll(@CurrentActor() actor: Actor): Promise<MarkAllReadResponse> {
    return this.notifications.readAll(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @RequirePermission('notifications.own')
  @ApiOperation({
    summary:
      'Mark one notification of mine read (audited); one already read stays as it was. Another user’s id answers 404.',
  })
  @ApiOkResponse({ type: NotificationResponseDto })
  @ApiProblems(400, 401, 403, [404, 'No such notification of mine.'])
  read(@Param() params: IdParams, @CurrentActor() actor: Actor): Promise<NotificationResponse> {
    return this.notifications.read(params.id, actor);
  }
}
