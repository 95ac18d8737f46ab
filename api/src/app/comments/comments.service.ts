import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DomainError, fieldErrorsOf } from '@waypoint/domain';
import type {
  CommentListQuery,
  CommentResponse,
  CreateCommentRequest,
  Page,
  UserRef,
} from '@waypoint/contracts';
import { AuditService } from '../audit';
import type { Actor } from '../auth';
import { pageOf, type PageRequest } from '../common';
import type { CommentEntity } from './comment.entity';
import { CommentsRepository } from './comments.repository';

export function mapComment(entity: CommentEntity, authors: Map<string, UserRef>): CommentResponse {
  return {
    id: entity.id,
    initiativeId: entity.initiativeId,
    targetType: entity.targetType,
    targetId: entity.targetId,
    author: authors.get(entity.authorId) ?? { id: entity.authorId, displayName: '' },
    body: entity.body,
    createdAt: entity.createdAt.toISOString(),
  };
}

/** Comments on an initiative and on its milestones and steps: plain text, never edited. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly comments: CommentsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(
    initiativeId: string,
    query: CommentListQuery & PageRequest,
  ): Promise<Page<CommentResponse>> {
    const { limit, offset, ...filter } = query;
    const { rows, total } = await this.comments.list(initiativeId, filter, { limit, offset });
    const authors = await this.comments.authors(rows.map((row) => row.authorId));
    return pageOf(
      rows.map((row) => mapComment(row, authors)),
      total,
      { limit, offset },
    );
  }

  /** 422 when the target is not the initiative, nor one of its milestones or steps. */
  async create(
    initiativeId: string,
    request: CreateCommentRequest,
    actor: Actor,
  ): Promise<CommentResponse> {
    return this.txHost.withTransaction(async () => {
      const { targetType, targetId } = request;
      if (!(await this.comments.targetBelongs(targetType, targetId, initiativeId))) {
        const problem =
          targetType === 'initiative'
            ? `targetId: a comment on the initiative must name it (${initiativeId}), not ${targetId}.`
            : `targetId: no ${targetType} ${targetId} in this initiative.`;
        throw new DomainError('reference_invalid', problem, fieldErrorsOf([problem]));
      }
      const created = await this.comments.insert({
        initiativeId,
        targetType,
        targetId,
        authorId: actor.userId,
        body: request.body,
      });
      const comment = mapComment(created, await this.comments.authors([actor.userId]));
      await this.audit.record({
        actor,
        action: 'create',
        entityType: 'comment',
        entityId: comment.id,
        initiativeId,
        after: { targetType, targetId, body: comment.body },
      });
      return comment;
    });
  }
}
