import type { HistoryEventResponse, InitiativeResponse, Page } from '@waypoint/contracts';
import type { Session } from '../support/auth';
import { postInitiative, person } from '../factories/initiatives';
import { fieldErrors as fieldsOf, nothing, send } from '../support/http';
import { useTestApp } from '../support/use-test-app';

describe('initiatives: history of the initiative and everything under it', () => {
  const t = useTestApp();
  let owner: Session;
  let sponsor: Session;
  let teamMember: Session;
  let outsider: Session;
  let initiative: InitiativeResponse;
  let other: InitiativeResponse;

  beforeAll(async () => {
    owner = await person(t, 'manager', 'Mona Manager');
    sponsor = await person(t, 'executive', 'Eve Executive');
    teamMember = await person(t, 'member', 'Max Member');
    outsider = await person(t, 'member', 'Olga Outsider');
    initiative = await postInitiative(t, owner, {
      title: 'Segment the base',
      template: 'best_customer',
      sponsorId: sponsor.user.id,
      teamIds: [teamMember.user.id],
    });
    other = await postInitiative(t, owner, { title: 'Another one', teamIds: [outsider.user.id] });
    const path = `/api/initiatives/${initiative.id}`;
    const edited = await send(
      t,
      owner,
      'PATCH',
      path,
      { title: 'Segment the customer base' },
      {
        'If-Match': '"1"',
      },
    );
    expect(edited.status).toBe(200);
    const proposed = await send(
      t,
      owner,
      'POST',
      `${path}/transitions`,
      { to: 'proposed' },
      {
        'If-Match': '"2"',
      },
    );
    expect(proposed.status).toBe(200);
    const commented = await send(t, teamMember, 'POST', `${path}/comments`, {
      targetType: 'milestone',
      targetId: initiative.milestones[1]?.id,
      body: 'RFM data is ready.',
    });
    expect(commented.status).toBe(201);
  });

  const history = (session: Session, query = '', id = initiative.id) =>
    send<Page<HistoryEventResponse>>(t, session, 'GET', `/api/initiatives/${id}/history${query}`);

  it('lists the events of the initiative and of what is under it, newest first, with before and after', async () => {
    const res = await history(teamMember);
    expect(res.status).toBe(200);
    // create + 4 milestones + 3 measures + update + transition + comment
    expect(res.body.total).toBe(11);
    const summary = res.body.items.map((e) => `${e.entityType}:${e.action}`);
    expect(summary.slice(0, 3)).toEqual([
      'comment:create',
      'initiative:transition',
      'initiative:update',
    ]);
    expect(summary.filter((s) => s === 'milestone:create')).toHaveLength(4);
    expect(summary.filter((s) => s === 'measure:create')).toHaveLength(3);
    expect(summary[summary.length - 1]).toBe('initiative:create');
    const [comment, transition, update] = res.body.items;
    expect(comment).toMatchObject({
      actor: { id: teamMember.user.id, displayName: 'Max Member' },
      entityId: expect.any(String),
      after: { body: 'RFM data is ready.' },
    });
    expect(transition).toMatchObject({
      actor: { id: owner.user.id, displayName: 'Mona Manager' },
      entityType: 'initiative',
      entityId: initiative.id,
      before: { status: 'draft' },
      after: { status: 'proposed' },
    });
    expect(update).toMatchObject({
      before: { title: 'Segment the base', version: 1 },
      after: { title: 'Segment the customer base', version: 2 },
    });
    const times = res.body.items.map((e) => Date.parse(e.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // Nothing of the other initiative leaks in.
    expect(res.body.items.some((e) => e.entityId === other.id)).toBe(false);
    expect((await history(owner, '', other.id)).body.total).toBe(1);
  });

  it('filters by kind of record and pages', async () => {
    const measures = await history(owner, '?entityType=measure');
    expect(measures.body.total).toBe(3);
    expect(measures.body.items.every((e) => e.entityType === 'measure')).toBe(true);
    const page = await history(owner, '?limit=2&offset=1');
    expect(page.body).toMatchObject({ total: 11, limit: 2, offset: 1 });
    expect(page.body.items.map((e) => e.action)).toEqual(['transition', 'update']);
  });

  it('is for the people who may read the initiative', async () => {
    expect((await history(sponsor)).status).toBe(200);
    expect((await history(await person(t, 'executive', 'Ezra'))).status).toBe(200);
    expect((await history(outsider)).status).toBe(403);
    expect((await history(outsider, '', other.id)).status).toBe(200);
    expect((await history(teamMember, '', nothing())).status).toBe(404);
    expect((await send(t, null, 'GET', `/api/initiatives/${initiative.id}/history`)).status).toBe(
      401,
    );
  });

  it('validates the query and the id', async () => {
    const res = await history(owner, `?entityType=${'x'.repeat(101)}&limit=0&actor=me`);
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['actor', 'entityType', 'limit']);
    expect((await send(t, owner, 'GET', '/api/initiatives/nope/history')).status).toBe(400);
  });
});
