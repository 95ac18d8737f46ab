import {
  ForbiddenException,
  Injectable,
  NotFoundException,
  PreconditionFailedException,
} from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  InitiativeResponse,
  InitiativeStatus,
  InitiativeTransitionRequest,
  Role,
} from '@waypoint/contracts';
import {
  assertCanStartMilestone,
  assertInitiativeTransition,
  assertRule,
  assertTransitionUnblocked,
  completionBlockers,
  milestoneToStartOnActivation,
  milestoneTransition,
  proposalBlockers,
  sendBackReasonProblem,
  transitionActorProblem,
} from '@waypoint/domain';
import { AuditService } from '../audit';
import type { Actor } from '../auth';
import { PRECONDITION_FAILED_MESSAGE } from '../common';
import { NotificationEvents } from '../notifications';
import type { InitiativeEntity } from './initiative.entity';
import { InitiativePlanRepository, type PlanMilestone } from './initiative-plan.repository';
import { InitiativeReadsService } from './initiative-reads.service';
import { InitiativeRelatedRepository } from './initiative-related.repository';
import { InitiativesRepository, NOT_FOUND } from './initiatives.repository';
import { INITIATIVE_ENTITY_TYPE } from './initiatives.service';

/** Moves an initiative through its lifecycle (libs/domain `assertInitiativeTransition`). */
@Injectable()
export class InitiativeTransitionsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly initiatives: InitiativesRepository,
    private readonly related: InitiativeRelatedRepository,
    private readonly plan: InitiativePlanRepository,
    private readonly reads: InitiativeReadsService,
    private readonly audit: AuditService,
    private readonly notify: NotificationEvents,
  ) {}

  /**
   * 412 when the version read is stale; 422 for a move the lifecycle forbids (naming both
   * statuses) or whose prerequisites are missing (naming each); 403 when the move is the other
   * party's to make; 422 (`note`) when a proposed plan is sent back without a reason. Activating starts the first milestone when none has started.
   */
  async transition(
    id: string,
    expectedVersion: number,
    request: InitiativeTransitionRequest,
    actor: Actor & { role: Role },
  ): Promise<InitiativeResponse> {
    return this.txHost.withTransaction(async () => {
      const before = await this.initiatives.findById(id);
      if (!before) throw new NotFoundException(NOT_FOUND);
      if (before.version !== expectedVersion) {
        throw new PreconditionFailedException(PRECONDITION_FAILED_MESSAGE);
      }
      const from = before.status;
      const to = request.to;
      assertInitiativeTransition(from, to);
      const notAllowed = transitionActorProblem(from, to, {
        role: actor.role,
        isOwner: before.ownerId === actor.userId,
        isSponsor: before.sponsorId === actor.userId,
      });
      if (notAllowed) throw new ForbiddenException(notAllowed);
      assertRule(
        'initiative_transition_blocked',
        sendBackReasonProblem(from, to, before.ownerId === actor.userId, request.note),
        'note',
      );
      const milestones = await this.plan.milestones(id);
      await this.assertPrerequisites(before, to, milestones);
      await this.initiatives.update(id, expectedVersion, { status: to });
      await this.audit.record({
        actor,
        action: 'transition',
        entityType: INITIATIVE_ENTITY_TYPE,
        entityId: id,
        initiativeId: id,
        // The title is kept in the event, the same before and after (so it is no change), for the
        // trail to name the initiative ("moved the initiative “Faster refunds” from Active to
        // Stopped") as it was called then: the append-only trail needs no join per record kind
        // when it is read, and a later rename does not rewrite what was moved.
        before: { title: before.title, status: from },
        after: { title: before.title, status: to, ...(request.note ? { note: request.note } : {}) },
      });
      if (to === 'active') await this.startFirstMilestone(id, milestones, actor);
      // The sponsor's answer to a proposed plan reaches the owner and the team, with the reason.
      if (from === 'proposed' && (to === 'active' || to === 'draft')) {
        if (actor.userId !== before.ownerId) {
          await this.notify.planReviewed(
            id,
            { accepted: to === 'active', note: request.note ?? '' },
            actor,
          );
        }
      }
      return this.reads.describe(id);
    });
  }

  private async assertPrerequisites(
    initiative: InitiativeEntity,
    to: InitiativeStatus,
    milestones: readonly PlanMilestone[],
  ): Promise<void> {
    let blockers: string[] = [];
    if (to === 'proposed') {
      const sponsorId = initiative.sponsorId;
      const sponsor = sponsorId ? (await this.related.userChecks([sponsorId]))[0] : undefined;
      blockers = proposalBlockers(milestones.length, sponsorId, sponsor);
    } else if (to === 'active' && milestones.length === 0) {
      blockers = ['it has no milestone to start: add at least one'];
    } else if (to === 'completed') {
      blockers = completionBlockers(milestones);
    }
    assertTransitionUnblocked(to, blockers);
  }

  /** planned → in_progress for the first milestone, when no milestone has started yet. */
  private async startFirstMilestone(
    initiativeId: string,
    milestones: readonly PlanMilestone[],
    actor: Actor,
  ): Promise<void> {
    const index = milestoneToStartOnActivation(milestones);
    const milestone = index === null ? undefined : milestones[index];
    if (index === null || !milestone) return;
    assertCanStartMilestone(milestones, index);
    const next = milestoneTransition(milestone.state, { type: 'start' });
    const started = await this.plan.startMilestone(milestone.id, next);
    if (!started) return;
    await this.audit.record({
      actor,
      action: 'start',
      entityType: 'milestone',
      entityId: milestone.id,
      initiativeId,
      before: { state: milestone.state, startedAt: null },
      after: { state: next, startedAt: started.startedAt, reason: 'initiative activated' },
    });
  }
}
