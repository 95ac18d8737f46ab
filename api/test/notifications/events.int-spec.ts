import { createInitiative } from '../factories/domain';
import { createUser } from '../factories/users';
import { type Session, signIn } from '../support/auth';
import { etag, send } from '../support/http';
import {
  decide,
  initiativeFor,
  measureOf,
  milestoneAt,
  readingOf,
  submittedGate,
  transition,
} from '../factories/gates';
import { inboxOf } from '../factories/notifications';
import { GATE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

interface StepBody {
  id: string;
  version: number;
}

describe('notifications of the gate and step workflows', () => {
  const t = useTestApp({ people: GATE_PEOPLE });
  const cast = t.people;

  /** How many notifications of `kind` about the initiative each session has. */
  const counts = async (
    initiativeId: string,
    kind: string,
    sessions: Record<string, Session>,
  ): Promise<Record<string, number>> => {
    const answer: Record<string, number> = {};
    for (const [name, session] of Object.entries(sessions)) {
      answer[name] = (await inboxOf(t, session, initiativeId, kind)).length;
    }
    return answer;
  };

  it('a submitted gate reaches the sponsor only, pointing at the gate in Approvals', async () => {
    const { initiativeId, milestoneIds } = await submittedGate(t, cast);
    const [note] = await inboxOf(t, cast.sponsor, initiativeId, 'gate_submitted');
    expect(note).toMatchObject({
      kind: 'gate_submitted',
      title: 'Gate waiting for your decision: Milestone 1',
      link: `/approvals/${milestoneIds[0] ?? ''}`,
      initiativeId,
      readAt: null,
    });
    expect(note?.body).toContain('Olivia Owner submitted milestone 1 "Milestone 1"');
    expect(
      await counts(initiativeId, 'gate_submitted', {
        sponsor: cast.sponsor,
        owner: cast.owner,
        executive: cast.executive,
        member: cast.member,
      }),
    ).toEqual({ sponsor: 1, owner: 0, executive: 0, member: 0 });
    expect(milestoneIds).toHaveLength(2);
  });

  it('without a sponsor, a submitted gate reaches every active executive (not inactive ones)', async () => {
    const otherExecutive = await signIn(t, 'executive');
    const retired = await createUser(t.sql, { role: 'executive', active: false });
    // A manager left as the sponsor of another initiative (a demoted sponsor) is not told either.
    const formerSponsor = await signIn(t, 'manager');
    await createInitiative(t.sql, {
      ownerId: cast.owner.user.id,
      sponsorId: formerSponsor.user.id,
    });
    const initiativeId = await createInitiative(t.sql, {
      ownerId: cast.owner.user.id,
      sponsorId: null,
      teamIds: [cast.member.user.id],
    });
    const measureId = await measureOf(t, initiativeId, 'Average wait');
    const milestoneId = await milestoneAt(t, initiativeId, 1, { measureIds: [measureId] });
    expect((await transition(t, cast.owner, milestoneId, 'start')).status).toBe(200);
    await readingOf(t, measureId, cast.owner, 30);
    expect((await transition(t, cast.owner, milestoneId, 'submit')).status).toBe(200);

    expect(
      await counts(initiativeId, 'gate_submitted', {
        executive: cast.executive,
        otherExecutive,
        sponsorOfOthers: formerSponsor,
        owner: cast.owner,
      }),
    ).toEqual({ executive: 1, otherExecutive: 1, sponsorOfOthers: 0, owner: 0 });
    const stored = await t.sql.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM notifications WHERE user_id = $1`,
      [retired.id],
    );
    expect(stored.rows[0]?.n).toBe('0');
  });

  it('a decision reaches the owner and the team, not the decider nor outsiders', async () => {
    const { initiativeId, milestoneIds } = await submittedGate(t, cast);
    const second = await signIn(t, 'member');
    // The deciding executive is on the team too: still not told of their own decision.
    for (const userId of [second.user.id, cast.executive.user.id]) {
      await t.sql.query(`INSERT INTO initiative_team (initiative_id, user_id) VALUES ($1, $2)`, [
        initiativeId,
        userId,
      ]);
    }
    const res = await decide(t, cast.executive, milestoneIds[0] ?? '', {
      outcome: 'changes_requested',
      rationale: 'Show the weekend numbers too.',
    });
    expect(res.status).toBe(201);

    expect(
      await counts(initiativeId, 'gate_decided', {
        owner: cast.owner,
        member: cast.member,
        second,
        decider: cast.executive,
        sponsor: cast.sponsor,
        outsider: cast.outsider,
      }),
    ).toEqual({ owner: 1, member: 1, second: 1, decider: 0, sponsor: 0, outsider: 0 });
    const [note] = await inboxOf(t, cast.member, initiativeId, 'gate_decided');
    expect(note).toMatchObject({
      title: 'Gate decided (changes requested): Milestone 1',
      link: `/initiatives/${initiativeId}`,
    });
    expect(note?.body).toBe(
      `Eve Executive decided milestone 1 "Milestone 1" of "${await titleOf(initiativeId)}": ` +
        'changes requested. Rationale: Show the weekend numbers too.',
    );
  });

  it('open conditions reach the owner when the next milestone starts', async () => {
    const { initiativeId, milestoneIds } = await submittedGate(t, cast);
    const [first, next] = milestoneIds as [string, string];
    expect(await inboxOf(t, cast.owner, initiativeId, 'conditions_open')).toEqual([]);
    const decided = await decide(t, cast.sponsor, first, {
      outcome: 'go_with_conditions',
      rationale: 'Go, carefully.',
      conditions: ['Report churn monthly', 'Keep the NPS above 40'],
    });
    expect(decided.status).toBe(201);
    const [decidedNote] = await inboxOf(t, cast.owner, initiativeId, 'gate_decided');
    expect(decidedNote?.body).toContain(
      'go with conditions. Rationale: Go, carefully.\n' +
        '2 conditions to meet:\n- Report churn monthly\n- Keep the NPS above 40',
    );

    expect((await transition(t, cast.owner, next, 'start')).status).toBe(200);
    const notes = await inboxOf(t, cast.owner, initiativeId, 'conditions_open');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      title: '2 open conditions from the last gate',
      link: `/initiatives/${initiativeId}`,
    });
    expect(notes[0]?.body).toContain('- Report churn monthly\n- Keep the NPS above 40');
    expect(await inboxOf(t, cast.member, initiativeId, 'conditions_open')).toEqual([]);
  });

  it('no reminder when the next milestone starts with every condition closed', async () => {
    const { initiativeId, milestoneIds } = await submittedGate(t, cast);
    const [first, next] = milestoneIds as [string, string];
    const decided = await decide(t, cast.sponsor, first, {
      outcome: 'go_with_conditions',
      rationale: 'Go.',
      conditions: ['Report churn monthly'],
    });
    const condition = decided.body.conditions[0];
    const closed = await send(
      t,
      cast.sponsor,
      'POST',
      `/api/conditions/${condition?.id ?? ''}/close`,
      { note: 'Reported in January.' },
      etag(condition?.version ?? 1),
    );
    expect(closed.status).toBe(200);
    expect((await transition(t, cast.owner, next, 'start')).status).toBe(200);
    expect(await inboxOf(t, cast.owner, initiativeId, 'conditions_open')).toEqual([]);
  });

  it('a step assigned reaches its assignee, on create and when the assignee changes, never self', async () => {
    const initiativeId = await initiativeFor(t, cast);
    const second = await signIn(t, 'member', { displayName: 'Sue Second' });
    await t.sql.query(`INSERT INTO initiative_team (initiative_id, user_id) VALUES ($1, $2)`, [
      initiativeId,
      second.user.id,
    ]);
    const milestoneId = await milestoneAt(t, initiativeId, 1);
    const created = await send<StepBody>(
      t,
      cast.owner,
      'POST',
      `/api/milestones/${milestoneId}/steps`,
      {
        title: 'Map the call flow',
        assigneeId: cast.member.user.id,
        dueDate: '2030-04-15',
      },
    );
    expect(created.status).toBe(201);
    const [note] = await inboxOf(t, cast.member, initiativeId, 'step_assigned');
    expect(note).toMatchObject({
      title: 'Step assigned to you: Map the call flow',
      link: '/my-work',
      initiativeId,
    });
    expect(note?.body).toContain('Olivia Owner assigned you "Map the call flow"');
    expect(note?.body).toContain('due 15 Apr 2030.');

    // Self-assignment, on create and on update: no notification.
    const own = await send<StepBody>(
      t,
      cast.member,
      'POST',
      `/api/milestones/${milestoneId}/steps`,
      {
        title: 'Listen to calls',
        assigneeId: cast.member.user.id,
      },
    );
    expect(own.status).toBe(201);
    expect(await inboxOf(t, cast.member, initiativeId, 'step_assigned')).toHaveLength(1);

    // A change of assignee reaches the new one; other changes reach nobody.
    const patch = (id: string, version: number, body: unknown, session = cast.owner) =>
      send<StepBody>(t, session, 'PATCH', `/api/steps/${id}`, body, etag(version));
    const moved = await patch(created.body.id, 1, { assigneeId: second.user.id });
    expect(moved.status).toBe(200);
    expect(await inboxOf(t, second, initiativeId, 'step_assigned')).toHaveLength(1);
    const renamed = await patch(created.body.id, 2, {
      title: 'Map every call flow',
      assigneeId: second.user.id,
    });
    expect(renamed.status).toBe(200);
    const unassigned = await patch(created.body.id, 3, { assigneeId: null });
    expect(unassigned.status).toBe(200);
    expect(await inboxOf(t, second, initiativeId, 'step_assigned')).toHaveLength(1);
    expect(await inboxOf(t, cast.member, initiativeId, 'step_assigned')).toHaveLength(1);
    const toOwnerBySelf = await patch(own.body.id, 1, { assigneeId: cast.owner.user.id });
    expect(toOwnerBySelf.status).toBe(200);
    expect(await inboxOf(t, cast.owner, initiativeId, 'step_assigned')).toEqual([]);
  });

  it('a refused assignment notifies nobody', async () => {
    const initiativeId = await initiativeFor(t, cast);
    const milestoneId = await milestoneAt(t, initiativeId, 1);
    const refused = await send(t, cast.owner, 'POST', `/api/milestones/${milestoneId}/steps`, {
      title: 'Nope',
      assigneeId: cast.outsider.user.id,
    });
    expect(refused.status).toBe(422);
    expect(await inboxOf(t, cast.outsider, initiativeId)).toEqual([]);
  });

  async function titleOf(initiativeId: string): Promise<string> {
    const rows = await t.sql.query<{ title: string }>(
      `SELECT title FROM initiatives WHERE id = $1`,
      [initiativeId],
    );
    return rows.rows[0]?.title ?? '';
  }
});
