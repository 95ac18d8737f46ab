import { auditCount, etag, NO_SUCH_ID, send } from '../support/http';
import {
  decide,
  getMilestone,
  initiativeStatus,
  readingOf,
  submittedGate,
  transition,
} from '../factories/gates';
import { GATE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

describe('gate decisions: the effect of each outcome, resuming, and bad decisions', () => {
  const t = useTestApp({ people: GATE_PEOPLE });
  const cast = t.people;

  const outcomes: Array<{
    outcome: string;
    body: Record<string, unknown>;
    count: number;
    milestone: string;
    initiative: string;
    nextStartable: boolean;
  }> = [
    {
      outcome: 'go',
      body: {},
      count: 2,
      milestone: 'approved',
      initiative: 'active',
      nextStartable: true,
    },
    {
      outcome: 'go (the last milestone)',
      body: {},
      count: 1,
      milestone: 'approved',
      initiative: 'completed',
      nextStartable: false,
    },
    {
      outcome: 'go_with_conditions',
      body: { rationale: 'Good, but watch churn.', conditions: ['Weekly churn check'] },
      count: 2,
      milestone: 'approved',
      initiative: 'active',
      nextStartable: true,
    },
    {
      outcome: 'changes_requested',
      body: { rationale: 'Segment the wait times.' },
      count: 2,
      milestone: 'changes_requested',
      initiative: 'active',
      nextStartable: false,
    },
    {
      outcome: 'on_hold',
      body: { rationale: 'Budget freeze until Q3.' },
      count: 2,
      milestone: 'on_hold',
      initiative: 'on_hold',
      nextStartable: false,
    },
    {
      outcome: 'rejected',
      body: { rationale: 'Hurts the protected group.' },
      count: 2,
      milestone: 'rejected',
      initiative: 'stopped',
      nextStartable: false,
    },
  ];

  it.each(outcomes)(
    '$outcome: the milestone becomes $milestone, the initiative $initiative',
    async ({ outcome, body, count, milestone, initiative, nextStartable }) => {
      const gate = await submittedGate(t, cast, { count });
      const [first, next] = gate.milestoneIds;
      const res = await decide(t, cast.sponsor, first ?? '', {
        outcome: outcome.split(' ')[0],
        ...body,
      });
      expect(res.status).toBe(201);
      expect(res.body.decider).toEqual({ id: cast.sponsor.user.id, displayName: 'Sam Sponsor' });
      const after = await getMilestone(t, cast.owner, first ?? '');
      expect(after.state).toBe(milestone);
      expect(after.decisions.map((d) => d.id)).toEqual([res.body.id]);
      expect(await initiativeStatus(t, gate.initiativeId)).toBe(initiative);
      if (next) expect((await getMilestone(t, cast.owner, next)).startable).toBe(nextStartable);
      expect(await auditCount(t, res.body.id, 'create')).toBe(1);
      expect(await auditCount(t, first ?? '', 'decide')).toBe(1);
    },
  );

  it('resumes a sent-back or held milestone, which needs fresh readings to be submitted again', async () => {
    const sentBack = await submittedGate(t, cast);
    const id = sentBack.milestoneIds[0] ?? '';
    const before = await getMilestone(t, cast.owner, id);
    await decide(t, cast.sponsor, id, { outcome: 'changes_requested', rationale: 'More data.' });
    const resumed = await transition(t, cast.owner, id, 'resume');
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ state: 'in_progress', submittedAt: null });
    expect(Date.parse(resumed.body.startedAt ?? '')).toBeGreaterThan(
      Date.parse(before.startedAt ?? ''),
    );
    const stale = await transition(t, cast.owner, id, 'submit');
    expect((stale.body as unknown as { blockers: Array<{ name: string }> }).blockers).toEqual([
      expect.objectContaining({ kind: 'measure_not_read', name: 'Average wait' }),
    ]);
    await readingOf(t, sentBack.measureIds[0] ?? '', cast.member, 28);
    expect((await transition(t, cast.owner, id, 'submit')).status).toBe(200);
    const again = await getMilestone(t, cast.owner, id);
    expect(again.latestSubmission?.id).not.toBe(before.latestSubmission?.id);
    expect(again.decisions).toHaveLength(1);

    const held = await submittedGate(t, cast);
    const heldId = held.milestoneIds[0] ?? '';
    await decide(t, cast.executive, heldId, { outcome: 'on_hold', rationale: 'Wait for budget.' });
    expect(await initiativeStatus(t, held.initiativeId)).toBe('on_hold');
    expect((await transition(t, cast.member, heldId, 'resume')).status).toBe(403);
    expect((await transition(t, cast.owner, heldId, 'resume')).status).toBe(200);
    expect(await initiativeStatus(t, held.initiativeId)).toBe('active');
    expect(await auditCount(t, held.initiativeId, 'transition')).toBe(2);

    const stopped = await submittedGate(t, cast);
    const stoppedId = stopped.milestoneIds[0] ?? '';
    await decide(t, cast.executive, stoppedId, { outcome: 'rejected', rationale: 'No.' });
    const refused = await transition(t, cast.owner, stoppedId, 'resume');
    expect(refused.status).toBe(422);
    expect(refused.body['detail' as never]).toBe(
      'A milestone in state "rejected" does not accept "resume".',
    );
    const planned = await transition(t, cast.owner, stopped.milestoneIds[1] ?? '', 'resume');
    expect(planned.body['detail' as never]).toBe(
      'A milestone in state "planned" does not accept "resume".',
    );
  });

  it('refuses bad decision input with 400 and unknown records with 404', async () => {
    const gate = await submittedGate(t, cast);
    const id = gate.milestoneIds[0] ?? '';
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ outcome: 'go', extra: 1 }, 'extra'],
      [{ outcome: 'maybe' }, 'outcome'],
      [{ outcome: 5 }, 'outcome'],
      [{}, 'outcome'],
      [{ outcome: 'go', rationale: 7 }, 'rationale'],
      [{ outcome: 'go', rationale: 'x'.repeat(4001) }, 'rationale'],
      [{ outcome: 'go_with_conditions', rationale: 'r', conditions: 'one' }, 'conditions'],
      [{ outcome: 'go_with_conditions', rationale: 'r', conditions: [1] }, 'conditions'],
      [
        { outcome: 'go_with_conditions', rationale: 'r', conditions: ['x'.repeat(1001)] },
        'conditions',
      ],
      [
        { outcome: 'go_with_conditions', rationale: 'r', conditions: Array(21).fill('c') },
        'conditions',
      ],
    ];
    for (const [body, field] of bad) {
      const res = await decide(t, cast.sponsor, id, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(Object.keys(res.body['errors' as never] as object)).toContain(field);
    }
    expect((await decide(t, cast.executive, NO_SUCH_ID, { outcome: 'go' })).status).toBe(404);
    expect((await decide(t, cast.executive, 'not-a-uuid', { outcome: 'go' })).status).toBe(400);
    const list = `/api/milestones/${id}/decisions`;
    expect((await send(t, cast.owner, 'GET', `${list}?limit=0`)).status).toBe(400);
    expect((await send(t, cast.owner, 'GET', `${list}?limit=abc`)).status).toBe(400);
    expect((await send(t, cast.owner, 'GET', `${list}?colour=red`)).status).toBe(400);
    expect((await send(t, cast.outsider, 'GET', list)).status).toBe(403);
    expect(
      (await send(t, cast.owner, 'GET', `/api/milestones/${NO_SUCH_ID}/decisions`)).status,
    ).toBe(404);
    const decided = await decide(t, cast.sponsor, id, {
      outcome: 'go_with_conditions',
      rationale: 'Go.',
      conditions: ['Report churn'],
    });
    const close = `/api/conditions/${decided.body.conditions[0]?.id ?? ''}/close`;
    const badNotes: Array<[Record<string, unknown>, string]> = [
      [{ note: 'n', x: 1 }, 'x'],
      [{ note: 'x'.repeat(2001) }, 'note'],
      [{ note: 3 }, 'note'],
      [{}, 'note'],
    ];
    for (const [body, field] of badNotes) {
      const res = await send(t, cast.owner, 'POST', close, body, etag(1));
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(Object.keys(res.body['errors' as never] as object)).toContain(field);
    }
    const badId = await send(
      t,
      cast.admin,
      'POST',
      '/api/conditions/bad/close',
      { note: 'n' },
      etag(1),
    );
    expect(badId.status).toBe(400);
    expect(Object.keys(badId.body['errors' as never] as object)).toEqual(['id']);
  });
});
