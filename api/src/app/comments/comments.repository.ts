import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { InjectRepository } from '@nestjs/typeorm';
import type { CommentTargetType, UserRef } from '@waypoint/contracts';
import { type Repository } from 'typeorm';
import { clockNow, type PageRequest, insertReturning } from '../common';
import { CommentEntity } from './comment.entity';

export interface CommentFilter {
  targetType?: CommentTargetType;
  targetId?: string;
}

/** Where each kind of target lives; all of them carry their initiative's id. */
const TARGET_TABLE: Record<CommentTargetType, string> = {
  initiative: 'initiatives',
  milestone: 'milestones',
  step: 'steps',
};
const TARGET_INITIATIVE_COLUMN: Record<CommentTargetType, string> = {
  initiative: 'id',
  milestone: 'initiative_id',
  step: 'initiative_id',
};

@Injectable()
export class CommentsRepository {
  constructor(
    @InjectRepository(CommentEntity) private readonly repository: Repository<CommentEntity>,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  /** Oldest first. */
  async list(
    initiativeId: string,
    filter: CommentFilter,
    page: PageRequest,
  ): Promise<{ rows: CommentEntity[]; total: number }> {
    const query = this.repository
      .createQueryBuilder('c')
      .where('c.initiative_id = :initiativeId', { initiativeId });
    if (filter.targetType !== undefined) {
      query.andWhere('c.target_type = :targetType', { targetType: filter.targetType });
    }
    if (filter.targetId !== undefined) {
      query.andWhere('c.target_id = :targetId', { targetId: filter.targetId });
    }
    const [rows, total] = await query
      .orderBy('c.createdAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(page.limit)
      .offset(page.offset)
      .getManyAndCount();
    return { rows, total };
  }

  async insert(
    values: Pick<CommentEntity, 'initiativeId' | 'targetType' | 'targetId' | 'authorId' | 'body'>,
  ): Promise<CommentEntity> {
    return insertReturning(this.txHost, CommentEntity, { ...values, createdAt: clockNow() });
  }

  /** Whether the target (the initiative itself, or a milestone or step) belongs to the initiative. */
  async targetBelongs(
    targetType: CommentTargetType,
    targetId: string,
    initiativeId: string,
  ): Promise<boolean> {
    const rows: unknown[] = await this.txHost.tx.query(
      `SELECT 1 FROM ${TARGET_TABLE[targetType]}
        WHERE id = $1 AND ${TARGET_INITIATIVE_COLUMN[targetType]} = $2`,
      [targetId, initiativeId],
    );
    return rows.length === 1;
  }

  /** The authors shown, in one query. */
  async authors(ids: readonly string[]): Promise<Map<string, UserRef>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map();
    const rows: Array<{ id: string; display_name: string }> = await this.txHost.tx.query(
      `SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`,
      [wanted],
    );
    return new Map(rows.map((row) => [row.id, { id: row.id, displayName: row.display_name }]));
  }
}
