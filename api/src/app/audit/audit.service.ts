import { BadRequestException, Injectable } from '@nestjs/common';
import type { AuditEventResponse, Page } from '@waypoint/contracts';
import { pageOf, type PageRequest } from '../common';
import { LiveBus, envelopeOfAudit } from '../live';
import type { AuditEventEntity } from './audit-event.entity';
import { AuditRepository } from './audit.repository';
import type { AuditEventInput, AuditFilter } from './audit.types';

export function mapAuditEvent(row: AuditEventEntity): AuditEventResponse {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
  };
}

/**
 * Follows every audited change, inside its transaction (outgoing webhooks queue their deliveries
 * here, so that a change and what it tells the outside world commit together or not at all).
 */
export type AuditListener = (event: AuditEventInput) => Promise<void>;

/**
 * The audit trail. Every change records its event inside its own unit of work, so the change and
 * its event are committed together or not at all:
 *
 *   await txHost.withTransaction(async () => { ...change...; await audit.record({...}) })
 */
@Injectable()
export class AuditService {
  private readonly listeners: AuditListener[] = [];

  constructor(
    private readonly repository: AuditRepository,
    private readonly live: LiveBus,
  ) {}

  async record(event: AuditEventInput): Promise<void> {
    if (!this.repository.inTransaction()) {
      throw new Error('AuditService.record must run inside the transaction of the change');
    }
    await this.repository.insert(event);
    // The live update goes out with the same transaction: on commit only.
    const envelope = envelopeOfAudit(event, new Date());
    if (envelope) await this.live.publish(envelope);
    for (const listener of this.listeners) await listener(event);
  }

  /** Registers a follower of every change recorded from now on (see AuditListener). */
  listen(listener: AuditListener): void {
    this.listeners.push(listener);
  }

  async list(filter: AuditFilter, page: PageRequest): Promise<Page<AuditEventResponse>> {
    if (filter.from && filter.to && filter.from > filter.to) {
      throw new BadRequestException('"from" must not be after "to".');
    }
    const { rows, total } = await this.repository.list(filter, page);
    return pageOf(rows.map(mapAuditEvent), total, page);
  }
}
