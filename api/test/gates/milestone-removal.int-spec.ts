import { createStep } from '../factories/domain';
import { getMilestone, initiativeFor, milestoneAt } from '../factories/gates';
import { etag, NO_SUCH_ID, send } from '../support/http';
import { GATE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

/** Issue 14: the owner removes a planned milestone from the gate track. */
describe('DELETE /api/milestones/:id: removing a planned milestone', () => {
  const t = useTestApp({ people: GATE_PEOPLE });
  const cast = t.people;

  const remove = (id: string, headers: Record<string, string>, session = cast.owner) =>
    send<{ detail?: string }>(t, session, 'DELETE', `/api/milestones/${id}`, undefined, headers);
  const track = async (initiativeId: string): Promise<string[]> =>
    (
      await send<{ items: Array<{ position: number; title: string }> }>(
        t,
        cast.owner,
        'GET',
        `/api/initiatives/${initiativeId}/milestones`,
      )
    ).body.items.map((m) => `${m.position}:${m.title}`);

  it('removes it, moves the later ones up and audits it', async () => {
    const initiativeId = await initiativeFor(t, cast);
    await milestoneAt(t, initiativeId, 1, { title: 'Define' });
    const second = await milestoneAt(t, initiativeId, 2, { title: 'Measure' });
    await milestoneAt(t, initiativeId, 3, { title: 'Analyse' });
    const { version } = await getMilestone(t, cast.owner, second);
    const res = await remove(second, etag(version));
    expect(res.status).toBe(204);
    expect(await track(initiativeId)).toEqual(['1:Define', '2:Analyse']);
    const audit = await t.sql.query<{ initiative_id: string; before: { title: string } }>(
      `SELECT initiative_id, before FROM audit_events WHERE entity_id = $1 AND action = 'delete'`,
      [second],
    );
    expect(audit.rows).toEqual([
      { initiative_id: initiativeId, before: expect.objectContaining({ title: 'Measure' }) },
    ]);
  });

  it('refuses a milestone that has started or has steps, and bad or stale requests', async () => {
    const initiativeId = await initiativeFor(t, cast);
    const started = await milestoneAt(t, initiativeId, 1, { state: 'in_progress' });
    const withSteps = await milestoneAt(t, initiativeId, 2);
    await createStep(t.sql, withSteps, initiativeId, { title: 'Carried' });

    const going = await remove(started, etag(1));
    expect(going.status).toBe(422);
    expect(going.body.detail).toBe(
      'Only a planned milestone can be removed: this one is in progress.',
    );
    const stepped = await remove(withSteps, etag(1));
    expect(stepped.status).toBe(422);
    expect(stepped.body.detail).toBe('The milestone has 1 step: move or remove it first.');

    expect((await remove(withSteps, {})).status).toBe(428);
    expect((await remove(withSteps, { 'If-Match': 'yesterday' })).status).toBe(400);
    expect((await remove(withSteps, etag(9))).status).toBe(412);
    expect((await remove(NO_SUCH_ID, etag(1))).status).toBe(404);
    for (const session of [cast.member, cast.manager, cast.sponsor]) {
      expect((await remove(withSteps, etag(1), session)).status).toBe(403);
    }
    expect(await track(initiativeId)).toHaveLength(2);
  });
});
