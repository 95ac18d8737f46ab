import type { CycleResponse } from '@waypoint/contracts';
import { createCycle, createInitiative, insertRow } from '../factories/domain';
import { type Session, signIn } from '../support/auth';
import { detailOf, etag, fieldErrors, NO_SUCH_ID, send } from '../support/http';
import { quarter } from '../support/time';
import { useTestApp } from '../support/use-test-app';

describe('cycles: changing the dates while nothing depends on them', () => {
  const t = useTestApp();
  let admin: Session;
  let executive: Session;
  let manager: Session;

  beforeAll(async () => {
    admin = await signIn(t, 'admin');
    executive = await signIn(t, 'executive');
    manager = await signIn(t, 'manager');
  });

  const patch = (session: Session, id: string, body: unknown, headers: Record<string, string>) =>
    send<CycleResponse>(t, session, 'PATCH', `/api/cycles/${id}`, body, headers);
  const read = async (id: string): Promise<CycleResponse> => {
    const list = await send<{ items: CycleResponse[] }>(t, admin, 'GET', '/api/cycles?limit=100');
    const cycle = list.body.items.find((c) => c.id === id);
    if (!cycle) throw new Error(`no cycle ${id}`);
    return cycle;
  };

  it('moves the dates of a cycle that has not ended and has no review, audited before and after', async () => {
    const coming = quarter(2);
    const id = await createCycle(t.sql, coming.name, coming.startsOn, coming.endsOn);
    const moved = await patch(admin, id, { endsOn: quarter(3).endsOn, name: 'Long run' }, etag(1));
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      name: 'Long run',
      startsOn: coming.startsOn,
      endsOn: quarter(3).endsOn,
      version: 2,
    });
    const rows = await t.sql.query<{ action: string; before: unknown; after: unknown }>(
      `SELECT action, before, after FROM audit_events WHERE entity_type = 'cycle' AND entity_id = $1`,
      [id],
    );
    expect(rows.rows.at(-1)).toMatchObject({
      action: 'update',
      before: { endsOn: coming.endsOn },
      after: { endsOn: quarter(3).endsOn },
    });
    // A stale If-Match, a missing one, an unknown id.
    expect((await patch(executive, id, { name: 'Again' }, etag(1))).status).toBe(412);
    expect((await patch(executive, id, { name: 'Again' }, {})).status).toBe(428);
    expect((await patch(admin, NO_SUCH_ID, { name: 'Again' }, etag(1))).status).toBe(404);
  });

  it('refuses in words once a cycle review rests on the dates, but still renames', async () => {
    const id = await createCycle(t.sql, 'Reviewed', '2031-01-01', '2031-03-31');
    const initiative = await createInitiative(t.sql, { ownerId: manager.user.id });
    await insertRow(t.sql, 'cycle_reviews', {
      initiative_id: initiative,
      cycle_id: id,
      author_id: manager.user.id,
    });
    const refused = await patch(admin, id, { startsOn: '2031-01-02' }, etag(1));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'cycle_in_use' });
    expect(detailOf(refused)).toBe(
      'Its dates can no longer change: 1 cycle review was written for this cycle.',
    );
    const renamed = await patch(admin, id, { name: 'Reviewed quarter' }, etag(1));
    expect(renamed.status).toBe(200);
    expect((await read(id)).startsOn).toBe('2031-01-01');
  });

  it('refuses an ended cycle, an overlap and an inverted span', async () => {
    const ended = await createCycle(t.sql, 'Ended', '2019-01-01', '2019-03-31');
    const endedAnswer = await patch(admin, ended, { endsOn: '2019-04-30' }, etag(1));
    expect(endedAnswer.status).toBe(422);
    expect(detailOf(endedAnswer)).toMatch(/the cycle has ended/);
    const a = await createCycle(t.sql, 'A', '2032-01-01', '2032-03-31');
    await createCycle(t.sql, 'B', '2032-04-01', '2032-06-30');
    const overlap = await patch(admin, a, { endsOn: '2032-04-15' }, etag(1));
    expect(overlap.status).toBe(422);
    expect(overlap.body).toMatchObject({ code: 'cycle_overlap' });
    expect(detailOf(overlap)).toBe(
      '1 Jan 2032 to 15 Apr 2032 overlaps the cycle "B", which runs from 1 Apr 2032 to 30 Jun 2032; cycles must not overlap. Pick other dates.',
    );
    const inverted = await patch(admin, a, { endsOn: '2031-12-01' }, etag(1));
    expect(inverted.status).toBe(422);
    expect(inverted.body).toMatchObject({ code: 'cycle_period_invalid' });
    expect((await read(a)).version).toBe(1);
  });

  it('lets only admins and executives change cycles, and refuses bad input', async () => {
    const id = await createCycle(t.sql, 'Guarded', '2033-01-01', '2033-03-31');
    expect((await patch(manager, id, { name: 'Mine' }, etag(1))).status).toBe(403);
    const wrong = await patch(admin, id, { startsOn: '2033-1-1', colour: 'red' }, etag(1));
    expect(wrong.status).toBe(400);
    expect(fieldErrors(wrong)).toEqual(['colour', 'startsOn']);
    expect((await patch(admin, id, {}, etag(1))).status).toBe(400);
    expect((await patch(admin, id, { name: '  ' }, etag(1))).status).toBe(400);
  });
});
