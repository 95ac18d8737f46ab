import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { InjectRepository } from '@nestjs/typeorm';
import { type ChangeStatement, clockNow, type PageRequest } from '../common';
import type { Repository } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import type { AuditEventInput, AuditFilter } from './audit.types';

@Injectable()
export class AuditRepository {
  constructor(
    @InjectRepository(AuditEventEntity)
    private readonly repository: Repository<AuditEventEntity>,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  /** Whether a unit of work (a database transaction) is open here. */
  inTransaction(): boolean {
    return (
      this.txHost.isTransactionActive() && this.txHost.tx.queryRunner?.isTransactionActive === true
    );
  }

  /** Appends one event in the current unit of work (the change's transaction). */
  async insert(event: AuditEventInput): Promise<void> {
    await this.txHost.tx
      .createQueryBuilder()
      .insert()
      .into(AuditEventEntity)
      .values({
        actorId: event.actor?.userId ?? null,
        requestId: event.actor?.requestId ?? null,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        before: event.before ?? null,
        after: event.after ?? null,
        initiativeId: event.initiativeId ?? null,
        occurredAt: clockNow(),
      })
      .execute();
  }

  /**
   * Runs a change (one INSERT/UPDATE statement, RETURNING what it wrote) and appends its event in
   * the same statement, `WITH change AS (...), event AS (INSERT INTO audit_events ...)`: one
   * round trip, in the current unit of work. Triggers on the changed table fire as for the
   * change alone (PostgreSQL runs both inserts whatever the main query reads).
   */
  async insertWith<T>(change: ChangeStatement, event: AuditEventInput): Promise<T[]> {
    const n = change.params.length;
    const rows: T[] = await this.txHost.tx.query(
      `WITH change AS (${change.sql}),
            event AS (
              INSERT INTO audit_events (actor_id, request_id, action, entity_type, entity_id,
                                        before, after, initiative_id, occurred_at)
              VALUES ($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5},
                      $${n + 6}::jsonb, $${n + 7}::jsonb, $${n + 8}, $${n + 9})
            )
       SELECT * FROM change`,
      [
        ...change.params,
        event.actor?.userId ?? null,
        event.actor?.requestId ?? null,
        event.action,
        event.entityType,
        event.entityId,
        event.before ? JSON.stringify(event.before) : null,
        event.after ? JSON.stringify(event.after) : null,
        event.initiativeId ?? null,
        clockNow(),
      ],
    );
    return rows;
  }

  /** Newest first (by time, then by id). */
  async list(
    filter: AuditFilter,
    page: PageRequest,
  ): Promise<{ rows: AuditEventEntity[]; total: number }> {
    const query = this.repository.createQueryBuilder('e');
    if (filter.entityType !== undefined) {
      query.andWhere('e.entityType = :entityType', { entityType: filter.entityType });
    }
    if (filter.entityId !== undefined) {
      query.andWhere('e.entityId = :entityId', { entityId: filter.entityId });
    }
    if (filter.actorId !== undefined) {
      query.andWhere('e.actorId = :actorId', { actorId: filter.actorId });
    }
    if (filter.action !== undefined)
      query.andWhere('e.action = :action', { action: filter.action });
    if (filter.from !== undefined) query.andWhere('e.occurredAt >= :from', { from: filter.from });
    if (filter.to !== undefined) query.andWhere('e.occurredAt < :to', { to: filter.to });
    const [rows, total] = await query
      .orderBy('e.occurredAt', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(page.limit)
      .offset(page.offset)
      .getManyAndCount();
    return { rows, total };
  }
}
