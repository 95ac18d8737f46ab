import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  DecideGateRequest,
  DecisionConditionResponse,
  GateDecisionResponse,
  Page,
} from '@waypoint/contracts';
import {
  assertCanDecide,
  assertDecisionValid,
  carryOverTarget,
  DomainError,
  initiativeStatusAfterDecision,
  milestoneTransition,
} from '@waypoint/domain';
import { AuditService } from '../audit';
import type { Actor, AuthenticatedUser } from '../auth';
import { pageOf, type PageRequest } from '../common';
import {
  type MilestoneEntity,
  MILESTONE_NOT_FOUND,
  MilestonesRepository,
  PeopleRepository,
  assertFresh,
  type GateDecisionEntity,
  CONDITION_NOT_FOUND,
  GateRecordsRepository,
  conditionPeople,
  mapCondition,
  mapDecision,
} from '../milestones';
import { NotificationEvents } from '../notifications';
import { EvidenceRepository } from './evidence.repository';
import { InitiativesRepository } from '../initiatives';
import { MeasuresRepository } from '../measures';
import { StepsService } from '../steps';

/** The decider's side of the gate workflow: decisions and their conditions. */
@Injectable()
export class GateDecisionsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly milestones: MilestonesRepository,
    private readonly records: GateRecordsRepository,
    private readonly evidence: EvidenceRepository,
    private readonly initiatives: InitiativesRepository,
    private readonly measures: MeasuresRepository,
    private readonly people: PeopleRepository,
    private readonly steps: StepsService,
    private readonly audit: AuditService,
    private readonly notify: NotificationEvents,
  ) {}

  async list(milestoneId: string, page: PageRequest): Promise<Page<GateDecisionResponse>> {
    const { rows, total } = await this.records.decisionsOf(milestoneId, page);
    return pageOf(await this.mapDecisions(rows), total, page);
  }

  /**
   * Decides the submitted gate. The decider is the sponsor or an executive and never the
   * submitter; rationale and conditions per the outcome. Moves the milestone and, per the domain
   * rules, the initiative; the first approval freezes the initiative's measure baselines, and an
   * approval (go, go with conditions) carries the gate's unfinished steps over to the next gate.
   */
  async decide(
    milestoneId: string,
    request: DecideGateRequest,
    decider: AuthenticatedUser,
    actor: Actor,
  ): Promise<GateDecisionResponse> {
    return this.txHost.withTransaction(async () => {
      const milestone = await this.milestones.lock(milestoneId);
      if (!milestone) throw new NotFoundException(MILESTONE_NOT_FOUND);
      const state = milestoneTransition(milestone.state, {
        type: 'decide',
        outcome: request.outcome,
      });
      const submission = await this.records.latestSubmission(milestoneId);
      const initiative = await this.milestones.initiative(milestone.initiativeId);
      if (!submission || !initiative) {
        throw new DomainError('submission_missing', 'This milestone has no submission to decide.');
      }
      assertCanDecide({
        deciderId: decider.id,
        deciderRole: decider.role,
        sponsorId: initiative.sponsorId ?? '',
        submitterId: submission.submittedBy,
        ownerId: initiative.ownerId,
      });
      assertDecisionValid(request);
      const placed = await this.milestones.placed(milestone.initiativeId);
      const status = initiativeStatusAfterDecision(initiative.status, request.outcome, {
        isFinalMilestone: placed[placed.length - 1]?.id === milestoneId,
      });

      const decision = await this.records.insertDecision({
        milestoneId,
        submissionId: submission.id,
        deciderId: decider.id,
        outcome: request.outcome,
        rationale: request.rationale ?? '',
      });
      await this.records.insertConditions(decision.id, initiative.id, request.conditions ?? []);
      await this.milestones.update(milestoneId, milestone.version, {
        state,
        decidedAt: decision.decidedAt,
      });
      const [answer] = await this.mapDecisions([decision]);
      if (!answer) throw new Error('decision vanished');
      const audit = { actor, initiativeId: initiative.id };
      await this.audit.record({
        ...audit,
        action: 'create',
        entityType: 'gate_decision',
        entityId: decision.id,
        after: answer,
      });
      await this.audit.record({
        ...audit,
        action: 'decide',
        entityType: 'milestone',
        entityId: milestoneId,
        // The gate's title, unchanged, names it in the trail (see initiative-transitions.service.ts).
        before: { title: milestone.title, state: milestone.state },
        after: { title: milestone.title, state, decisionId: decision.id, outcome: request.outcome },
      });
      if (status !== initiative.status) {
        await this.initiatives.update(initiative.id, initiative.version, { status });
        await this.audit.record({
          ...audit,
          action: 'transition',
          entityType: 'initiative',
          entityId: initiative.id,
          // The title is kept in the event (see initiative-transitions.service.ts).
          before: { title: initiative.title, status: initiative.status },
          after: {
            title: initiative.title,
            status,
            reason: 'gate_decision',
            decisionId: decision.id,
          },
        });
      }
      if (state === 'approved') {
        await this.freezeBaselines(milestone, actor);
        // The team keeps its unfinished work in view: it moves on to the next gate. After the
        // final gate (the initiative is completed) it stays with that gate, as left undone.
        const next = carryOverTarget(
          placed.map((m) => m.id),
          milestoneId,
        );
        if (next) await this.steps.carryOver(milestoneId, next, initiative.id, actor);
      }
      await this.notify.gateDecided(
        milestone,
        {
          outcome: request.outcome,
          rationale: request.rationale ?? '',
          conditions: request.conditions ?? [],
        },
        actor,
      );
      return answer;
    });
  }

  /** Closes an open condition with a note, conditionally on the version read. */
  async closeCondition(
    id: string,
    expectedVersion: number,
    note: string,
    actor: Actor,
  ): Promise<DecisionConditionResponse> {
    return this.txHost.withTransaction(async () => {
      const before = await this.records.findCondition(id);
      if (!before) throw new NotFoundException(CONDITION_NOT_FOUND);
      assertFresh(before, expectedVersion);
      if (before.closedAt) {
        throw new DomainError(
          'condition_closed',
          `This condition was closed already, on ${new Date(before.closedAt).toISOString()}.`,
        );
      }
      await this.records.closeCondition(id, expectedVersion, actor.userId, note);
      const closed = await this.records.findCondition(id);
      if (!closed) throw new NotFoundException(CONDITION_NOT_FOUND);
      const people = await this.people.refs([closed.closedBy]);
      const after = mapCondition(closed, people);
      await this.audit.record({
        actor,
        action: 'close',
        entityType: 'decision_condition',
        entityId: id,
        initiativeId: closed.initiativeId,
        before: mapCondition(before, people),
        after,
      });
      return after;
    });
  }

  /**
   * The baseline of a measure is frozen when the first gate after which it counts is approved:
   * at the initiative's first approval every measure it has; later ones at the next approval.
   */
  private async freezeBaselines(milestone: MilestoneEntity, actor: Actor): Promise<void> {
    const frozen = await this.measures.freezeBaselines(milestone.initiativeId);
    for (const measure of frozen) {
      await this.audit.record({
        actor,
        action: 'freeze_baseline',
        entityType: 'measure',
        entityId: measure.id,
        initiativeId: milestone.initiativeId,
        after: { ...measure, milestoneId: milestone.id },
      });
    }
  }

  private async mapDecisions(decisions: GateDecisionEntity[]): Promise<GateDecisionResponse[]> {
    const conditions = await this.records.conditionsOf(decisions.map((decision) => decision.id));
    const people = await this.people.refs([
      ...decisions.map((decision) => decision.deciderId),
      ...conditionPeople(conditions),
    ]);
    return decisions.map((decision) => mapDecision(decision, conditions, people));
  }
}
