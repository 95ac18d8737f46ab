import type { LiveEvent, SelfAssessmentResults } from '@waypoint/contracts';
import {
  answerSelfAssessment,
  closeSelfAssessment,
  openSelfAssessment,
  scoresOf,
} from '../factories/self-assessments';
import { openEvents, ready, type SseClient } from '../live/sse-client';
import type { Session } from '../support/auth';
import { useTestApp } from '../support/use-test-app';

/** Waits until the stream has received `n` changes of the assessment; returns them all. */
async function changesOf(client: SseClient, id: string, n: number): Promise<LiveEvent[]> {
  const started = Date.now();
  for (;;) {
    const found = client.changes().filter((e) => e.id === id);
    if (found.length >= n) return found;
    if (Date.now() - started > 15_000) {
      throw new Error(`${found.length} of ${n} live events of ${id}; got ${client.raw()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('self-assessments: live updates', () => {
  const t = useTestApp({ people: { executive: 'executive', member: 'member' } });
  const cast = t.people;
  const open: SseClient[] = [];

  const stream = async (session: Session): Promise<SseClient> => {
    const client = await openEvents(t.baseUrl, session);
    open.push(client);
    await ready(client);
    return client;
  };
  const results = async (id: string, who: Session) =>
    (await t.send<SelfAssessmentResults>(who, 'GET', `/api/self-assessments/${id}/results`)).body;

  afterAll(() => {
    for (const client of open) client.close();
  });

  it('tells every open page that an answer came, by the assessment id alone; results still wait for five answers', async () => {
    const watching = await stream(cast.member);
    const overseeing = await stream(cast.executive);
    const cycleId = await t.make.cycle('2300-Q1', '2300-01-01', '2300-03-31');
    const assessment = await openSelfAssessment(t, cast.executive, cycleId);
    await changesOf(watching, assessment.id, 1);

    const people: Session[] = [];
    for (let i = 0; i < 5; i++) people.push(await t.signIn('member'));
    for (const [i, person] of people.entries()) {
      await answerSelfAssessment(t, person, assessment.id, scoresOf(i < 3 ? 4 : 2));
      // One change per answer (after the opening), to a member who did not answer too.
      await changesOf(watching, assessment.id, i + 2);
      const now = await results(assessment.id, cast.member);
      expect(now.answerCount).toBe(i + 1);
      if (i < 4) expect(now).toMatchObject({ shown: false, areas: [], suggestions: [] });
    }
    const five = await results(assessment.id, cast.member);
    expect(five.shown).toBe(true);
    expect(five.areas.find((a) => a.area === 'show_the_money')?.average).toBeCloseTo(3.2);

    for (const client of [watching, overseeing]) {
      const changes = await changesOf(client, assessment.id, 6);
      expect(changes).toHaveLength(6);
      for (const change of changes) {
        expect(Object.keys(change).sort()).toEqual(['at', 'id', 'initiativeId', 'kind']);
        expect(change).toMatchObject({ kind: 'self_assessment', initiativeId: null });
      }
      // Nothing on the wire says who answered, nor what.
      for (const person of people) expect(client.raw()).not.toContain(person.user.id);
      expect(client.raw()).not.toMatch(/score|respondent/i);
    }
  });

  it('tells of a change of answer and of the closing, and of nothing that was refused', async () => {
    const watching = await stream(cast.member);
    const cycleId = await t.make.cycle('2301-Q1', '2301-01-01', '2301-03-31');
    const assessment = await openSelfAssessment(t, cast.executive, cycleId);
    const person = await t.signIn('member');
    await answerSelfAssessment(t, person, assessment.id, scoresOf(3));
    await answerSelfAssessment(t, person, assessment.id, scoresOf(5));
    await changesOf(watching, assessment.id, 3);
    const closed = await closeSelfAssessment(t, cast.executive, assessment.id, assessment.version);
    expect(closed.status).toBe(200);
    await changesOf(watching, assessment.id, 4);
    const refused = await t.send(
      person,
      'PUT',
      `/api/self-assessments/${assessment.id}/my-answer`,
      { scores: scoresOf(1) },
    );
    expect(refused.status).toBe(422);
    // A later change elsewhere arrives; the refused answer sent nothing before it.
    const later = await openSelfAssessment(
      t,
      cast.executive,
      await t.make.cycle('2302-Q1', '2302-01-01', '2302-03-31'),
    );
    await changesOf(watching, later.id, 1);
    expect(watching.changes().filter((e) => e.id === assessment.id)).toHaveLength(4);
  });
});
