import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Role } from '@waypoint/contracts';
import type { Actor, AuthenticatedUser } from '../auth';
import { atStoryTime } from '../common';
import { CommentsService } from '../comments';
import { CyclesService } from '../cycles';
import { ReviewsService } from '../reviews';
import { GateDecisionsService, GateTransitionsService } from '../gates';
import { InitiativeTransitionsService, InitiativesService } from '../initiatives';
import { MeasuresService, ReadingsService } from '../measures';
import { MilestoneViewsService, MilestonesService } from '../milestones';
import { StepsService } from '../steps';
import {
  after,
  dayOffset,
  type DemoCycle,
  demoCycles,
  notAfterNow,
  observationTimes,
} from './demo-calendar';
import {
  type Group,
  type Person,
  STORY,
  type StoryGate,
  type StoryInitiative,
  type StoryMeasure,
} from './demo-story';

export interface DemoPerson {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  departmentId: string;
}

/** One moment of the story: what happens, and when it happens in the story. */
interface Beat {
  at: Date;
  play: () => Promise<void>;
}

/** What an initiative's beats learn from the ones before them (ids, versions). */
interface Played {
  initiativeId: string;
  version: number;
  measureIds: Map<string, string>;
  milestoneIds: string[];
}

/** The day the demo cycles are created, three weeks before the first one starts. */
const SETUP_DAYS_BEFORE_FIRST_CYCLE = 21;
/** Initiatives are drafted from two weeks before the first cycle, one a day. */
const DRAFTED_DAYS_BEFORE_FIRST_CYCLE = 14;
/** The waiting gate was submitted this many days before the demo was loaded. */
const WAITING_GATE_SUBMITTED_DAYS_AGO = 4;

