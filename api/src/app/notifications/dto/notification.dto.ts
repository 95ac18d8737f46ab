import { ApiProperty } from '@nestjs/swagger';
import {
  type MarkAllReadResponse,
  NOTIFICATION_KIND_VALUES,
  NOTIFICATION_UNREAD_FILTER_VALUES,
  type NotificationKind,
  type NotificationListQuery,
  type NotificationPage,
  type NotificationResponse,
  type NotificationUnreadFilter,
  SORT_ORDER_VALUES,
  type SortOrder,
} from '@waypoint/contracts';
import { PageDto, PageQueryDto, OneOf, UuidRef } from '../../common';
import type { NotificationEntity } from '../notification.entity';
import type { NotificationFilter } from '../notifications.repository';

export class NotificationListQueryDto extends PageQueryDto implements NotificationListQuery {
  @OneOf(NOTIFICATION_UNREAD_FILTER_VALUES, { optional: true })
  unread?: NotificationUnreadFilter;

  @OneOf(NOTIFICATION_KIND_VALUES, { optional: true })
  kind?: NotificationKind;

  @UuidRef({ optional: true, description: 'Only those about this initiative.' })
  initiativeId?: string;

  @OneOf(SORT_ORDER_VALUES, { optional: true })
  order?: SortOrder;
}

/** The repository's filter of a list query (`unread` from its text form). */
export function notificationFilter(query: NotificationListQueryDto): NotificationFilter {
  return {
    ...(query.unread === undefined ? {} : { unread: query.unread === 'true' }),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.initiativeId ? { initiativeId: query.initiativeId } : {}),
    ...(query.order ? { order: query.order } : {}),
  };
}

export class NotificationResponseDto implements NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KIND_VALUES }) kind!: NotificationKind;
  @ApiProperty({ example: 'Gate waiting for your decision: Define' }) title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ description: 'A path of the web app.', example: '/approvals' }) link!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) initiativeId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null: unread.' })
  readAt!: string | null;
}

export class NotificationPageDto
  extends PageDto(NotificationResponseDto)
  implements NotificationPage
{
  @ApiProperty({ description: 'How many of all my notifications are unread (any filter aside).' })
  unreadCount!: number;
}

export class MarkAllReadResponseDto implements MarkAllReadResponse {
  @ApiProperty({ description: 'How many were unread and are read now.' }) marked!: number;
  @ApiProperty({ description: 'Unread after the call.' }) unreadCount!: number;
}

export function mapNotification(entity: NotificationEntity): NotificationResponse {
  return {
    id: entity.id,
    kind: entity.kind,
    title: entity.title,
    body: entity.body,
    link: entity.link,
    initiativeId: entity.initiativeId,
    createdAt: entity.createdAt.toISOString(),
    readAt: entity.readAt?.toISOString() ?? null,
  };
}
