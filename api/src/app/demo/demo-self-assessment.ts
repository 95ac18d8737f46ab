import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  SELF_ASSESSMENT_AREA_VALUES,
  type SelfAssessmentArea,
  type SelfAssessmentScore,
} from '@waypoint/contracts';
import type { AuthenticatedUser } from '../auth';
import { atStoryTime } from '../common';
import { CyclesService } from '../cycles';
import { SelfAssessmentsService } from '../self-assessments';
import { after, type DemoCycle, demoCycles, HOUR_MS } from './demo-calendar';
import type { Person } from './demo-story';
import type { DemoPerson } from './demo-story.runner';

/** Scores of the eleven areas (in the order of the question set) before each person's offset. */
const BASE: Readonly<Record<'previous' | 'current', readonly number[]>> = {
  // Last cycle: customer focus is talked about, little else is in place.
  previous: [3, 3, 2, 2, 3, 2, 2, 2, 3, 2, 2],
  // This cycle: the principles are better understood; involving everyone and the KPIs lag.
  current: [4, 4, 4, 3, 4, 3, 2, 2, 4, 3, 3],
};
/** How each person leans, by area (a person's view differs from the mean). */
const LEAN = [0, 1, -1, 0, 1, 0, -1];

/** This cycle's comments, by who writes them (the first and second to answer). */
const COMMENTS: ReadonlyArray<{ area: SelfAssessmentArea; text: string }> = [
  {
    area: 'involve_everyone',
    text: 'Only the call centre hears customers directly; the back office never does.',
  },
  { area: 'adapt_the_kpis', text: 'Average handling time still decides the team bonus.' },
];

/** Who answers: everyone in the previous cycle; this cycle all but Mika (the member), who has yet to. */
const ANSWER: Readonly<Record<'previous' | 'current', readonly Person[]>> = {
  previous: ['morgan', 'priya', 'erin', 'jordan', 'mika', 'lee', 'sam'],
  current: ['morgan', 'priya', 'erin', 'jordan', 'lee', 'sam'],
};

function scoresOf(cycle: 'previous' | 'current', index: number): SelfAssessmentScore[] {
  return SELF_ASSESSMENT_AREA_VALUES.map((area, i) => {
    const lean = LEAN[(index + i) % LEAN.length] ?? 0;
    const score = Math.min(5, Math.max(1, (BASE[cycle][i] ?? 3) + lean));
    const written = cycle === 'current' ? COMMENTS[index] : undefined;
    const comment = written?.area === area ? written.text : undefined;
    return { area, score, ...(comment ? { comment } : {}) };
  });
}

const userOf = (person: DemoPerson): AuthenticatedUser => ({
  id: person.id,
  email: person.email,
  displayName: person.displayName,
  role: person.role,
  departmentId: person.departmentId,
  via: 'session',
  credentialId: 'demo',
});

/**
 * The demo's two cycles of self-assessment (issue 17): the organisation's assessment of the
 * previous cycle, answered by seven people and closed, and this cycle's, open, answered by six
 * (Mika the member has not answered yet). The executive opens both.
 */
@Injectable()
export class DemoSelfAssessment {
  constructor(private readonly modules: ModuleRef) {}

  async play(people: Record<Person, DemoPerson>, now = new Date()): Promise<void> {
    const cycles = demoCycles(now);
    const listed = await this.modules
      .get(CyclesService, { strict: false })
      .list({}, '-startsOn', { limit: 10, offset: 0 });
    const idOf = (cycle: DemoCycle | undefined): string =>
      listed.items.find((c) => c.name === cycle?.name)?.id ?? '';
    const previous = cycles.at(-2);
    const current = cycles.at(-1);
    if (!previous || !current) return;
    await this.assess('previous', idOf(previous), after(previous.start, 60), people, true);
    const opened = new Date(
      Math.min(after(current.start, 10).getTime(), now.getTime() - 6 * HOUR_MS),
    );
    await this.assess('current', idOf(current), opened, people, false);
  }

  private async assess(
    cycle: 'previous' | 'current',
    cycleId: string,
    at: Date,
    people: Record<Person, DemoPerson>,
    close: boolean,
  ): Promise<void> {
    const service = this.modules.get(SelfAssessmentsService, { strict: false });
    const executive = userOf(people.erin);
    const actor = (user: AuthenticatedUser) => ({ userId: user.id, requestId: null });
    let moment = at.getTime();
    const next = (): Date => new Date((moment += 20 * 60_000));
    const assessment = await atStoryTime(at, () =>
      service.open({ cycleId }, executive, actor(executive)),
    );
    for (const [index, person] of ANSWER[cycle].entries()) {
      const user = userOf(people[person]);
      await atStoryTime(next(), () =>
        service.answer(assessment.id, { scores: scoresOf(cycle, index) }, user, actor(user)),
      );
    }
    if (close) {
      await atStoryTime(next(), () =>
        service.close(assessment.id, assessment.version, executive, actor(executive)),
      );
    }
  }
}
