import { createStep } from '../factories/domain';
import { decide, initiativeStatus, submittedGate } from '../factories/gates';
import { etag, NO_SUCH_ID, send } from '../support/http';
import { GATE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

interface StepBody {
  id: string;
  milestoneId: string;
  position: number;
  title: string;
  status: string;
  movedFromMilestoneId: string | null;
  version: number;
  detail?: string;
}

/**
 * Issue 14: when a gate is approved its unfinished steps move to the next gate, so the team keeps
 * its work in view; the team can send a carried-over step back.
 */
describe('steps carried over at a gate decision', () => {
  const t = useTestApp({ people: GATE_PEOPLE });
  const cast = t.people;

  const stepsOf = async (milestoneId: string): Promise<StepBody[]> =>
    (
      await send<{ items: StepBody[] }>(
        t,
        cast.member,
        'GET',
        `/api/milestones/${milestoneId}/steps`,
      )
    ).body.items;
  const auditOf = async (stepId: string) =>
    (
      await t.sql.query<{ action: string; initiative_id: string; before: unknown; after: unknown }>(
        `SELECT action, initiative_id, before, after FROM audit_events
          WHERE entity_id = $1 ORDER BY id`,
        [stepId],
      )
    ).rows;
  const titles = async (milestoneId: string): Promise<string[]> =>
    (await stepsOf(milestoneId)).map((s) => `${s.position}:${s.title}`);

  /** A submitted first gate with done, todo and blocked steps, and a step planned under gate 2. */
  async function gateWithSteps(count = 2) {
    const gate = await submittedGate(t, cast, { count });
    const [first = '', second = ''] = gate.milestoneIds;
    const step = (milestoneId: string, title: string, position: number, status: string) =>
      createStep(t.sql, milestoneId, gate.initiativeId, { title, position, status });
    await step(first, 'Map the call flow', 1, 'done');
    await step(first, 'Interview callers', 2, 'todo');
    await step(first, 'Agree the script', 3, 'blocked');
    if (second) await step(second, 'Pilot call-backs', 1, 'todo');
    return { ...gate, first, second };
  }

  it('moves the unfinished steps of an approved gate to the end of the next one (audited)', async () => {
    const { initiativeId, first, second } = await gateWithSteps();
    const before = await stepsOf(first);
    const decision = await decide(t, cast.sponsor, first, {
      outcome: 'go_with_conditions',
      rationale: 'Go, once the script is agreed.',
      conditions: ['Agree the script with the branches'],
    });
    expect(decision.status).toBe(201);

    expect(await titles(first)).toEqual(['1:Map the call flow']);
    const moved = await stepsOf(second);
    expect(moved.map((s) => `${s.position}:${s.title}:${s.status}`)).toEqual([
      '1:Pilot call-backs:todo',
      '2:Interview callers:todo',
      '3:Agree the script:blocked',
    ]);
    expect(moved.map((s) => s.movedFromMilestoneId)).toEqual([null, first, first]);
    const interview = before.find((s) => s.title === 'Interview callers');
    expect(moved[1]?.version).toBe((interview?.version ?? 0) + 1);

    const audit = await auditOf(moved[1]?.id ?? '');
    const carried = audit.filter((row) => row.action === 'carry_over');
    expect(carried).toHaveLength(1);
    expect(carried[0]).toMatchObject({
      initiative_id: initiativeId,
      before: { milestoneId: first, position: 2 },
      after: { milestoneId: second, position: 2, movedFromMilestoneId: first },
    });
  });

  it('moves nothing when the gate is sent back, put on hold or a plain go finds nothing unfinished', async () => {
    const sentBack = await gateWithSteps();
    const res = await decide(t, cast.sponsor, sentBack.first, {
      outcome: 'changes_requested',
      rationale: 'Interview more callers first.',
    });
    expect(res.status).toBe(201);
    expect(await titles(sentBack.first)).toEqual([
      '1:Map the call flow',
      '2:Interview callers',
      '3:Agree the script',
    ]);
    expect(await titles(sentBack.second)).toEqual(['1:Pilot call-backs']);

    const empty = await submittedGate(t, cast, { count: 2 });
    const [first = '', second = ''] = empty.milestoneIds;
    expect((await decide(t, cast.sponsor, first, { outcome: 'go' })).status).toBe(201);
    expect(await titles(second)).toEqual([]);
  });

  it('leaves the unfinished steps of the final gate where they are: the initiative is completed', async () => {
    const { initiativeId, first } = await gateWithSteps(1);
    const before = await stepsOf(first);
    expect((await decide(t, cast.sponsor, first, { outcome: 'go' })).status).toBe(201);
    expect(await initiativeStatus(t, initiativeId)).toBe('completed');
    expect(await stepsOf(first)).toEqual(before);
    const carried = await t.sql.query(
      `SELECT 1 FROM audit_events WHERE initiative_id = $1 AND action = 'carry_over'`,
      [initiativeId],
    );
    expect(carried.rowCount).toBe(0);
  });

  it('lets the team send a carried-over step back to its gate, and refuses what cannot go back', async () => {
    const { first, second } = await gateWithSteps();
    await decide(t, cast.sponsor, first, { outcome: 'go' });
    const [planned, interview] = await stepsOf(second);
    const back = (id: string, version: number | null, session = cast.member) =>
      send<StepBody>(
        t,
        session,
        'POST',
        `/api/steps/${id}/return`,
        undefined,
        version === null ? {} : etag(version),
      );

    expect((await back(interview?.id ?? '', null)).status).toBe(428);
    expect((await back(interview?.id ?? '', (interview?.version ?? 0) + 5)).status).toBe(412);
    const malformed = await send(
      t,
      cast.member,
      'POST',
      `/api/steps/${interview?.id}/return`,
      undefined,
      {
        'If-Match': 'yesterday',
      },
    );
    expect(malformed.status).toBe(400);
    expect((await back(NO_SUCH_ID, 1)).status).toBe(404);
    expect((await back(interview?.id ?? '', interview?.version ?? 0, cast.outsider)).status).toBe(
      403,
    );
    const never = await back(planned?.id ?? '', planned?.version ?? 0);
    expect(never.status).toBe(422);
    expect(never.body.detail).toBe('This step was not carried over from an earlier gate.');

    const returned = await back(interview?.id ?? '', interview?.version ?? 0);
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      milestoneId: first,
      position: 2,
      movedFromMilestoneId: null,
    });
    expect(await titles(first)).toEqual(['1:Map the call flow', '2:Interview callers']);
    expect(await titles(second)).toEqual(['1:Pilot call-backs', '2:Agree the script']);
    const audit = await auditOf(interview?.id ?? '');
    expect(audit.map((row) => row.action)).toContain('return');
  });
});
