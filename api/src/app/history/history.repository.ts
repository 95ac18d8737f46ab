import { Injectable } from '@nestjs/common';
import type { UserRef } from '@waypoint/contracts';
import { DataSource } from 'typeorm';
import type { PageRequest } from '../common';

export interface HistoryRow {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** The audit events of one initiative and of everything under it (audit_events.initiative_id). */
@Injectable()
export class HistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first; two queries (the page and the count). */
  async list(
    initiativeId: string,
    filter: { entityType?: string },
    page: PageRequest,
  ): Promise<{ rows: HistoryRow[]; total: number }> {
    const params: unknown[] = [initiativeId, filter.entityType ?? null];
    const where = `initiative_id = $1 AND ($2::varchar IS NULL OR entity_type = $2)`;
    const rows: Array<{
      id: string;
      occurred_at: Date;
      actor_id: string | null;
      action: string;
      entity_type: string;
      entity_id: string;
      before: unknown;
      after: unknown;
    }> = await this.dataSource.query(
      `SELECT id::text AS id, occurred_at, actor_id, action, entity_type, entity_id, before, after
         FROM audit_events WHERE ${where}
        ORDER BY occurred_at DESC, id DESC
        LIMIT $3 OFFSET $4`,
      [...params, page.limit, page.offset],
    );
    const counted: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE ${where}`,
      params,
    );
    return {
      rows: rows.map((row) => ({
        id: row.id,
        occurredAt: row.occurred_at,
        actorId: row.actor_id,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        before: row.before,
        after: row.after,
      })),
      total: counted[0]?.n ?? 0,
    };
  }

  /** The people who acted, in one query. */
  async actors(ids: readonly (string | null)[]): Promise<Map<string, UserRef>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows: Array<{ id: string; display_name: string }> = await this.dataSource.query(
      `SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`,
      [wanted],
    );
    return new Map(rows.map((row) => [row.id, { id: row.id, displayName: row.display_name }]));
  }
}
