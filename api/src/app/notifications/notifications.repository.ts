import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { InjectRepository } from '@nestjs/typeorm';
import type { NotificationKind, SortOrder } from '@waypoint/contracts';
import type { Repository } from 'typeorm';
import { clockNow, type PageRequest } from '../common';
import { NotificationEntity } from './notification.entity';
import type { NotificationText } from './notification-texts';
import type { NotificationDraft } from './sweep-rules';

export interface NotificationFilter {
  unread?: boolean;
  kind?: NotificationKind;
  initiativeId?: string;
  order?: SortOrder;
}

/** A notification to some users at once (the same text for each). */
export interface NotificationBroadcast extends NotificationText {
  userIds: readonly string[];
  initiativeId: string | null;
  dedupeKey: string | null;
  /** Left out even when listed (the actor of the change). */
  exceptUserId: string | null;
}

/** A notification as written, with its recipient (what the email outbox takes). */
export interface WrittenNotification extends NotificationText {
  userId: string;
  initiativeId: string | null;
}

interface WrittenRow {
  user_id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  initiative_id: string | null;
}

const LISTED = ['n.id', 'n.kind', 'n.title', 'n.body', 'n.link', 'n.initiativeId', 'n.createdAt'];
const CONFLICT = 'ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING';

/** The notifications table: a user's inbox, and the writes of events and the sweep. */
@Injectable()
export class NotificationsRepository {
  constructor(
    @InjectRepository(NotificationEntity)
    private readonly repository: Repository<NotificationEntity>,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  async list(
    userId: string,
    filter: NotificationFilter,
    page: PageRequest,
  ): Promise<{ rows: NotificationEntity[]; total: number }> {
    const query = this.repository
      .createQueryBuilder('n')
      .select([...LISTED, 'n.readAt'])
      .where('n.userId = :userId', { userId });
    if (filter.unread !== undefined) {
      query.andWhere(filter.unread ? 'n.readAt IS NULL' : 'n.readAt IS NOT NULL');
    }
    if (filter.kind) query.andWhere('n.kind = :kind', { kind: filter.kind });
    if (filter.initiativeId) {
      query.andWhere('n.initiativeId = :initiativeId', { initiativeId: filter.initiativeId });
    }
    const order = filter.order === 'asc' ? 'ASC' : 'DESC';
    const [rows, total] = await query
      .orderBy('n.createdAt', order)
      .addOrderBy('n.id', order)
      .limit(page.limit)
      .offset(page.offset)
      .getManyAndCount();
    return { rows, total };
  }

  async unreadCount(userId: string): Promise<number> {
    const repository = this.txHost.tx.getRepository(NotificationEntity);
    return repository
      .createQueryBuilder('n')
      .where('n.userId = :userId AND n.readAt IS NULL', { userId })
      .getCount();
  }

  /** The user's notification (another user's reads as none). */
  async findOwn(id: string, userId: string): Promise<NotificationEntity | null> {
    return this.txHost.tx.getRepository(NotificationEntity).findOneBy({ id, userId });
  }

  /** Marks the user's notification read if it is still unread; whether it did. */
  async markRead(id: string, userId: string): Promise<boolean> {
    const result = await this.txHost.tx
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: () => 'now()' })
      .where('id = :id AND user_id = :userId AND read_at IS NULL', { id, userId })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Marks every unread notification of the user read; how many. */
  async markAllRead(userId: string): Promise<number> {
    const result = await this.txHost.tx
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: () => 'now()' })
      .where('user_id = :userId AND read_at IS NULL', { userId })
      .execute();
    return result.affected ?? 0;
  }

  /**
   * One INSERT for every listed user who is active and not the excepted one; a (user, dedupe key)
   * already there is skipped. Answers the users reached.
   */
  async broadcast(note: NotificationBroadcast): Promise<string[]> {
    if (note.userIds.length === 0) return [];
    const rows: Array<{ user_id: string }> = await this.txHost.tx.query(
      `INSERT INTO notifications (user_id, kind, title, body, link, initiative_id, dedupe_key,
                                  created_at)
       SELECT u.id, $2, $3, $4, $5, $6, $7, $9
         FROM users u
        WHERE u.id = ANY($1::uuid[]) AND u.active AND u.id IS DISTINCT FROM $8::uuid
       ${CONFLICT}
       RETURNING user_id`,
      [
        [...new Set(note.userIds)],
        note.kind,
        note.title,
        note.body,
        note.link,
        note.initiativeId,
        note.dedupeKey,
        note.exceptUserId,
        clockNow(),
      ],
    );
    return rows.map((row) => row.user_id);
  }

  /**
   * One INSERT for a set of drafts (inactive users and known dedupe keys skipped); answers the
   * notifications written.
   */
  async insertDrafts(drafts: readonly NotificationDraft[]): Promise<WrittenNotification[]> {
    if (drafts.length === 0) return [];
    const column = <K extends keyof NotificationDraft>(key: K): NotificationDraft[K][] =>
      drafts.map((draft) => draft[key]);
    const rows: WrittenRow[] = await this.txHost.tx.query(
      `INSERT INTO notifications (user_id, kind, title, body, link, initiative_id, dedupe_key,
                                  created_at)
       SELECT d.user_id, d.kind, d.title, d.body, d.link, d.initiative_id, d.dedupe_key, $8
         FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[],
                     $6::uuid[], $7::varchar[])
              AS d (user_id, kind, title, body, link, initiative_id, dedupe_key)
         JOIN users u ON u.id = d.user_id AND u.active
       ${CONFLICT}
       RETURNING user_id, kind, title, body, link, initiative_id`,
      [
        column('userId'),
        column('kind'),
        column('title'),
        column('body'),
        column('link'),
        column('initiativeId'),
        column('dedupeKey'),
        clockNow(),
      ],
    );
    return rows.map((row) => ({
      userId: row.user_id,
      kind: row.kind,
      title: row.title,
      body: row.body,
      link: row.link,
      initiativeId: row.initiative_id,
    }));
  }
}
