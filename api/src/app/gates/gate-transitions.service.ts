import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { MilestoneDetailResponse } from '@waypoint/contracts';
import {
  initiativeNotActiveProblem,
  assertCanStartMilestone,
  assertRule,
  assertSubmittable,
  buildEvidenceSnapshot,
  type EvidenceInput,
  initiativeStatusAfterResume,
  milestoneTransition,
  submissionInput,
} from '@waypoint/domain';
import { AuditService } from '../audit';
import type { Actor } from '../auth';
import { clockNow } from '../common';
import {
  type MilestoneEntity,
  MilestoneViewsService,
  type InitiativeFacts,
  MILESTONE_NOT_FOUND,
  MilestonesRepository,
  assertFresh,
  GateRecordsRepository,
} from '../milestones';
import { NotificationEvents } from '../notifications';
import { EvidenceRepository } from './evidence.repository';
import { InitiativesRepository } from '../initiatives';
import { MeasuresRepository } from '../measures';

const ENTITY_TYPE = 'milestone';

/** The team's side of the gate workflow: start a milestone, submit its gate, resume after a decision. */
@Injectable()
export class GateTransitionsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly milestones: MilestonesRepository,
    private readonly records: GateRecordsRepository,
    private readonly evidence: EvidenceRepository,
    private readonly measures: MeasuresRepository,
    private readonly initiatives: InitiativesRepository,
    private readonly views: MilestoneViewsService,
    private readonly audit: AuditService,
    private readonly notify: NotificationEvents,
  ) {}

  /** Only the first milestone not yet approved starts, while the initiative is active. */
  async start(id: string, expectedVersion: number, actor: Actor): Promise<MilestoneDetailResponse> {
    return this.transition(id, expectedVersion, async (milestone, initiative) => {
      assertRule('initiative_not_active', initiativeNotActiveProblem(initiative.status, 'start'));
      const placed = await this.milestones.placed(milestone.initiativeId);
      assertCanStartMilestone(
        placed,
        placed.findIndex((p) => p.id === id),
      );
      const state = milestoneTransition(milestone.state, { type: 'start' });
      await this.milestones.update(id, expectedVersion, { state, startedAt: clockNow() });
      await this.notify.milestoneStarted(milestone);
      return this.finish(actor, 'start', milestone);
    });
  }

  /**
   * Submits the gate: every exit criterion checked and a reading of every linked measure since
   * the milestone started, else 422 listing each missing item. Freezes the evidence snapshot.
   */
  async submit(
    id: string,
    expectedVersion: number,
    actor: Actor,
    note = '',
  ): Promise<MilestoneDetailResponse> {
    return this.transition(id, expectedVersion, async (milestone, initiative) => {
      const state = milestoneTransition(milestone.state, { type: 'submit' });
      assertRule('initiative_not_active', initiativeNotActiveProblem(initiative.status, 'submit'));
      const input = await this.evidenceInput(milestone, initiative);
      assertSubmittable(submissionInput(input));
      const submission = await this.records.insertSubmission({
        milestoneId: id,
        submittedBy: actor.userId,
        note,
        snapshot: buildEvidenceSnapshot(input),
      });
      await this.milestones.update(id, expectedVersion, {
        state,
        submittedAt: submission.submittedAt,
        submittedBy: actor.userId,
      });
      await this.notify.gateSubmitted(milestone, actor);
      return this.finish(actor, 'submit', milestone, { submissionId: submission.id });
    });
  }

  /** A milestone sent back or held goes back in progress (and a held initiative is active again). */
  async resume(
    id: string,
    expectedVersion: number,
    actor: Actor,
  ): Promise<MilestoneDetailResponse> {
    return this.transition(id, expectedVersion, async (milestone, initiative) => {
      const state = milestoneTransition(milestone.state, { type: 'resume' });
      const status = initiativeStatusAfterResume(initiative.status);
      await this.milestones.update(id, expectedVersion, {
        state,
        startedAt: clockNow(),
        submittedAt: null,
        submittedBy: null,
      });
      if (status !== initiative.status) {
        await this.initiatives.update(initiative.id, initiative.version, { status });
        await this.audit.record({
          actor,
          action: 'transition',
          entityType: 'initiative',
          entityId: initiative.id,
          initiativeId: initiative.id,
          // The title is kept in the event (see initiative-transitions.service.ts).
          before: { title: initiative.title, status: initiative.status },
          after: { title: initiative.title, status, reason: 'milestone_resumed', milestoneId: id },
        });
      }
      return this.finish(actor, 'resume', milestone);
    });
  }

  /** Loads the milestone (held) and its initiative, checks If-Match. */
  private async transition(
    id: string,
    expectedVersion: number,
    work: (
      milestone: MilestoneEntity,
      initiative: InitiativeFacts,
    ) => Promise<MilestoneDetailResponse>,
  ): Promise<MilestoneDetailResponse> {
    return this.txHost.withTransaction(async () => {
      const milestone = await this.milestones.lock(id);
      if (!milestone) throw new NotFoundException(MILESTONE_NOT_FOUND);
      assertFresh(milestone, expectedVersion);
      const initiative = await this.milestones.initiative(milestone.initiativeId);
      if (!initiative) throw new NotFoundException('No such initiative.');
      return work(milestone, initiative);
    });
  }

  private async finish(
    actor: Actor,
    action: 'start' | 'submit' | 'resume',
    before: MilestoneEntity,
    extra: object = {},
  ): Promise<MilestoneDetailResponse> {
    const after = await this.views.describe(before.id);
    await this.audit.record({
      actor,
      action,
      entityType: ENTITY_TYPE,
      entityId: before.id,
      initiativeId: before.initiativeId,
      before: { state: before.state, startedAt: before.startedAt?.toISOString() ?? null },
      after: { state: after.state, startedAt: after.startedAt, ...extra },
    });
    return after;
  }

  private async evidenceInput(
    milestone: MilestoneEntity,
    initiative: InitiativeFacts,
  ): Promise<EvidenceInput> {
    const measures = await this.evidence.linkedMeasures(milestone.id);
    const readings = await this.measures.readingsOf(measures.map((measure) => measure.id));
    const stepCounts = await this.evidence.stepCounts(milestone.id);
    const open = await this.records.openConditions(initiative.id);
    return {
      takenAt: clockNow(),
      milestone: {
        id: milestone.id,
        position: milestone.position,
        title: milestone.title,
        goal: milestone.goal,
        dueDate: milestone.dueDate,
        startedAt: milestone.startedAt ?? milestone.createdAt,
        criteria: milestone.exitCriteria,
      },
      measures,
      readings,
      stepCounts,
      readiness: { score: initiative.readinessScore, notes: initiative.readinessNotes },
      openConditions: open
        .filter((condition) => condition.milestonePosition < milestone.position)
        .map((condition) => ({
          id: condition.id,
          text: condition.text,
          milestoneId: condition.milestoneId,
          milestoneTitle: condition.milestoneTitle,
        })),
    };
  }
}
