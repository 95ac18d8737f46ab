import { signIn } from '../support/auth';
import { auditCount, etag, NO_SUCH_ID, send } from '../support/http';
import {
  decide,
  getMilestone,
  measureOf,
  readingOf,
  submittedGate,
  transition,
} from '../factories/gates';
import { GATE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

interface ConditionBody {
  id: string;
  text: string;
  open: boolean;
  version: number;
  closedBy: { id: string } | null;
  closeNote: string | null;
  closedAt: string | null;
}

describe('gate decisions: who decides, what a decision carries, conditions and baselines', () => {
  const t = useTestApp({ people: GATE_PEOPLE });
  const cast = t.people;

  it('is decided by the sponsor or an executive, never by the submitter nor the team', async () => {
    const gate = await submittedGate(t, cast);
    const id = gate.milestoneIds[0] ?? '';
    const go = { outcome: 'go' };
    for (const session of [cast.member, cast.outsider, cast.owner, cast.manager, cast.admin]) {
      const res = await decide(t, session, id, go);
      expect({ role: session.user.role, status: res.status }).toEqual({
        role: session.user.role,
        status: 403,
      });
    }
    expect((await getMilestone(t, cast.owner, id)).state).toBe('submitted');
    const byExecutive = await decide(t, cast.executive, id, go);
    expect(byExecutive.status).toBe(201);
    expect(byExecutive.body.decider.id).toBe(cast.executive.user.id);

    // An executive who owns the initiative submits its gate: they may not decide it themselves.
    const boss = await signIn(t, 'executive', { displayName: 'Bo Boss' });
    const own = await submittedGate(t, cast, { submitter: boss });
    const ownId = own.milestoneIds[0] ?? '';
    const self = await decide(t, boss, ownId, go);
    expect(self.status).toBe(422);
    expect(self.body).toMatchObject({
      code: 'decider_not_allowed',
      detail: 'The person who submitted a gate cannot decide it.',
    });
    // An admin who sponsors the initiative decides through the sponsor relation.
    const sponsoredByAdmin = await submittedGate(t, cast, { sponsorId: cast.admin.user.id });
    expect((await decide(t, cast.admin, sponsoredByAdmin.milestoneIds[0] ?? '', go)).status).toBe(
      201,
    );
  });

  it('is never decided by the owner, even promoted to executive with an admin submitting', async () => {
    const owner = await signIn(t, 'manager', { displayName: 'Pat Promoted' });
    const gate = await submittedGate(t, cast, { submitter: cast.admin, ownerId: owner.user.id });
    await t.sql.query(`UPDATE users SET role = 'executive' WHERE id = $1`, [owner.user.id]);
    const own = await decide(t, owner, gate.milestoneIds[0] ?? '', { outcome: 'go' });
    expect(own.status).toBe(422);
    expect(own.body).toMatchObject({
      code: 'decider_not_allowed',
      detail: "The initiative's owner cannot decide its gates.",
    });
    expect(
      (await decide(t, cast.sponsor, gate.milestoneIds[0] ?? '', { outcome: 'go' })).status,
    ).toBe(201);
  });

  it('needs a rationale unless plain go, and conditions for go with conditions only', async () => {
    const gate = await submittedGate(t, cast);
    const id = gate.milestoneIds[0] ?? '';
    const cases: Array<[Record<string, unknown>, Record<string, string[]>]> = [
      [
        { outcome: 'changes_requested' },
        { rationale: ['A rationale is required for a decision of "changes requested".'] },
      ],
      [
        { outcome: 'rejected', rationale: '   ' },
        { rationale: ['A rationale is required for a decision of "rejected".'] },
      ],
      [
        { outcome: 'go_with_conditions', rationale: 'ok' },
        { conditions: ['A go with conditions needs at least one condition.'] },
      ],
      [
        { outcome: 'go_with_conditions', rationale: 'ok', conditions: ['Fine', '  '] },
        { 'conditions.1': ['Condition 2 is empty.'] },
      ],
      [
        { outcome: 'go', conditions: ['Extra'] },
        { conditions: ['Conditions are only for a go with conditions, not for "go".'] },
      ],
      [
        { outcome: 'on_hold', conditions: ['x'] },
        {
          rationale: ['A rationale is required for a decision of "on hold".'],
          conditions: ['Conditions are only for a go with conditions, not for "on hold".'],
        },
      ],
    ];
    for (const [body, errors] of cases) {
      const res = await decide(t, cast.sponsor, id, body);
      expect({ body, status: res.status, errors: res.body['errors' as never] }).toEqual({
        body,
        status: 422,
        errors,
      });
    }
    expect((await getMilestone(t, cast.owner, id)).decisions).toEqual([]);
    const plainGo = await decide(t, cast.sponsor, id, { outcome: 'go' });
    expect(plainGo.status).toBe(201);
    expect(plainGo.body).toMatchObject({ outcome: 'go', rationale: '', conditions: [] });
  });

  it('is idempotent with an Idempotency-Key, and refuses a second decision on the submission', async () => {
    const gate = await submittedGate(t, cast);
    const id = gate.milestoneIds[0] ?? '';
    const body = { outcome: 'go_with_conditions', rationale: 'Go.', conditions: ['Report churn'] };
    const key = { 'Idempotency-Key': `decide-${id}` };
    const first = await decide(t, cast.sponsor, id, body, key);
    expect(first.status).toBe(201);
    const replay = await decide(t, cast.sponsor, id, body, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    const reused = await decide(t, cast.sponsor, id, { ...body, rationale: 'Other' }, key);
    expect(reused.status).toBe(422);
    const second = await decide(t, cast.executive, id, { outcome: 'rejected', rationale: 'No' });
    expect(second.status).toBe(422);
    expect(second.body['detail' as never]).toBe(
      'A milestone in state "approved" does not accept "decide:rejected".',
    );
    const rows = await t.sql.query(`SELECT id FROM gate_decisions WHERE milestone_id = $1`, [id]);
    expect(rows.rowCount).toBe(1);
    const conditions = await t.sql.query(
      `SELECT id FROM decision_conditions WHERE decision_id = $1`,
      [first.body.id],
    );
    expect(conditions.rowCount).toBe(1);
    // The database refuses a second decision on one submission even behind the API's back.
    await expect(
      t.sql.query(
        `INSERT INTO gate_decisions (milestone_id, submission_id, decider_id, outcome)
         SELECT milestone_id, submission_id, decider_id, 'go' FROM gate_decisions WHERE id = $1`,
        [first.body.id],
      ),
    ).rejects.toThrow(/duplicate key/);
  });

  it('tracks conditions until closed with a note; open ones show on later gates', async () => {
    const gate = await submittedGate(t, cast, { count: 3 });
    const [first, second, third] = gate.milestoneIds as [string, string, string];
    const decided = await decide(t, cast.sponsor, first, {
      outcome: 'go_with_conditions',
      rationale: 'Go, with two things to watch.',
      conditions: ['Weekly churn check', 'Budget review in March'],
    });
    expect(decided.body.conditions.map((c) => [c.text, c.open])).toEqual([
      ['Weekly churn check', true],
      ['Budget review in March', true],
    ]);
    const [churn, budget] = decided.body.conditions as [ConditionBody, ConditionBody];
    const listed = await send<{ items: Array<{ conditions: ConditionBody[] }>; total: number }>(
      t,
      cast.member,
      'GET',
      `/api/milestones/${first}/decisions`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(1);
    expect(listed.body.items[0]?.conditions.map((c) => c.text)).toEqual([
      'Weekly churn check',
      'Budget review in March',
    ]);
    expect((await getMilestone(t, cast.owner, first)).openConditions).toEqual([]);
    expect((await getMilestone(t, cast.owner, second)).openConditions.map((c) => c.id)).toEqual([
      churn.id,
      budget.id,
    ]);

    const path = `/api/conditions/${churn.id}/close`;
    const note = { note: 'Churn is on the weekly ops agenda.' };
    expect((await send(t, cast.owner, 'POST', path, note)).status).toBe(428);
    expect((await send(t, cast.owner, 'POST', path, note, etag(9))).status).toBe(412);
    expect((await send(t, cast.member, 'POST', path, note, etag(1))).status).toBe(403);
    expect((await send(t, cast.outsider, 'POST', path, note, etag(1))).status).toBe(403);
    expect((await send(t, cast.owner, 'POST', path, {}, etag(1))).status).toBe(400);
    expect((await send(t, cast.owner, 'POST', path, { note: '  ' }, etag(1))).status).toBe(400);
    const closed = await send<ConditionBody>(t, cast.owner, 'POST', path, note, etag(1));
    expect(closed.status).toBe(200);
    expect(closed.headers.get('etag')).toBe('"2"');
    expect(closed.body).toMatchObject({
      id: churn.id,
      open: false,
      closeNote: 'Churn is on the weekly ops agenda.',
      closedBy: { id: cast.owner.user.id, displayName: 'Olivia Owner' },
      version: 2,
    });
    expect(await auditCount(t, churn.id, 'close')).toBe(1);
    const twice = await send(t, cast.executive, 'POST', path, note, etag(2));
    expect(twice.status).toBe(422);
    expect(twice.body['detail' as never]).toMatch(/^This condition was closed already/);
    expect(
      (await send(t, cast.admin, 'POST', `/api/conditions/${NO_SUCH_ID}/close`, note, etag(1)))
        .status,
    ).toBe(404);

    expect((await transition(t, cast.owner, second, 'start')).status).toBe(200);
    await readingOf(t, gate.measureIds[0] ?? '', cast.member, 25);
    const submitted = await transition(t, cast.owner, second, 'submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body.latestSubmission?.snapshot.openConditions).toEqual([
      {
        id: budget.id,
        text: 'Budget review in March',
        milestoneId: first,
        milestoneTitle: 'Milestone 1',
      },
    ]);
    expect((await getMilestone(t, cast.owner, third)).openConditions.map((c) => c.id)).toEqual([
      budget.id,
    ]);
  });

  it('freezes the measure baselines at the first approval, not at a sending back', async () => {
    const gate = await submittedGate(t, cast);
    const [first, second] = gate.milestoneIds as [string, string];
    const frozenAt = async (measureId: string): Promise<Date | null> =>
      (
        await t.sql.query<{ at: Date | null }>(
          `SELECT baseline_frozen_at AS at FROM measures WHERE id = $1`,
          [measureId],
        )
      ).rows[0]?.at ?? null;
    const linked = gate.measureIds[0] ?? '';
    await decide(t, cast.sponsor, first, { outcome: 'changes_requested', rationale: 'More.' });
    expect(await frozenAt(linked)).toBeNull();
    await transition(t, cast.owner, first, 'resume');
    await readingOf(t, linked, cast.member, 29);
    await transition(t, cast.owner, first, 'submit');
    await decide(t, cast.sponsor, first, { outcome: 'go' });
    const firstFreeze = await frozenAt(linked);
    expect(firstFreeze).toBeInstanceOf(Date);
    expect(await auditCount(t, linked, 'freeze_baseline')).toBe(1);

    const later = await measureOf(t, gate.initiativeId, 'Repeat calls');
    await t.sql.query(`INSERT INTO milestone_measures (milestone_id, measure_id) VALUES ($1, $2)`, [
      second,
      later,
    ]);
    expect(await frozenAt(later)).toBeNull();
    await transition(t, cast.owner, second, 'start');
    await readingOf(t, linked, cast.member, 27);
    await readingOf(t, later, cast.member, 12);
    await transition(t, cast.owner, second, 'submit');
    await decide(t, cast.executive, second, { outcome: 'go' });
    expect(await frozenAt(linked)).toEqual(firstFreeze);
    expect(await frozenAt(later)).toBeInstanceOf(Date);
  });
});
