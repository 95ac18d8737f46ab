import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { MilestoneDetailResponse, Role } from '@waypoint/contracts';
import type { Actor, AuthenticatedUser } from '../auth';
import { CyclesService } from '../cycles';
import { ReviewsService } from '../reviews';
import { GateDecisionsService, GateTransitionsService } from '../gates';
import { InitiativeTransitionsService, InitiativesService } from '../initiatives';
import { MeasuresService, ReadingsService } from '../measures';
import { MilestoneViewsService, MilestonesService } from '../milestones';
import { StepsService } from '../steps';
import { dayOffset, type DemoCycle, demoCycles, observationTimes } from './demo-calendar';
import { type Group, type Person, STORY, type StoryGate, type StoryInitiative } from './demo-story';

export interface DemoPerson {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  departmentId: string;
}

/**
 * Plays the demo story through the application's own services, so the demo obeys every rule a
 * user meets (gates, decisions, readings, reviews). Each call is its own transaction.
 */
@Injectable()
export class DemoStoryRunner {
  constructor(private readonly modules: ModuleRef) {}

  private get<T>(type: new (...args: never[]) => T): T {
    return this.modules.get(type, { strict: false });
  }

  async play(
    people: Record<Person, DemoPerson>,
    groups: Record<Group, string>,
    now = new Date(),
  ): Promise<void> {
    const cycles = demoCycles(now);
    const admin: Actor = { userId: people.erin.id, requestId: null };
    const cycleIds: string[] = [];
    for (const cycle of cycles) {
      const created = await this.get(CyclesService).create(
        { name: cycle.name, startsOn: cycle.startsOn, endsOn: cycle.endsOn },
        admin,
      );
      cycleIds.push(created.id);
    }
    for (const story of STORY) {
      await this.playInitiative(story, people, groups, cycles, cycleIds, now);
    }
  }

