import { auditCount, etag, NO_SUCH_ID, send } from '../support/http';
import {
  getMilestone,
  initiativeFor,
  type MilestoneBody,
  milestoneAt,
  transition,
} from '../factories/gates';
import { GATE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

describe('milestones: when exit criteria change and where a milestone may move', () => {
  const t = useTestApp({ people: GATE_PEOPLE });
  const cast = t.people;

  const patch = (id: string, version: number, body: unknown) =>
    send<MilestoneBody & { title: string; errors?: Record<string, string[]> }>(
      t,
      cast.owner,
      'PATCH',
      `/api/milestones/${id}`,
      body,
      etag(version),
    );

  it('edits criteria labels while planned or in progress and checks them while in progress or sent back', async () => {
    const initiativeId = await initiativeFor(t, cast);
    const id = await milestoneAt(t, initiativeId, 1, {
      criteria: [
        { id: 'a', label: 'Problem agreed', checked: false },
        { id: 'b', label: 'Data collected', checked: false },
      ],
    });
    const planned = await patch(id, 1, {
      criteria: [{ id: 'b', label: 'Data collected for 4 weeks' }, { label: 'Sponsor briefed' }],
    });
    expect(planned.status).toBe(200);
    expect(planned.body.criteria.map((c) => [c.label, c.checked])).toEqual([
      ['Data collected for 4 weeks', false],
      ['Sponsor briefed', false],
    ]);
    const criteria = planned.body.criteria;
    const checkEarly = await patch(id, 2, {
      criteria: criteria.map((c) => ({ ...c, checked: true })),
    });
    expect(checkEarly.status).toBe(422);
    expect(checkEarly.body.errors?.['criteria']).toEqual([
      'Exit criteria can be checked or unchecked only while the milestone is in progress or has changes requested; it is planned.',
    ]);
    const unknown = await patch(id, 2, { criteria: [{ id: 'zz', label: 'Ghost' }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors?.['criteria']).toContain(
      'No exit criterion with the id "zz" on this milestone.',
    );
    const twice = await patch(id, 2, { criteria: [criteria[0], criteria[0]] });
    expect(twice.status).toBe(422);

    await transition(t, cast.owner, id, 'start');
    const checkedNow = await patch(id, 3, {
      criteria: [
        { ...criteria[0], checked: true },
        { ...criteria[1], label: 'Sponsor briefed twice' },
      ],
    });
    expect(checkedNow.status).toBe(200);
    expect(checkedNow.body.criteria.map((c) => c.checked)).toEqual([true, false]);

    await t.sql.query(`UPDATE milestones SET state = 'changes_requested' WHERE id = $1`, [id]);
    const current = checkedNow.body.criteria;
    const relabel = await patch(id, 4, {
      criteria: [{ ...current[0], label: 'New label' }, current[1]],
    });
    expect(relabel.status).toBe(422);
    expect(relabel.body.errors?.['criteria']).toEqual([
      'Exit criteria can be added, removed or relabelled only while the milestone is planned or in progress; it is changes requested.',
    ]);
    expect((await patch(id, 4, { criteria: [current[0]] })).status).toBe(422);
    const recheck = await patch(id, 4, {
      criteria: current.map((c) => ({ id: c.id, label: c.label, checked: true })),
    });
    expect(recheck.status).toBe(200);
    expect(recheck.body.criteria.every((c) => c.checked)).toBe(true);

    await t.sql.query(`UPDATE milestones SET state = 'submitted' WHERE id = $1`, [id]);
    const whileSubmitted = await patch(id, 5, { title: 'Late change' });
    expect(whileSubmitted.status).toBe(422);
    expect(whileSubmitted.body.errors?.['title']).toEqual([
      'The milestone is submitted and waiting for a decision: its plan cannot change until it is decided.',
    ]);
    expect((await patch(id, 5, { criteria: recheck.body.criteria })).status).toBe(200);
  });

  it('reorders planned milestones only, never before a started or decided one', async () => {
    const initiativeId = await initiativeFor(t, cast);
    const ids: string[] = [];
    for (const position of [1, 2, 3, 4]) ids.push(await milestoneAt(t, initiativeId, position));
    const [a, b, c, d] = ids as [string, string, string, string];
    const reorder = (id: string, version: number, body: unknown, headers = etag(version)) =>
      send<MilestoneBody>(t, cast.owner, 'POST', `/api/milestones/${id}/reorder`, body, headers);
    const order = async (): Promise<string[]> =>
      (
        await send<{ items: MilestoneBody[] }>(
          t,
          cast.owner,
          'GET',
          `/api/initiatives/${initiativeId}/milestones`,
        )
      ).body.items.map((m) => m.id);

    const moved = await reorder(d, 1, { position: 1 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ position: 1, version: 2 });
    expect(await order()).toEqual([d, a, b, c]);
    expect((await getMilestone(t, cast.owner, a)).version).toBe(2);
    expect(await auditCount(t, d, 'reorder')).toBe(1);

    await transition(t, cast.owner, d, 'start');
    const beforeStarted = await reorder(c, 2, { position: 1 });
    expect(beforeStarted.status).toBe(422);
    expect(beforeStarted.body['detail' as never]).toBe(
      'A milestone cannot move before milestone 1, which is in progress.',
    );
    const started = await reorder(d, 3, { position: 4 });
    expect(started.status).toBe(422);
    expect(started.body['detail' as never]).toBe(
      'Only a planned milestone can be moved; this one is in progress.',
    );
    const outOfRange = await reorder(c, 2, { position: 5 });
    expect(outOfRange.body['detail' as never]).toBe('The position must be between 1 and 4.');
    expect((await reorder(c, 2, { position: 2 })).status).toBe(200);
    expect(await order()).toEqual([d, c, a, b]);

    expect((await reorder(b, 1, { position: 2 })).status).toBe(412);
    expect((await reorder(b, 2, { position: 2 }, {})).status).toBe(428);
    for (const body of [
      {},
      { position: 0 },
      { position: 1.5 },
      { position: '2' },
      { position: 2, x: 1 },
    ]) {
      expect({ body, status: (await reorder(b, 3, body)).status }).toEqual({ body, status: 400 });
    }
    const member = await send(
      t,
      cast.member,
      'POST',
      `/api/milestones/${b}/reorder`,
      { position: 2 },
      etag(3),
    );
    expect(member.status).toBe(403);
    const missing = await send(
      t,
      cast.admin,
      'POST',
      `/api/milestones/${NO_SUCH_ID}/reorder`,
      { position: 2 },
      etag(1),
    );
    expect(missing.status).toBe(404);
    expect(await order()).toEqual([d, c, a, b]);
  });
});
