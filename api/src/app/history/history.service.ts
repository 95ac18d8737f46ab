import { Injectable } from '@nestjs/common';
import type { HistoryEventResponse, HistoryQuery, Page } from '@waypoint/contracts';
import { pageOf, type PageRequest } from '../common';
import { HistoryRepository } from './history.repository';

/** The history of an initiative: what was done to it and under it, by whom, before and after. */
@Injectable()
export class HistoryService {
  constructor(private readonly history: HistoryRepository) {}

  async list(
    initiativeId: string,
    query: HistoryQuery & PageRequest,
  ): Promise<Page<HistoryEventResponse>> {
    const { limit, offset, ...filter } = query;
    const { rows, total } = await this.history.list(initiativeId, filter, { limit, offset });
    const actors = await this.history.actors(rows.map((row) => row.actorId));
    return pageOf(
      rows.map((row) => ({
        id: row.id,
        occurredAt: new Date(row.occurredAt).toISOString(),
        actor: row.actorId
          ? (actors.get(row.actorId) ?? { id: row.actorId, displayName: '' })
          : null,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        before: row.before ?? null,
        after: row.after ?? null,
      })),
      total,
      { limit, offset },
    );
  }
}