  private async playInitiative(
    story: StoryInitiative,
    people: Record<Person, DemoPerson>,
    groups: Record<Group, string>,
    cycles: DemoCycle[],
    cycleIds: string[],
    now: Date,
  ): Promise<void> {
    const owner = people[story.owner];
    const sponsor = people[story.sponsor];
    const as = (p: DemoPerson): Actor => ({ userId: p.id, requestId: null });
    const initiative = await this.get(InitiativesService).create(
      {
        title: story.title,
        problem: story.problem,
        hypothesis: story.hypothesis,
        approach: story.approach,
        sponsorId: sponsor.id,
        teamIds: story.team.map((p) => people[p].id),
        customerGroupIds: story.groups.map((g) => groups[g]),
        estimatedCustomerValue: story.estimated.customer,
        estimatedBusinessValue: story.estimated.business,
        readiness: story.readiness,
      },
      as(owner),
    );

    const measureIds = new Map<string, string>();
    const twice = observationTimes(cycles, 2, now);
    const once = observationTimes(cycles, 1, now);
    for (const m of story.measures) {
      const { key, group, counterMeasureOf, recorder, values, latest, oncePerCycle, ...fields } = m;
      void latest;
      const times = oncePerCycle ? once : twice;
      const created = await this.get(MeasuresService).create(
        initiative.id,
        {
          ...fields,
          ...(group ? { customerGroupId: groups[group] } : {}),
          ...(counterMeasureOf ? { counterMeasureId: measureIds.get(counterMeasureOf) ?? '' } : {}),
          ...(recorder ? { recorderId: people[recorder].id } : {}),
        },
        as(owner),
      );
      measureIds.set(key, created.id);
      const by = as(recorder ? people[recorder] : owner);
      for (const [index, value] of values.entries()) {
        const at = times[index];
        if (!at) break;
        await this.get(ReadingsService).record(
          created.id,
          { value, observedAt: at.toISOString() },
          by,
        );
      }
    }

    const milestoneIds: string[] = [];
    for (const gate of story.gates) {
      const created = await this.get(MilestonesService).create(
        initiative.id,
        {
          title: gate.title,
          goal: gate.goal,
          dueDate: dayOffset(now, gate.dueInDays),
          criteria: gate.criteria.map((label) => ({ label })),
          measureIds: gate.measures.map((k) => measureIds.get(k) ?? ''),
        },
        as(owner),
      );
      milestoneIds.push(created.id);
    }

    if (story.status === 'draft') return;
    let version = initiative.version;
    const proposed = await this.get(InitiativeTransitionsService).transition(
      initiative.id,
      version,
      { to: 'proposed' },
      { ...as(owner), role: owner.role },
    );
    version = proposed.version;
    if (story.status === 'proposed') return;
    await this.get(InitiativeTransitionsService).transition(
      initiative.id,
      version,
      { to: 'active' },
      { ...as(sponsor), role: sponsor.role },
    );

    for (const [index, gate] of story.gates.entries()) {
      const milestoneId = milestoneIds[index] ?? '';
      let milestone = await this.get(MilestoneViewsService).get(milestoneId);
      if (milestone.state === 'planned') {
        if (!gate.play) break;
        milestone = await this.get(GateTransitionsService).start(
          milestoneId,
          milestone.version,
          as(owner),
        );
      }
      for (const step of gate.steps ?? []) {
        await this.get(StepsService).create(
          milestoneId,
          {
            title: step.title,
            status: step.status,
            dueDate: dayOffset(now, step.dueInDays),
            ...(step.assignee ? { assigneeId: people[step.assignee].id } : {}),
          },
          as(owner),
        );
      }
      if (!gate.play || gate.play === 'in_progress') break;
      milestone = await this.readyForSubmission(
        milestone,
        gate,
        story,
        measureIds,
        people,
        as(owner),
      );
      await this.get(GateTransitionsService).submit(milestoneId, milestone.version, as(owner));
      if (gate.play === 'submitted') break;
      const decider: AuthenticatedUser = {
        id: sponsor.id,
        email: sponsor.email,
        displayName: sponsor.displayName,
        role: sponsor.role,
        departmentId: sponsor.departmentId,
        via: 'session',
        credentialId: 'demo',
      };
      await this.get(GateDecisionsService).decide(
        milestoneId,
        {
          outcome: gate.play.outcome,
          ...(gate.play.rationale ? { rationale: gate.play.rationale } : {}),
          ...(gate.play.conditions ? { conditions: gate.play.conditions } : {}),
        },
        decider,
        as(sponsor),
      );
      if (gate.play.outcome !== 'go' && gate.play.outcome !== 'go_with_conditions') break;
    }

    for (const review of story.reviews ?? []) {
      const { cycle, ...fields } = review;
      await this.get(ReviewsService).put(
        initiative.id,
        cycleIds[cycle] ?? '',
        null,
        fields,
        as(owner),
      );
    }
  }

  /** Checks every exit criterion and records the gate's fresh readings (after it started). */
  private async readyForSubmission(
    milestone: MilestoneDetailResponse,
    gate: StoryGate,
    story: StoryInitiative,
    measureIds: Map<string, string>,
    people: Record<Person, DemoPerson>,
    owner: Actor,
  ): Promise<MilestoneDetailResponse> {
    for (const key of gate.measures) {
      const measure = story.measures.find((m) => m.key === key);
      const value = measure?.latest ?? measure?.values.at(-1);
      if (measure === undefined || value === undefined) continue;
      const by: Actor = measure.recorder
        ? { userId: people[measure.recorder].id, requestId: null }
        : owner;
      await this.get(ReadingsService).record(
        measureIds.get(key) ?? '',
        {
          value,
          observedAt: new Date().toISOString(),
          note: `Reading for the ${gate.title} gate.`,
        },
        by,
      );
    }
    return this.get(MilestonesService).update(
      milestone.id,
      milestone.version,
      { criteria: milestone.criteria.map((c) => ({ id: c.id, label: c.label, checked: true })) },
      owner,
    );
  }
}
