import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  type MarkAllReadResponse,
  NOTIFICATION_BODY_MAX_LENGTH,
  NOTIFICATION_LINK_MAX_LENGTH,
  NOTIFICATION_TITLE_MAX_LENGTH,
  type NotificationKind,
  type NotificationPage,
  type NotificationResponse,
} from '@waypoint/contracts';
import { AuditService } from '../audit';
import type { Actor } from '../auth';
import { pageOf, type PageRequest } from '../common';
import { EmailOutbox } from '../email';
import { LiveBus, notificationEnvelope } from '../live';
import {
  mapNotification,
  notificationFilter,
  type NotificationListQueryDto,
} from './dto/notification.dto';
import { NotificationSweep } from './notification-sweep';
import { clip } from './notification-texts';
import { NotificationsRepository } from './notifications.repository';

export const NOTIFICATION_NOT_FOUND = 'No such notification.';

/** What a change tells some users; written in the change's own transaction. */
export interface NotifyInput {
  userIds: readonly string[];
  kind: NotificationKind;
  title: string;
  body: string;
  /** A web path, e.g. /initiatives/<id>, /approvals, /my-work. */
  link: string;
  initiativeId: string | null;
  /** Reaches each user at most once (unique per user). */
  dedupeKey?: string | null;
  /** Not notified even when listed: the person who made the change. */
  exceptUserId?: string | null;
}

/** The inbox: what reaches a user, reading it, marking it read. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly repository: NotificationsRepository,
    private readonly sweep: NotificationSweep,
    private readonly audit: AuditService,
    private readonly live: LiveBus,
    private readonly email: EmailOutbox,
  ) {}

  /**
   * Writes one notification per listed user in the caller's transaction: inactive users and
   * `exceptUserId` are skipped, and a dedupe key a user has already is not written again. Those
   * reached are also emailed, as each chose (the outbox, in the same transaction).
   * Answers the users reached.
   */
  async notify(input: NotifyInput): Promise<string[]> {
    const text = {
      kind: input.kind,
      title: clip(input.title, NOTIFICATION_TITLE_MAX_LENGTH),
      body: clip(input.body, NOTIFICATION_BODY_MAX_LENGTH),
      link: clip(input.link, NOTIFICATION_LINK_MAX_LENGTH),
      initiativeId: input.initiativeId,
    };
    const reached = await this.repository.broadcast({
      userIds: input.userIds,
      ...text,
      dedupeKey: input.dedupeKey ?? null,
      exceptUserId: input.exceptUserId ?? null,
    });
    // Email goes through the outbox, written in this same transaction; a worker sends it.
    await this.email.enqueue(reached.map((userId) => ({ userId, ...text })));
    // Notifications are not audited: each recipient's inbox event is sent here, on commit only.
    const at = new Date();
    for (const userId of reached) await this.live.publish(notificationEnvelope(userId, at));
    return reached;
  }

  /**
   * My notifications, newest first, with my unread count. Runs the time-based sweep for me first
   * (overdue steps, stale measures; deduplicated), so the inbox is current when I look.
   */
  async list(userId: string, query: NotificationListQueryDto): Promise<NotificationPage> {
    await this.sweep.run({ userId });
    const page: PageRequest = { limit: query.limit, offset: query.offset };
    const { rows, total } = await this.repository.list(userId, notificationFilter(query), page);
    const unreadCount = await this.repository.unreadCount(userId);
    return { ...pageOf(rows.map(mapNotification), total, page), unreadCount };
  }

  /** Marks my notification read (once: a read one stays as it was); another user's is a 404. */
  async read(id: string, actor: Actor): Promise<NotificationResponse> {
    return this.txHost.withTransaction(async () => {
      const before = await this.repository.findOwn(id, actor.userId);
      if (!before) throw new NotFoundException(NOTIFICATION_NOT_FOUND);
      if (before.readAt !== null) return mapNotification(before);
      const marked = await this.repository.markRead(id, actor.userId);
      const after = await this.repository.findOwn(id, actor.userId);
      if (!after) throw new NotFoundException(NOTIFICATION_NOT_FOUND);
      if (marked) {
        await this.audit.record({
          actor,
          action: 'read',
          entityType: 'notification',
          entityId: id,
          before: { readAt: null },
          after: { readAt: after.readAt?.toISOString() ?? null },
        });
      }
      return mapNotification(after);
    });
  }

  /** Marks every unread notification of mine read. */
  async readAll(actor: Actor): Promise<MarkAllReadResponse> {
    return this.txHost.withTransaction(async () => {
      const marked = await this.repository.markAllRead(actor.userId);
      if (marked > 0) {
        await this.audit.record({
          actor,
          action: 'read_all',
          entityType: 'notification_inbox',
          entityId: actor.userId,
          after: { marked },
        });
      }
      return { marked, unreadCount: await this.repository.unreadCount(actor.userId) };
    });
  }
}