/**
 * Plays the demo story through the application's own services, so the demo obeys every rule a
 * user meets (gates, decisions, readings, reviews). Each call is its own transaction, and runs
 * at the story's time (`atStoryTime`): the beats are played in the order they happen, so a
 * reading observed in an earlier month is recorded then, gates are submitted and decided on
 * their days, and the waiting gate has waited days. Evidence snapshots therefore hold only what
 * was known at submission.
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
    const first = cycles[0]?.start ?? now;
    const admin: Actor = { userId: people.erin.id, requestId: null };
    const cycleIds: string[] = [];
    const beats: Beat[] = [
      {
        at: after(first, -SETUP_DAYS_BEFORE_FIRST_CYCLE),
        play: async () => {
          for (const cycle of cycles) {
            const created = await this.get(CyclesService).create(
              { name: cycle.name, startsOn: cycle.startsOn, endsOn: cycle.endsOn },
              admin,
            );
            cycleIds.push(created.id);
          }
        },
      },
    ];
    for (const [index, story] of STORY.entries()) {
      const drafted = after(first, index - DRAFTED_DAYS_BEFORE_FIRST_CYCLE);
      beats.push(...this.initiativeBeats(story, drafted, people, groups, cycles, cycleIds, now));
    }
    // Stable: beats at the same time keep the order the story lists them in.
    const ordered = beats
      .map((beat, order) => ({ beat, order }))
      .sort((a, b) => a.beat.at.getTime() - b.beat.at.getTime() || a.order - b.order);
    // Two beats never share a moment: the history, the alerts and the inbox keep their order.
    let last = 0;
    for (const { beat } of ordered) {
      last = Math.max(beat.at.getTime(), last + 1000);
      await atStoryTime(new Date(last), beat.play);
    }
  }

  private initiativeBeats(
    story: StoryInitiative,
    drafted: Date,
    people: Record<Person, DemoPerson>,
    groups: Record<Group, string>,
    cycles: DemoCycle[],
    cycleIds: string[],
    now: Date,
  ): Beat[] {
    const owner = people[story.owner];
    const sponsor = people[story.sponsor];
    const as = (p: DemoPerson): Actor => ({ userId: p.id, requestId: null });
    const recorderOf = (m: StoryMeasure): Actor => as(m.recorder ? people[m.recorder] : owner);
    const state: Played = { initiativeId: '', version: 0, measureIds: new Map(), milestoneIds: [] };
    const beats: Beat[] = [];
    const at = (time: Date, play: () => Promise<void>): void => {
      beats.push({ at: notAfterNow(time, now), play });
    };

    at(drafted, async () => {
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
      state.initiativeId = initiative.id;
      state.version = initiative.version;
    });

    const twice = observationTimes(cycles, 2, now);
    const once = observationTimes(cycles, 1, now);
    const periodic = new Map<string, Array<{ at: Date; value: number }>>();
    for (const [index, m] of story.measures.entries()) {
      const { key, group, counterMeasureOf, recorder, values, latest, oncePerCycle, ...fields } = m;
      void latest;
      at(after(drafted, 0, 1 + index / 10), async () => {
        const created = await this.get(MeasuresService).create(
          state.initiativeId,
          {
            ...fields,
            ...(group ? { customerGroupId: groups[group] } : {}),
            ...(counterMeasureOf
              ? { counterMeasureId: state.measureIds.get(counterMeasureOf) ?? '' }
              : {}),
            ...(recorder ? { recorderId: people[recorder].id } : {}),
          },
          as(owner),
        );
        state.measureIds.set(key, created.id);
      });
      const times = oncePerCycle ? once : twice;
      const readings = values.flatMap((value, i) => {
        const observed = times[i];
        return observed ? [{ at: observed, value }] : [];
      });
      periodic.set(key, readings);
      for (const reading of readings) {
        // Recorded an hour after it was observed (a few minutes apart per measure).
        at(after(reading.at, 0, 1 + index / 12), () =>
          this.record(state, key, reading.value, reading.at, recorderOf(m)),
        );
      }
    }

    at(after(drafted, 0, 3), async () => {
      for (const gate of story.gates) {
        const created = await this.get(MilestonesService).create(
          state.initiativeId,
          {
            title: gate.title,
            goal: gate.goal,
            dueDate: dayOffset(now, gate.dueInDays),
            criteria: gate.criteria.map((label) => ({ label })),
            measureIds: gate.measures.map((k) => state.measureIds.get(k) ?? ''),
          },
          as(owner),
        );
        state.milestoneIds.push(created.id);
      }
    });

    if (story.status === 'draft') return beats;
    at(after(drafted, 2), async () => {
      const proposed = await this.get(InitiativeTransitionsService).transition(
        state.initiativeId,
        state.version,
        { to: 'proposed' },
        { ...as(owner), role: owner.role },
      );
      state.version = proposed.version;
    });
    if (story.status === 'proposed') return beats;
    const activated = after(drafted, 4);
    at(activated, async () => {
      await this.get(InitiativeTransitionsService).transition(
        state.initiativeId,
        state.version,
        { to: 'active' },
        { ...as(sponsor), role: sponsor.role },
      );
    });

    // The gates, one after the other: each starts the day after its predecessor's go.
    let startAt = after(activated, 1);
    let stopped = false;
    const measured = new Set<string>();
    for (const [index, gate] of story.gates.entries()) {
      const play = gate.play;
      if (!play) break;
      const milestoneId = (): string => state.milestoneIds[index] ?? '';
      at(startAt, async () => {
        const milestone = await this.get(MilestoneViewsService).get(milestoneId());
        if (milestone.state === 'planned') {
          await this.get(GateTransitionsService).start(milestoneId(), milestone.version, as(owner));
        }
      });
      at(after(startAt, 0, 2), async () => {
        for (const step of gate.steps ?? []) {
          await this.get(StepsService).create(
            milestoneId(),
            {
              title: step.title,
              status: step.status,
              dueDate: dayOffset(now, step.dueInDays),
              ...(step.assignee ? { assigneeId: people[step.assignee].id } : {}),
            },
            as(owner),
          );
        }
      });
      if (play === 'in_progress') break;

      const waiting = play === 'submitted';
      const submitAt = waiting
        ? after(now, -WAITING_GATE_SUBMITTED_DAYS_AGO)
        : after(now, gate.dueInDays - 3);
      const readAt = after(submitAt, 0, -2);
      for (const key of gate.measures) {
        const measure = story.measures.find((m) => m.key === key);
        if (!measure) continue;
        // The waiting gate shows the story's latest value; an earlier gate re-reads the last one.
        const value =
          (waiting ? measure.latest : undefined) ??
          lastBefore(periodic.get(key) ?? [], readAt) ??
          measure.baseline ??
          measure.target;
        if (waiting) measured.add(key);
        at(readAt, () =>
          this.record(
            state,
            key,
            value,
            readAt,
            recorderOf(measure),
            `Reading for the ${gate.title} gate.`,
          ),
        );
      }
      at(after(submitAt, 0, -1), async () => {
        const milestone = await this.get(MilestoneViewsService).get(milestoneId());
        await this.get(MilestonesService).update(
          milestone.id,
          milestone.version,
          {
            criteria: milestone.criteria.map((c) => ({ id: c.id, label: c.label, checked: true })),
          },
          as(owner),
        );
      });
      at(submitAt, async () => {
        const milestone = await this.get(MilestoneViewsService).get(milestoneId());
        await this.get(GateTransitionsService).submit(
          milestone.id,
          milestone.version,
          as(owner),
          gate.note ?? '',
        );
      });
      for (const [i, comment] of (gate.comments ?? []).entries()) {
        at(after(submitAt, 1, i * 3), async () => {
          await this.get(CommentsService).create(
            state.initiativeId,
            { targetType: 'milestone', targetId: milestoneId(), body: comment.body },
            as(people[comment.by]),
          );
        });
      }
      if (waiting) break;

      const decideAt = after(submitAt, 2);
      at(decideAt, () => this.decide(milestoneId(), gate, sponsor));
      if (play.outcome !== 'go' && play.outcome !== 'go_with_conditions') {
        stopped = true;
        break;
      }
      startAt = after(decideAt, 1);
    }

    // The latest readings of the measures behind the decided gates, taken yesterday.
    if (!stopped) {
      const gated = new Set(story.gates.filter((g) => g.play).flatMap((g) => g.measures));
      for (const measure of story.measures) {
        if (measure.latest === undefined || !gated.has(measure.key) || measured.has(measure.key))
          continue;
        const last = (periodic.get(measure.key) ?? []).at(-1)?.at ?? now;
        const readAt = new Date(Math.max(after(now, -1).getTime(), after(last, 0, 1).getTime()));
        const value = measure.latest;
        at(readAt, () =>
          this.record(state, measure.key, value, notAfterNow(readAt, now), recorderOf(measure)),
        );
      }
    }

    for (const review of story.reviews ?? []) {
      const { cycle, ...fields } = review;
      const closes = cycles[cycle]?.end ?? now;
      at(after(closes, -1), async () => {
        await this.get(ReviewsService).put(
          state.initiativeId,
          cycleIds[cycle] ?? '',
          null,
          fields,
          as(owner),
        );
      });
    }
    return beats;
  }

  private async record(
    state: Played,
    key: string,
    value: number,
    observedAt: Date,
    by: Actor,
    note?: string,
  ): Promise<void> {
    await this.get(ReadingsService).record(
      state.measureIds.get(key) ?? '',
      { value, observedAt: observedAt.toISOString(), ...(note ? { note } : {}) },
      by,
    );
  }

  private async decide(milestoneId: string, gate: StoryGate, sponsor: DemoPerson): Promise<void> {
    const play = gate.play;
    if (!play || typeof play === 'string') return;
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
        outcome: play.outcome,
        ...(play.rationale ? { rationale: play.rationale } : {}),
        ...(play.conditions ? { conditions: play.conditions } : {}),
      },
      decider,
      { userId: sponsor.id, requestId: null },
    );
  }
}

/** The value of the last reading observed before `at`, if any. */
function lastBefore(readings: Array<{ at: Date; value: number }>, at: Date): number | undefined {
  return readings.filter((r) => r.at.getTime() < at.getTime()).at(-1)?.value;
}
