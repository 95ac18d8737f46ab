import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  type CreateMomentRequest,
  type InitiativeMomentRef,
  MOMENTS_PER_GROUP_MAX,
  type MomentHeatMapResponse,
  type MomentResponse,
  type Page,
  type ReorderMomentsRequest,
  type UpdateMomentRequest,
} from '@waypoint/contracts';
import { assertRule, DomainError, heatMapColumns, momentOrderProblem } from '@waypoint/domain';
import { AuditService } from '../audit';
import type { Actor } from '../auth';
import { clockNow, pageOf, type PageRequest, requireChanges } from '../common';
import { MOMENT_NOT_FOUND, type MomentChanges, MomentsRepository } from './moments.repository';

export const MOMENT_ENTITY_TYPE = 'customer_moment';

function referenceProblem(field: string, message: string): DomainError {
  return new DomainError('reference_invalid', `${field}: ${message}`, { [field]: [message] });
}

/** The moments that matter along each customer group's journey (seed 003). */
@Injectable()
export class MomentsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly moments: MomentsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(
    filter: { customerGroupId?: string },
    page: PageRequest,
  ): Promise<Page<MomentResponse>> {
    const { items, total } = await this.moments.list(filter, page);
    return pageOf(items, total, page);
  }

  async get(id: string): Promise<MomentResponse> {
    const moment = await this.moments.describeOne(id);
    if (!moment) throw new NotFoundException(MOMENT_NOT_FOUND);
    return moment;
  }

  /** Every group's journey side by side: columns by moment name (libs/domain heatMapColumns). */
  async heatMap(): Promise<MomentHeatMapResponse> {
    const groups = await this.moments.groups();
    const { items } = await this.moments.list({}, null);
    const journeys = groups.map((g) => items.filter((m) => m.customerGroupId === g.id));
    const columns = heatMapColumns(journeys);
    const keys = columns.map((c) => c.toLowerCase());
    return {
      columns,
      rows: groups.map((group, index) => {
        const journey = journeys[index] ?? [];
        return {
          customerGroupId: group.id,
          customerGroupName: group.name,
          protected: group.protected,
          cells: keys.map((key) => journey.find((m) => m.name.toLowerCase() === key) ?? null),
        };
      }),
    };
  }

  /** Adds a moment at the end of the group's journey (at most MOMENTS_PER_GROUP_MAX). */
  async create(request: CreateMomentRequest, actor: Actor): Promise<MomentResponse> {
    return this.txHost.withTransaction(async () => {
      if (!(await this.moments.lockGroup(request.customerGroupId))) {
        throw referenceProblem('customerGroupId', 'no such customer group.');
      }
      const journey = await this.moments.journey(request.customerGroupId);
      assertRule(
        'invalid_request',
        journey.length >= MOMENTS_PER_GROUP_MAX
          ? `A journey holds at most ${MOMENTS_PER_GROUP_MAX} moments: remove one first.`
          : null,
      );
      const created = await this.moments.insert({
        customerGroupId: request.customerGroupId,
        name: request.name,
        description: request.description ?? '',
        position: journey.length + 1,
      });
      const after = await this.get(created.id);
      await this.record(actor, 'create', created.id, null, after);
      return after;
    });
  }

  /** Rename, describe, rate (recording who and when) or choose its measures; If-Match. */
  async update(
    id: string,
    expectedVersion: number,
    request: UpdateMomentRequest,
    actor: Actor,
  ): Promise<MomentResponse> {
    const { measureIds, ...fields } = requireChanges(request);
    return this.txHost.withTransaction(async () => {
      const before = await this.get(id);
      if (measureIds !== undefined) {
        const known = await this.moments.existingMeasures(measureIds);
        const missing = measureIds.filter((m) => !known.has(m));
        if (missing.length > 0) throw referenceProblem('measureIds', 'no such measure.');
      }
      const changes: MomentChanges = { ...fields };
      if (fields.rating !== undefined) {
        changes.ratedBy = actor.userId;
        changes.ratedAt = clockNow();
      }
      // Every change, the measures too, is a new version of the moment.
      await this.moments.update(id, expectedVersion, changes);
      if (measureIds !== undefined) await this.moments.replaceMeasures(id, measureIds);
      const after = await this.get(id);
      await this.record(actor, fields.rating !== undefined ? 'rate' : 'update', id, before, after);
      return after;
    });
  }

  /** Removes a moment (If-Match); ideas for it keep their group, links to it go. */
  async remove(id: string, expectedVersion: number, actor: Actor): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const before = await this.get(id);
      await this.moments.lockGroup(before.customerGroupId);
      await this.moments.remove(id, expectedVersion);
      await this.record(actor, 'delete', id, before, null);
    });
  }

  /** Puts a group's journey in a new order: every moment of it, each once. */
  async reorder(request: ReorderMomentsRequest, actor: Actor): Promise<MomentResponse[]> {
    return this.txHost.withTransaction(async () => {
      if (!(await this.moments.lockGroup(request.customerGroupId))) {
        throw referenceProblem('customerGroupId', 'no such customer group.');
      }
      const current = await this.moments.journey(request.customerGroupId);
      assertRule('invalid_request', momentOrderProblem(current, request.momentIds), 'momentIds');
      await this.moments.reorder(request.customerGroupId, request.momentIds);
      await this.audit.record({
        actor,
        action: 'reorder',
        entityType: 'customer_moment_order',
        entityId: request.customerGroupId,
        before: { momentIds: current },
        after: { momentIds: request.momentIds },
      });
      const { items } = await this.moments.list({ customerGroupId: request.customerGroupId }, null);
      return items;
    });
  }

  async ofInitiative(initiativeId: string): Promise<InitiativeMomentRef[]> {
    return this.moments.ofInitiative(initiativeId);
  }

  /** Replaces the moments an initiative improves (audited on the initiative). */
  async linkInitiative(
    initiativeId: string,
    momentIds: readonly string[],
    actor: Actor,
  ): Promise<InitiativeMomentRef[]> {
    return this.txHost.withTransaction(async () => {
      const known = await this.moments.existingMoments(momentIds);
      if (momentIds.some((m) => !known.has(m))) {
        throw referenceProblem('momentIds', 'no such customer moment.');
      }
      const before = await this.moments.ofInitiative(initiativeId);
      await this.moments.replaceInitiativeMoments(initiativeId, momentIds);
      const after = await this.moments.ofInitiative(initiativeId);
      await this.audit.record({
        actor,
        action: 'link_moments',
        entityType: 'initiative',
        entityId: initiativeId,
        initiativeId,
        before: { moments: before.map((m) => m.name) },
        after: { moments: after.map((m) => m.name) },
      });
      return after;
    });
  }

  /**
   * For the ideas backlog: links an initiative to a moment in the caller's unit of work (an idea
   * promoted to it), keeping its other links. No audit of its own: the promotion is audited.
   */
  async addInitiativeLink(initiativeId: string, momentId: string): Promise<void> {
    await this.moments.linkInitiative(initiativeId, [momentId]);
  }

  /** The moment's group, or null when there is no such moment. */
  async groupOf(momentId: string): Promise<string | null> {
    const moment = await this.moments.findById(momentId);
    return moment?.customerGroupId ?? null;
  }

  private async record(
    actor: Actor,
    action: string,
    id: string,
    before: MomentResponse | null,
    after: MomentResponse | null,
  ): Promise<void> {
    await this.audit.record({
      actor,
      action,
      entityType: MOMENT_ENTITY_TYPE,
      entityId: id,
      before,
      after,
    });
  }
}
