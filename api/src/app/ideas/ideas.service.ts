import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  IdeaDetailResponse,
  IdeaResponse,
  InitiativeResponse,
  Page,
  PromoteIdeaRequest,
  SubmitIdeaRequest,
} from '@waypoint/contracts';
import {
  assertRule,
  DomainError,
  ideaMergeProblem,
  ideaOpenProblem,
  ideaPriority,
  meTooProblem,
  planFromIdea,
} from '@waypoint/domain';
import { AuditService } from '../audit';
import type { Actor } from '../auth';
import { clockNow, type PageRequest, pageOf } from '../common';
import { InitiativesService } from '../initiatives';
import { MomentsService } from '../moments';
import { NotificationEvents } from '../notifications';
import type { IdeaEntity } from './idea.entity';
import { IDEA_NOT_FOUND, type IdeaFilter, IdeasRepository } from './ideas.repository';

export const IDEA_ENTITY_TYPE = 'idea';

function reference(field: string, message: string): DomainError {
  return new DomainError('reference_invalid', `${field}: ${message}`, { [field]: [message] });
}

/** The opportunity backlog: submit, "me too", and the managers' triage. */
@Injectable()
export class IdeasService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly ideas: IdeasRepository,
    private readonly moments: MomentsService,
    private readonly initiatives: InitiativesService,
    private readonly notifications: NotificationEvents,
    private readonly audit: AuditService,
  ) {}

  async list(filter: IdeaFilter, page: PageRequest, actor: Actor): Promise<Page<IdeaResponse>> {
    const { items, total } = await this.ideas.list(filter, actor.userId, page);
    return pageOf(items, total, page);
  }

  async get(id: string, actor: Actor): Promise<IdeaDetailResponse> {
    const idea = await this.ideas.describe(id, actor.userId);
    if (!idea) throw new NotFoundException(IDEA_NOT_FOUND);
    return { ...idea, meToos: await this.ideas.meToos(id) };
  }

  /** Anyone signed in: an idea for a moment of a customer group's journey. */
  async submit(request: SubmitIdeaRequest, actor: Actor): Promise<IdeaDetailResponse> {
    return this.txHost.withTransaction(async () => {
      if (!(await this.ideas.groupExists(request.customerGroupId))) {
        throw reference('customerGroupId', 'no such customer group.');
      }
      const group = await this.moments.groupOf(request.momentId);
      if (group !== request.customerGroupId) {
        throw reference('momentId', "choose a moment of the customer group's journey.");
      }
      const created = await this.ideas.insert({
        title: request.title,
        customerGroupId: request.customerGroupId,
        momentId: request.momentId,
        pain: request.pain,
        evidence: request.evidence ?? '',
        customerImpact: request.customerImpact,
        businessValue: request.businessValue,
        effort: request.effort,
        priority: ideaPriority({ ...request, meTooCount: 0 }),
        submittedBy: actor.userId,
        createdAt: clockNow(),
      });
      const after = await this.get(created.id, actor);
      await this.record(actor, 'create', created.id, null, after);
      return after;
    });
  }

  /** "Me too", with evidence: once per person, never by the submitter, only while open. */
  async meToo(id: string, evidence: string, actor: Actor): Promise<IdeaDetailResponse> {
    return this.txHost.withTransaction(async () => {
      const idea = await this.lockOpen(id);
      const problem = meTooProblem(
        { status: idea.status, submittedById: idea.submittedBy },
        actor.userId,
      );
      assertRule('invalid_request', problem);
      await this.ideas.insertMeToo(id, actor.userId, evidence, clockNow());
      await this.reprioritise(idea);
      const after = await this.get(id, actor);
      await this.audit.record({
        actor,
        action: 'me_too',
        entityType: IDEA_ENTITY_TYPE,
        entityId: id,
        after: { meTooCount: after.meTooCount, priority: after.priority, evidence },
      });
      return after;
    });
  }

  /** Declined, with the reason the submitter is told (and sees on the idea). If-Match. */
  async decline(
    id: string,
    expectedVersion: number,
    reason: string,
    actor: Actor,
  ): Promise<IdeaDetailResponse> {
    return this.txHost.withTransaction(async () => {
      const idea = await this.lockOpen(id);
      const before = await this.get(id, actor);
      await this.ideas.update(id, expectedVersion, {
        status: 'declined',
        declineReason: reason,
        triagedBy: actor.userId,
        triagedAt: clockNow(),
      });
      const after = await this.get(id, actor);
      await this.record(actor, 'decline', id, before, after);
      await this.notifications.ideaTriaged(
        {
          ideaId: id,
          ideaTitle: idea.title,
          submitterId: idea.submittedBy,
          outcome: 'declined',
          reason,
        },
        actor,
        null,
      );
      return after;
    });
  }

  /** A duplicate merged into the idea kept: its "me too"s (and its submitter) move there. */
  async merge(
    id: string,
    expectedVersion: number,
    intoId: string,
    actor: Actor,
  ): Promise<IdeaDetailResponse> {
    return this.txHost.withTransaction(async () => {
      // Both rows locked in one order, so two opposite merges cannot deadlock.
      const [first, second] = [id, intoId].sort();
      const locked = new Map<string, IdeaEntity>();
      for (const key of [first, second]) {
        if (key === undefined || locked.has(key)) continue;
        const row = await this.ideas.lock(key);
        if (row) locked.set(key, row);
      }
      const from = locked.get(id);
      if (!from) throw new NotFoundException(IDEA_NOT_FOUND);
      const into = locked.get(intoId);
      if (!into) throw reference('intoIdeaId', 'no such idea.');
      assertRule('idea_closed', ideaOpenProblem(from.status));
      assertRule('invalid_request', ideaMergeProblem(from, into), 'intoIdeaId');
      const before = await this.get(id, actor);
      const evidence = [from.pain, from.evidence].filter((t) => t.trim() !== '').join('\n\n');
      await this.ideas.moveMeToos(
        { id, submittedBy: from.submittedBy, evidence: evidence.slice(0, 2000) },
        { id: intoId, submittedBy: into.submittedBy },
        clockNow(),
      );
      await this.ideas.update(id, expectedVersion, {
        status: 'merged',
        mergedIntoId: intoId,
        priority: ideaPriority({ ...from, meTooCount: 0 }),
        triagedBy: actor.userId,
        triagedAt: clockNow(),
      });
      await this.reprioritise(into);
      const after = await this.get(id, actor);
      await this.record(actor, 'merge', id, before, after);
      await this.notifications.ideaTriaged(
        {
          ideaId: id,
          ideaTitle: from.title,
          submitterId: from.submittedBy,
          outcome: 'merged',
          intoTitle: into.title,
        },
        actor,
        null,
      );
      return after;
    });
  }

  /**
   * Promotes the idea to an initiative, planned in the wizard: the initiative is created from the
   * plan sent, with what it leaves out taken from the idea (libs/domain planFromIdea), linked to
   * the idea's moment; the idea links to it. One unit of work.
   */
  async promote(
    id: string,
    request: PromoteIdeaRequest,
    actor: Actor,
  ): Promise<InitiativeResponse> {
    return this.txHost.withTransaction(async () => {
      const idea = await this.lockOpen(id);
      const before = await this.get(id, actor);
      const initiative = await this.initiatives.create(planFromIdea(idea, request), actor);
      if (idea.momentId) await this.moments.addInitiativeLink(initiative.id, idea.momentId);
      await this.ideas.update(id, idea.version, {
        status: 'promoted',
        initiativeId: initiative.id,
        triagedBy: actor.userId,
        triagedAt: clockNow(),
      });
      const after = await this.get(id, actor);
      await this.audit.record({
        actor,
        action: 'promote',
        entityType: IDEA_ENTITY_TYPE,
        entityId: id,
        initiativeId: initiative.id,
        before,
        after,
      });
      await this.notifications.ideaTriaged(
        {
          ideaId: id,
          ideaTitle: idea.title,
          submitterId: idea.submittedBy,
          outcome: 'promoted',
          initiativeTitle: initiative.title,
        },
        actor,
        initiative.id,
      );
      return initiative;
    });
  }

  /** The idea locked; 404, or 422 idea_closed when it is no longer open. */
  private async lockOpen(id: string): Promise<IdeaEntity> {
    const idea = await this.ideas.lock(id);
    if (!idea) throw new NotFoundException(IDEA_NOT_FOUND);
    assertRule('idea_closed', ideaOpenProblem(idea.status));
    return idea;
  }

  /** Stores the priority anew (libs/domain ideaPriority) after its "me too"s changed. */
  private async reprioritise(idea: IdeaEntity): Promise<void> {
    const meTooCount = await this.ideas.meTooCount(idea.id);
    const current = await this.ideas.lock(idea.id);
    if (!current) return;
    await this.ideas.update(idea.id, current.version, {
      priority: ideaPriority({ ...current, meTooCount }),
    });
  }

  private async record(
    actor: Actor,
    action: string,
    id: string,
    before: IdeaDetailResponse | null,
    after: IdeaDetailResponse,
  ): Promise<void> {
    await this.audit.record({
      actor,
      action,
      entityType: IDEA_ENTITY_TYPE,
      entityId: id,
      before,
      after,
    });
  }
}
