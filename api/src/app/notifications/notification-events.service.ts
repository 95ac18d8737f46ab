import { Injectable } from '@nestjs/common';
import type { DecisionOutcome } from '@waypoint/contracts';
import type { Actor } from '../auth';
import { NotificationFactsRepository } from './notification-facts.repository';
import {
  alertRaisedText,
  conditionsOpenText,
  gateDecidedText,
  gateSubmittedText,
  ideaTriagedText,
  type MilestoneFacts,
  type NotificationText,
  planReviewedText,
  stepAssignedText,
} from './notification-texts';
import { NotificationsService } from './notifications.service';

export interface MilestoneRef extends MilestoneFacts {
  id: string;
  initiativeId: string;
}

export interface StepRef {
  id: string;
  title: string;
  initiativeId: string;
  dueDate: string | null;
}

/**
 * The notifications of the gate and step workflows. Each method runs in the caller's transaction
 * (its unit of work), so a change and its notifications are committed together or not at all.
 */
@Injectable()
export class NotificationEvents {
  constructor(
    private readonly facts: NotificationFactsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /** A gate was submitted: to the sponsor, or to every active executive when there is none. */
  async gateSubmitted(milestone: MilestoneRef, actor: Actor): Promise<void> {
    const initiative = await this.facts.initiative(milestone.initiativeId);
    if (!initiative) return;
    const text = gateSubmittedText({
      initiativeTitle: initiative.title,
      milestone,
      submitterName: await this.facts.displayName(actor.userId),
    });
    await this.send(text, await this.facts.deciders(initiative.sponsorId), {
      initiativeId: initiative.id,
      exceptUserId: actor.userId,
    });
  }

  /** A gate was decided: to the owner and the team (not the decider). */
  async gateDecided(
    milestone: MilestoneRef,
    decision: { outcome: DecisionOutcome; rationale: string; conditions: readonly string[] },
    actor: Actor,
  ): Promise<void> {
    const initiative = await this.facts.initiative(milestone.initiativeId);
    if (!initiative) return;
    const text = gateDecidedText({
      initiativeId: initiative.id,
      initiativeTitle: initiative.title,
      milestone,
      deciderName: await this.facts.displayName(actor.userId),
      ...decision,
    });
    await this.send(text, [initiative.ownerId, ...initiative.teamIds], {
      initiativeId: initiative.id,
      exceptUserId: actor.userId,
    });
  }

  /**
   * A proposed plan was accepted (proposed → active) or sent back for rework (proposed → draft):
   * to the owner and the team (not the one who did it), with the reason given.
   */
  async planReviewed(
    initiativeId: string,
    review: { accepted: boolean; note: string },
    actor: Actor,
  ): Promise<void> {
    const initiative = await this.facts.initiative(initiativeId);
    if (!initiative) return;
    const text = planReviewedText({
      initiativeId: initiative.id,
      initiativeTitle: initiative.title,
      sponsorName: await this.facts.displayName(actor.userId),
      ...review,
    });
    await this.send(text, [initiative.ownerId, ...initiative.teamIds], {
      initiativeId: initiative.id,
      exceptUserId: actor.userId,
    });
  }

  /** A step was assigned: to the assignee, unless they assigned it to themselves. */
  async stepAssigned(step: StepRef, assigneeId: string, actor: Actor): Promise<void> {
    if (assigneeId === actor.userId) return;
    const initiative = await this.facts.initiative(step.initiativeId);
    if (!initiative) return;
    const text = stepAssignedText({
      stepTitle: step.title,
      initiativeTitle: initiative.title,
      assignerName: await this.facts.displayName(actor.userId),
      dueDate: step.dueDate,
    });
    await this.send(text, [assigneeId], {
      initiativeId: initiative.id,
      exceptUserId: actor.userId,
    });
  }

  /**
   * A milestone started: when conditions of earlier gates are still open, the owner is reminded
   * of them (also when the owner started it: it is a reminder, not news), once per milestone.
   */
  async milestoneStarted(milestone: MilestoneRef): Promise<void> {
    const conditions = await this.facts.openConditionsBefore(
      milestone.initiativeId,
      milestone.position,
    );
    if (conditions.length === 0) return;
    const initiative = await this.facts.initiative(milestone.initiativeId);
    if (!initiative) return;
    const text = conditionsOpenText({
      initiativeId: initiative.id,
      initiativeTitle: initiative.title,
      milestone,
      conditions,
    });
    await this.send(text, [initiative.ownerId], {
      initiativeId: initiative.id,
      dedupeKey: `conditions-open:${milestone.id}`,
    });
  }

  /**
   * The value engine raised a tension alert: to the owner and the sponsor, once per alert. The
   * engine raised it, not the person whose write set it off, so nobody listed is left out.
   */
  async alertRaised(alert: {
    id: string;
    initiativeId: string;
    cycleName: string;
    critical: boolean;
    explanation: string;
  }): Promise<void> {
    const initiative = await this.facts.initiative(alert.initiativeId);
    if (!initiative) return;
    const text = alertRaisedText({ ...alert, initiativeTitle: initiative.title });
    const people = [initiative.ownerId, ...(initiative.sponsorId ? [initiative.sponsorId] : [])];
    await this.send(text, people, {
      initiativeId: initiative.id,
      dedupeKey: `alert-raised:${alert.id}`,
    });
  }

  /** A manager triaged an idea: to its submitter, with the reason when declined. */
  async ideaTriaged(
    facts: Omit<Parameters<typeof ideaTriagedText>[0], 'managerName'> & { submitterId: string },
    actor: Actor,
    initiativeId: string | null,
  ): Promise<void> {
    const { submitterId, ...rest } = facts;
    const text = ideaTriagedText({
      ...rest,
      managerName: await this.facts.displayName(actor.userId),
    });
    await this.notifications.notify({
      ...text,
      userIds: [submitterId],
      initiativeId,
      exceptUserId: actor.userId,
    });
  }

  private async send(
    text: NotificationText,
    userIds: readonly string[],
    options: { initiativeId: string; exceptUserId?: string; dedupeKey?: string },
  ): Promise<void> {
    await this.notifications.notify({ ...text, userIds, ...options });
  }
}
