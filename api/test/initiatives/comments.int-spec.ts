import type { CommentResponse, Page } from '@waypoint/contracts';
import { createInitiative, createMilestone, createStep } from '../factories/domain';
import type { Session } from '../support/auth';
import { auditRows, detailOf, fieldErrors as fieldsOf, nothing, send } from '../support/http';
import { person } from '../factories/initiatives';
import { useTestApp } from '../support/use-test-app';

describe('initiatives: comments on the initiative, its milestones and its steps', () => {
  const t = useTestApp();
  let owner: Session;
  let sponsor: Session;
  let teamMember: Session;
  let outsider: Session;
  let otherManager: Session;
  let initiativeId: string;
  let milestoneId: string;
  let stepId: string;
  let foreignMilestone: string;
  let foreignStep: string;
  let foreignInitiative: string;

  beforeAll(async () => {
    owner = await person(t, 'manager', 'Mona Manager');
    sponsor = await person(t, 'executive', 'Eve Executive');
    teamMember = await person(t, 'member', 'Max Member');
    outsider = await person(t, 'member', 'Olga Outsider');
    otherManager = await person(t, 'manager', 'Otto Manager');
    initiativeId = await createInitiative(t.sql, {
      ownerId: owner.user.id,
      sponsorId: sponsor.user.id,
      teamIds: [teamMember.user.id],
    });
    milestoneId = await createMilestone(t.sql, initiativeId);
    stepId = await createStep(t.sql, milestoneId, initiativeId);
    foreignInitiative = await createInitiative(t.sql, {
      ownerId: otherManager.user.id,
      teamIds: [outsider.user.id],
    });
    foreignMilestone = await createMilestone(t.sql, foreignInitiative);
    foreignStep = await createStep(t.sql, foreignMilestone, foreignInitiative);
  });

  const path = (id = initiativeId): string => `/api/initiatives/${id}/comments`;
  const comment = (session: Session, body: unknown, headers: Record<string, string> = {}) =>
    send<CommentResponse>(t, session, 'POST', path(), body, headers);
  const list = (session: Session, query = '') =>
    send<Page<CommentResponse>>(t, session, 'GET', `${path()}${query}`);

  it('stores plain text on each kind of target, oldest first, with the author; audited', async () => {
    const html = '<script>alert("x")</script> & <b>bold</b>';
    const first = await comment(teamMember, {
      targetType: 'initiative',
      targetId: initiativeId,
      body: html,
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      initiativeId,
      targetType: 'initiative',
      targetId: initiativeId,
      author: { id: teamMember.user.id, displayName: 'Max Member' },
      body: html,
      createdAt: expect.any(String),
    });
    expect(
      (await comment(sponsor, { targetType: 'milestone', targetId: milestoneId, body: 'Go?' }))
        .status,
    ).toBe(201);
    expect(
      (await comment(owner, { targetType: 'step', targetId: stepId, body: 'Done soon.' })).status,
    ).toBe(201);
    expect(
      (await comment(otherManager, { targetType: 'step', targetId: stepId, body: 'Seen.' })).status,
    ).toBe(201);
    const all = await list(teamMember);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(4);
    expect(all.body.items.map((c) => c.body)).toEqual([html, 'Go?', 'Done soon.', 'Seen.']);
    expect(all.body.items.map((c) => c.author.displayName)).toEqual([
      'Max Member',
      'Eve Executive',
      'Mona Manager',
      'Otto Manager',
    ]);
    const stored = await t.sql.query<{ body: string }>(`SELECT body FROM comments WHERE id = $1`, [
      first.body.id,
    ]);
    expect(stored.rows[0]?.body).toBe(html);
    const audit = (await auditRows(t, initiativeId)).filter((a) => a.entity_type === 'comment');
    expect(audit).toHaveLength(4);
    expect(audit[0]).toMatchObject({
      action: 'create',
      after: { targetType: 'initiative', targetId: initiativeId, body: html },
    });
  });

  it('filters by target and pages', async () => {
    const steps = await list(owner, `?targetType=step&targetId=${stepId}`);
    expect(steps.body.items.map((c) => c.body)).toEqual(['Done soon.', 'Seen.']);
    expect((await list(owner, '?targetType=milestone')).body.total).toBe(1);
    expect((await list(owner, `?targetId=${milestoneId}`)).body.items[0]?.body).toBe('Go?');
    const page = await list(owner, '?limit=2&offset=2');
    expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 2 });
    expect(page.body.items.map((c) => c.body)).toEqual(['Done soon.', 'Seen.']);
  });

  it('refuses a target that is not this initiative nor one of its milestones or steps (422)', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['initiative', foreignInitiative, /a comment on the initiative must name it/],
      ['milestone', foreignMilestone, new RegExp(`no milestone ${foreignMilestone} in this`)],
      ['step', foreignStep, /no step .* in this initiative/],
      ['milestone', stepId, /no milestone/],
      ['step', nothing(), /no step/],
    ];
    for (const [targetType, targetId, detail] of cases) {
      const res = await comment(owner, { targetType, targetId, body: 'Misplaced' });
      expect(res.status).toBe(422);
      expect(detailOf(res)).toMatch(detail);
    }
    const count = await t.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM comments WHERE body = 'Misplaced'`,
    );
    expect(count.rows[0]?.n).toBe(0);
  });

  it('is visible and writable for the people on it; others 403; unknown initiative 404', async () => {
    const body = { targetType: 'initiative', targetId: initiativeId, body: 'Hello' };
    expect((await list(outsider)).status).toBe(403);
    expect((await comment(outsider, body)).status).toBe(403);
    expect((await send(t, teamMember, 'GET', path(nothing()))).status).toBe(404);
    expect((await send(t, teamMember, 'POST', path(nothing()), body)).status).toBe(404);
    // A team member of another initiative writes there, not here.
    expect(
      (
        await send(t, outsider, 'POST', path(foreignInitiative), {
          ...body,
          targetId: foreignInitiative,
        })
      ).status,
    ).toBe(201);
    expect((await send(t, null, 'GET', path())).status).toBe(401);
  });

  it('replays an Idempotency-Key with the first comment', async () => {
    const key = { 'Idempotency-Key': `comment-${nothing()}` };
    const body = { targetType: 'milestone', targetId: milestoneId, body: 'Only once' };
    const first = await comment(owner, body, key);
    const again = await comment(owner, body, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const count = await t.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM comments WHERE body = 'Only once'`,
    );
    expect(count.rows[0]?.n).toBe(1);
  });

  it('validates the body, the query and the id', async () => {
    const res = await comment(owner, {
      targetType: 'measure',
      targetId: 'x',
      body: 'b'.repeat(4001),
      pinned: true,
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['body', 'pinned', 'targetId', 'targetType']);
    expect(
      fieldsOf(
        await comment(owner, { targetType: 'initiative', targetId: initiativeId, body: ' ' }),
      ),
    ).toEqual(['body']);
    expect(
      fieldsOf(await comment(owner, { targetType: 'initiative', targetId: initiativeId })),
    ).toEqual(['body']);
    expect(fieldsOf(await list(owner, '?targetType=x&targetId=y&limit=a&sort=new'))).toEqual([
      'limit',
      'sort',
      'targetId',
      'targetType',
    ]);
    expect((await send(t, owner, 'GET', '/api/initiatives/nope/comments')).status).toBe(400);
  });
});
