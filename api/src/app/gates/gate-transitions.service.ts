import { Injectable, NotFoundException } from '@nestjs/common';
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
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/authenticated-user';
import type { MilestoneEntity } from '../milestones/milestone.entity';
import { MilestoneViewsService } from '../milestones/milestone-views.service';
import {
  type InitiativeFacts,
  MILESTONE_NOT_FOUND,
  MilestonesRepository,
} from '../milestones/milestones.repository';
import { assertFresh } from '../milestones/preconditions';
import { NotificationEvents } from '../notifications/notification-events.service';
import { EvidenceRepository } from './evidence.repository';
import { GateRecordsRepository } from './gate-records.repository';

const ENTITY_TYPE = 'milestone';

/** The team's side of the gate workflow: start a milestone, submit its gate, resume after a decision. */
@Injectable()
export class GateTransitionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly milestones: MilestonesRepository,
    private readonly records: GateRecordsRepository,
    private readonly evidence: EvidenceRepository,
    private readonly views: MilestoneViewsService,
    private readonly audit: AuditService,
    private readonly notify: NotificationEvents,
  ) {}

  /** Only the first milestone not yet approved starts, while the initiative is active. */
  async start(id: string, expectedVersion: number, actor: Actor): Promise<MilestoneDetailResponse> {
    return this.transition(id, expectedVersion, async (m, milestone, initiative) => {
      assertRule('initiative_not_active', initiativeNotActiveProblem(initiative.status, 'start'));
      const placed = await this.milestones.placed(milestone.initiativeId, m);
      assertCanStartMilestone(
        placed,
        placed.findIndex((p) => p.id === id),
      );
      const state = milestoneTransition(milestone.state, { type: 'start' });
      await this.milestones.update(m, id, expectedVersion, { state, startedAt: new Date() });
      await this.notify.milestoneStarted(m, milestone);
      return this.finish(m, actor, 'start', milestone);
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
  ): Promise<MilestoneDetailResponse> {
    return this.transition(id, expectedVersion, async (m, milestone, initiative) => {
      const state = milestoneTransition(milestone.state, { type: 'submit' });
      assertRule('initiative_not_active', initiativeNotActiveProblem(initiative.status, 'submit'));
      const input = await this.evidenceInput(m, milestone, initiative);
      assertSubmittable(submissionInput(input));
      const submission = await this.records.insertSubmission(m, {
        milestoneId: id,
        submittedBy: actor.userId,
        snapshot: buildEvidenceSnapshot(input),
      });
      await this.milestones.update(m, id, expectedVersion, {
        state,
        submittedAt: submission.submittedAt,
        submittedBy: actor.userId,
      });
      await this.notify.gateSubmitted(m, milestone, actor);
      return this.finish(m, actor, 'submit', milestone, { submissionId: submission.id });
    });
  }

  /** A milestone sent back or held goes back in progress (and a held initiative is active again). */
  async resume(
    id: string,
    expectedVersion: number,
    actor: Actor,
  ): Promise<MilestoneDetailResponse> {
    return this.transition(id, expectedVersion, async (m, milestone, initiative) => {
      const state = milestoneTransition(milestone.state, { type: 'resume' });
      const status = initiativeStatusAfterResume(initiative.status);
      await this.milestones.update(m, id, expectedVersion, {
        state,
        startedAt: new Date(),
        submittedAt: null,
        submittedBy: null,
      });
      if (status !== initiative.status) {
        await this.evidence.setInitiativeStatus(m, initiative.id, status);
        await this.audit.record(m, {
          actor,
          action: 'transition',
          entityType: 'initiative',
          entityId: initiative.id,
          initiativeId: initiative.id,
          before: { status: initiative.status },
          after: { status, reason: 'milestone_resumed', milestoneId: id },
        });
      }
      return this.finish(m, actor, 'resume', milestone);
    });
  }

  /** Loads the milestone (held) and its initiative, checks If-Match. */
  private async transition(
    id: string,
    expectedVersion: number,
    work: (
      m: EntityManager,
      milestone: MilestoneEntity,
      initiative: InitiativeFacts,
    ) => Promise<MilestoneDetailResponse>,
  ): Promise<MilestoneDetailResponse> {
    return this.dataSource.transaction(async (m) => {
      const milestone = await this.milestones.lock(m, id);
      if (!milestone) throw new NotFoundException(MILESTONE_NOT_FOUND);
      assertFresh(milestone, expectedVersion);
      const initiative = await this.milestones.initiative(milestone.initiativeId, m);
      if (!initiative) throw new NotFoundException('No such initiative.');
      return work(m, milestone, initiative);
    });
  }

  private async finish(
    m: EntityManager,
    actor: Actor,
    action: 'start' | 'submit' | 'resume',
    before: MilestoneEntity,
    extra: object = {},
  ): Promise<MilestoneDetailResponse> {
    const after = await this.views.describe(before.id, m);
    await this.audit.record(m, {
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
    m: EntityManager,
    milestone: MilestoneEntity,
    initiative: InitiativeFacts,
  ): Promise<EvidenceInput> {
    const measures = await this.evidence.linkedMeasures(m, milestone.id);
    const readings = await this.evidence.readings(
      m,
      measures.map((measure) => measure.id),
    );
    const stepCounts = await this.evidence.stepCounts(m, milestone.id);
    const open = await this.records.openConditions(initiative.id, m);
    return {
      takenAt: new Date(),
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
