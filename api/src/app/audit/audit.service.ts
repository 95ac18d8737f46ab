import { BadRequestException, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { AuditEventResponse, Page } from '@waypoint/contracts';
import { type ChangeStatement, pageOf, type PageRequest } from '../common';
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

interface Follower {
  listener: AuditListener;
  /** Which events it acts on (a change no follower acts on may run as one statement alone). */
  follows: (event: AuditEventInput) => boolean;
}

/**
 * The audit trail. Every change records its event inside its own unit of work, so the change and
 * its event are committed together or not at all:
 *
 *   await txHost.withTransaction(async () => { ...change...; await audit.record({...}) })
 */
@Injectable()
export class AuditService {
  private readonly followers: Follower[] = [];

  constructor(
    private readonly repository: AuditRepository,
    private readonly live: LiveBus,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  async record(event: AuditEventInput): Promise<void> {
    if (!this.repository.inTransaction()) {
      throw new Error('AuditService.record must run inside the transaction of the change');
    }
    await this.repository.insert(event);
    // The live update goes out with the same transaction: on commit only.
    await this.announce(event);
    await this.tellFollowers(event);
  }

  /**
   * Registers a follower of the changes recorded from now on (see AuditListener): those
   * `follows` accepts (every one by default).
   */
  listen(listener: AuditListener, follows: (event: AuditEventInput) => boolean = () => true): void {
    this.followers.push({ listener, follows });
  }

  /** The event's live update: at its transaction's commit, or at once outside one. */
  private async announce(event: AuditEventInput): Promise<void> {
    const envelope = envelopeOfAudit(event, new Date());
    if (envelope) await this.live.publish(envelope);
  }

  private async tellFollowers(event: AuditEventInput): Promise<void> {
    for (const { listener, follows } of this.followers) {
      if (follows(event)) await listener(event);
    }
  }

  /**
   * Runs the change and records its event in one statement (see AuditRepository.insertWith);
   * its live update goes out after COMMIT and the followers (listen) hear it as from `record`.
   * Answers the rows the change returned.
   */
  async recordWith<T>(change: ChangeStatement, event: AuditEventInput): Promise<T[]> {
    if (!this.repository.inTransaction()) {
      throw new Error('AuditService.recordWith must run inside the transaction of the change');
    }
    const rows = await this.repository.insertWith<T>(change, event);
    await this.announce(event);
    await this.tellFollowers(event);
    return rows;
  }

  /**
   * `recordWith` for a change that is one statement and nothing else: outside a transaction,
   * and when no follower acts on the event, the statement runs alone (PostgreSQL makes it its
   * own transaction: the change and its event commit together or not at all) and the live update
   * goes out after it. That saves a recorded reading, the hot write, its BEGIN and COMMIT. Else
   * it runs in a transaction as `recordWith` does, so a follower's writes commit with it.
   */
  async recordAlone<T>(change: ChangeStatement, event: AuditEventInput): Promise<T[]> {
    if (this.txHost.isTransactionActive() || this.followers.some((f) => f.follows(event))) {
      return this.txHost.withTransaction(() => this.recordWith<T>(change, event));
    }
    const rows = await this.repository.insertWith<T>(change, event);
    await this.announce(event);
    return rows;
  }

  async list(filter: AuditFilter, page: PageRequest): Promise<Page<AuditEventResponse>> {
    if (filter.from && filter.to && filter.from > filter.to) {
      throw new BadRequestException('"from" must not be after "to".');
    }
    const { rows, total } = await this.repository.list(filter, page);
    return pageOf(rows.map(mapAuditEvent), total, page);
  }
}
