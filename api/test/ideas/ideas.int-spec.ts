import type {
  IdeaDetailResponse,
  IdeaResponse,
  InitiativeResponse,
  NotificationPage,
  Page,
} from '@waypoint/contracts';
import { postCustomerGroup } from '../factories/catalog';
import { postIdea, postMoments } from '../factories/moments';
import { auditCount, etag, fieldErrors, idempotencyKey, NO_SUCH_ID } from '../support/http';
import { useTestApp } from '../support/use-test-app';

describe('the opportunity backlog: ideas from everyone, triaged by managers', () => {
  const t = useTestApp({
    people: {
      admin: 'admin',
      manager: { role: 'manager', displayName: 'Morgan Manager' },
      executive: 'executive',
      mika: { role: 'member', displayName: 'Mika Member' },
      lee: { role: 'member', displayName: 'Lee Chen' },
      sam: { role: 'member', displayName: 'Sam Rivera' },
    },
  });
  const cast = t.people;

  async function moment(name = 'Get help'): Promise<{ id: string; customerGroupId: string }> {
    const group = await postCustomerGroup(t, cast.admin);
    const [created] = await postMoments(t, cast.manager, group.id, [name]);
    if (!created) throw new Error('moment');
    return created;
  }

  it('a member submits an idea; the stored priority follows the stated formula', async () => {
    const at = await moment();
    const idea = await postIdea(t, cast.mika, at);
    expect(idea).toMatchObject({
      status: 'open',
      submittedBy: { id: cast.mika.user.id, displayName: 'Mika Member' },
      moment: { id: at.id, name: 'Get help' },
      customerGroup: { id: at.customerGroupId },
      meTooCount: 0,
      meTooMine: false,
      // (8 + 6) / 2
      priority: 7,
      meToos: [],
    });
    expect(await auditCount(t, idea.id, 'create')).toBe(1);
  });

  it('"me too" with evidence, once per person, never to your own idea; priority rises', async () => {
    const idea = await postIdea(t, cast.mika, await moment());
    const path = `/api/ideas/${idea.id}/me-too`;
    const first = await t.send<IdeaDetailResponse>(
      cast.lee,
      'POST',
      path,
      { evidence: 'Same at the branch desk.' },
      idempotencyKey(),
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ meTooCount: 1, meTooMine: true, priority: 7.5 });
    expect(first.body.meToos).toEqual([
      expect.objectContaining({
        by: { id: cast.lee.user.id, displayName: 'Lee Chen' },
        evidence: 'Same at the branch desk.',
      }),
    ]);
    const again = await t.send(cast.lee, 'POST', path, { evidence: 'Again.' }, idempotencyKey());
    expect(again.status).toBe(409);
    const own = await t.send(cast.mika, 'POST', path, {}, idempotencyKey());
    expect(own.status).toBe(422);
    const seen = await t.send<IdeaDetailResponse>(cast.mika, 'GET', `/api/ideas/${idea.id}`);
    expect(seen.body).toMatchObject({ meTooCount: 1, meTooMine: false });
    const rows = await t.sql.query(`SELECT 1 FROM idea_me_toos WHERE idea_id = $1`, [idea.id]);
    expect(rows.rowCount).toBe(1);
  });

  it('the same Idempotency-Key answers a retried submission once', async () => {
    const at = await moment();
    const key = idempotencyKey();
    const body = {
      title: 'Text when the parcel leaves',
      customerGroupId: at.customerGroupId,
      momentId: at.id,
      pain: 'Nobody knows when it comes.',
      customerImpact: 5,
      businessValue: 3,
      effort: 1,
    };
    const one = await t.send<IdeaResponse>(cast.sam, 'POST', '/api/ideas', body, key);
    const two = await t.send<IdeaResponse>(cast.sam, 'POST', '/api/ideas', body, key);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(two.body.id).toBe(one.body.id);
  });

  it('the list sorts by priority, highest first, and filters', async () => {
    const at = await moment();
    const low = await postIdea(t, cast.sam, at, { title: 'Low', effort: 5 });
    const high = await postIdea(t, cast.sam, at, { title: 'High', effort: 1 });
    const list = await t.send<Page<IdeaResponse>>(
      cast.lee,
      'GET',
      `/api/ideas?momentId=${at.id}&status=open`,
    );
    expect(list.body.items.map((i) => i.title)).toEqual(['High', 'Low']);
    expect(list.body.items.map((i) => i.id)).toEqual([high.id, low.id]);
    const mine = await t.send<Page<IdeaResponse>>(cast.sam, 'GET', '/api/ideas?submittedBy=me');
    expect(mine.body.items.every((i) => i.submittedBy.id === cast.sam.user.id)).toBe(true);
  });

  it('a manager declines with a reason the submitter is told and sees on the idea', async () => {
    const idea = await postIdea(t, cast.mika, await moment(), { title: 'Free coffee' });
    const declined = await t.send<IdeaDetailResponse>(
      cast.manager,
      'POST',
      `/api/ideas/${idea.id}/decline`,
      { reason: 'Already covered by the call-back initiative.' },
      etag(idea.version),
    );
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'declined',
      declineReason: 'Already covered by the call-back initiative.',
      triagedBy: { id: cast.manager.user.id },
    });
    const seen = await t.send<IdeaDetailResponse>(cast.mika, 'GET', `/api/ideas/${idea.id}`);
    expect(seen.body.declineReason).toBe('Already covered by the call-back initiative.');
    const inbox = await t.send<NotificationPage>(
      cast.mika,
      'GET',
      '/api/notifications?kind=idea_triaged',
    );
    expect(inbox.body.items[0]).toMatchObject({
      title: 'Idea declined: Free coffee',
      link: `/ideas/${idea.id}`,
    });
    expect(inbox.body.items[0]?.body).toContain(
      'Reason: Already covered by the call-back initiative.',
    );
    const meToo = await t.send(cast.lee, 'POST', `/api/ideas/${idea.id}/me-too`, {});
    expect(meToo.status).toBe(422);
    expect(meToo.body['code']).toBe('idea_closed');
    expect(await auditCount(t, idea.id, 'decline')).toBe(1);
  });

  it('merging a duplicate moves its "me too"s, and its submitter, to the idea kept', async () => {
    const at = await moment();
    const kept = await postIdea(t, cast.mika, at, { title: 'Call backs' });
    const duplicate = await postIdea(t, cast.sam, at, { title: 'Ring me back' });
    await t.send(cast.lee, 'POST', `/api/ideas/${duplicate.id}/me-too`, { evidence: 'Yes' });
    // Mika, the kept idea's submitter, is not her own "me too" when her vote moves over.
    await t.send(cast.mika, 'POST', `/api/ideas/${duplicate.id}/me-too`, { evidence: 'Mine too' });
    const current = await t.send<IdeaDetailResponse>(
      cast.manager,
      'GET',
      `/api/ideas/${duplicate.id}`,
    );
    const merged = await t.send<IdeaDetailResponse>(
      cast.manager,
      'POST',
      `/api/ideas/${duplicate.id}/merge`,
      { intoIdeaId: kept.id },
      etag(current.body.version),
    );
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      status: 'merged',
      mergedInto: { id: kept.id, title: 'Call backs' },
      meTooCount: 0,
    });
    const after = await t.send<IdeaDetailResponse>(cast.lee, 'GET', `/api/ideas/${kept.id}`);
    expect(after.body.meToos.map((m) => m.by.displayName).sort()).toEqual([
      'Lee Chen',
      'Sam Rivera',
    ]);
    expect(after.body).toMatchObject({ meTooCount: 2, meTooMine: true, priority: 8 });
    const inbox = await t.send<NotificationPage>(cast.sam, 'GET', '/api/notifications');
    expect(inbox.body.items.map((n) => n.title)).toContain('Idea merged: Ring me back');
    const intoItself = await t.send(
      cast.manager,
      'POST',
      `/api/ideas/${kept.id}/merge`,
      { intoIdeaId: kept.id },
      etag(after.body.version),
    );
    expect(intoItself.status).toBe(422);
    expect(fieldErrors(intoItself)).toEqual(['intoIdeaId']);
  });

  it("promotion creates the initiative with the idea's data, links both ways and to the moment", async () => {
    const at = await moment('Renew');
    const idea = await postIdea(t, cast.mika, at, {
      title: 'Remind families before renewal',
      pain: 'Renewals lapse unnoticed.',
      evidence: '40 lapsed renewals a month.',
      customerImpact: 9,
      businessValue: 7,
    });
    const promoted = await t.send<InitiativeResponse>(
      cast.manager,
      'POST',
      `/api/ideas/${idea.id}/promote`,
      { approach: 'consumer_insight' },
      idempotencyKey(),
    );
    expect(promoted.status).toBe(201);
    expect(promoted.body).toMatchObject({
      title: 'Remind families before renewal',
      problem: 'Renewals lapse unnoticed.\n\nEvidence: 40 lapsed renewals a month.',
      estimatedCustomerValue: 9,
      estimatedBusinessValue: 7,
      status: 'draft',
      owner: { id: cast.manager.user.id },
    });
    expect(promoted.body.customerGroups.map((g) => g.id)).toEqual([at.customerGroupId]);
    const initiativeId = promoted.body.id;
    const seen = await t.send<IdeaDetailResponse>(cast.mika, 'GET', `/api/ideas/${idea.id}`);
    expect(seen.body).toMatchObject({
      status: 'promoted',
      initiative: { id: initiativeId, title: 'Remind families before renewal' },
    });
    const origin = await t.send<Page<IdeaResponse>>(
      cast.manager,
      'GET',
      `/api/ideas?initiativeId=${initiativeId}`,
    );
    expect(origin.body.items.map((i) => i.id)).toEqual([idea.id]);
    const moments = await t.send<Array<{ id: string }>>(
      cast.manager,
      'GET',
      `/api/initiatives/${initiativeId}/moments`,
    );
    expect(moments.body.map((m) => m.id)).toEqual([at.id]);
    const inbox = await t.send<NotificationPage>(cast.mika, 'GET', '/api/notifications');
    expect(inbox.body.items.map((n) => n.title)).toContain(
      'Idea promoted: Remind families before renewal',
    );
    const twice = await t.send(
      cast.manager,
      'POST',
      `/api/ideas/${idea.id}/promote`,
      { approach: 'consumer_insight' },
      idempotencyKey(),
    );
    expect(twice.status).toBe(422);
    expect(twice.body['code']).toBe('idea_closed');
    expect(await auditCount(t, idea.id, 'promote')).toBe(1);
  });

  it('what the wizard changed wins over the idea, and a refused plan promotes nothing', async () => {
    const at = await moment();
    const idea = await postIdea(t, cast.lee, at);
    const refused = await t.send(
      cast.manager,
      'POST',
      `/api/ideas/${idea.id}/promote`,
      // A member cannot sponsor: refused inside the unit of work, after nothing was kept.
      { approach: 'engineering', sponsorId: cast.mika.user.id },
      idempotencyKey(),
    );
    expect(refused.status).toBe(422);
    const none = await t.sql.query(`SELECT 1 FROM initiatives WHERE title = $1`, [idea.title]);
    expect(none.rowCount).toBe(0);
    const still = await t.send<IdeaDetailResponse>(cast.lee, 'GET', `/api/ideas/${idea.id}`);
    expect(still.body.status).toBe('open');
    const promoted = await t.send<InitiativeResponse>(
      cast.manager,
      'POST',
      `/api/ideas/${idea.id}/promote`,
      { title: 'Call-backs at peak', approach: 'engineering', estimatedBusinessValue: 3 },
      idempotencyKey(),
    );
    expect(promoted.status).toBe(201);
    expect(promoted.body).toMatchObject({
      title: 'Call-backs at peak',
      estimatedCustomerValue: 8,
      estimatedBusinessValue: 3,
    });
  });

  it('members and executives may not triage', async () => {
    const idea = await postIdea(t, cast.mika, await moment());
    for (const session of [cast.lee, cast.executive]) {
      const decline = await t.send(
        session,
        'POST',
        `/api/ideas/${idea.id}/decline`,
        { reason: 'No.' },
        etag(idea.version),
      );
      expect(decline.status).toBe(403);
      const promote = await t.send(session, 'POST', `/api/ideas/${idea.id}/promote`, {
        approach: 'engineering',
      });
      expect(promote.status).toBe(403);
    }
  });

  describe('bad input', () => {
    it.each<[string, Record<string, unknown>, string[]]>([
      [
        'no fields',
        {},
        [
          'businessValue',
          'customerGroupId',
          'customerImpact',
          'effort',
          'momentId',
          'pain',
          'title',
        ],
      ],
      [
        'estimates out of range',
        { customerImpact: 11, businessValue: -1, effort: 0 },
        ['businessValue', 'customerImpact', 'effort'],
      ],
      ['a fractional effort', { effort: 2.5 }, ['effort']],
      ['an over-long title', { title: 'x'.repeat(161) }, ['title']],
      ['an unknown field', { colour: 'red' }, ['colour']],
    ])('POST /api/ideas refuses %s with 400', async (_label, change, fields) => {
      const at = await moment();
      const base =
        Object.keys(change).length === 0
          ? {}
          : {
              title: 'Idea',
              customerGroupId: at.customerGroupId,
              momentId: at.id,
              pain: 'Pain.',
              customerImpact: 5,
              businessValue: 5,
              effort: 3,
            };
      const res = await t.send(cast.mika, 'POST', '/api/ideas', { ...base, ...change });
      expect(res.status).toBe(400);
      expect(fieldErrors(res)).toEqual(fields);
    });

    it('POST /api/ideas refuses a moment of another group (422 reference_invalid)', async () => {
      const at = await moment();
      const other = await postCustomerGroup(t, cast.admin);
      const res = await t.send(cast.mika, 'POST', '/api/ideas', {
        title: 'Idea',
        customerGroupId: other.id,
        momentId: at.id,
        pain: 'Pain.',
        customerImpact: 5,
        businessValue: 5,
        effort: 3,
      });
      expect(res.status).toBe(422);
      expect(res.body['code']).toBe('reference_invalid');
      expect(fieldErrors(res)).toEqual(['momentId']);
    });

    it('the triage endpoints refuse bad ids, bodies and versions', async () => {
      const idea = await postIdea(t, cast.mika, await moment());
      const cases: Array<[string, string, unknown, Record<string, string>, number]> = [
        ['GET', '/api/ideas?status=maybe', undefined, {}, 400],
        ['GET', '/api/ideas?submittedBy=you', undefined, {}, 400],
        ['GET', '/api/ideas/nope', undefined, {}, 400],
        ['GET', `/api/ideas/${NO_SUCH_ID}`, undefined, {}, 404],
        ['POST', `/api/ideas/${idea.id}/me-too`, { evidence: 7 }, {}, 400],
        ['POST', `/api/ideas/${NO_SUCH_ID}/me-too`, {}, {}, 404],
        ['POST', `/api/ideas/${idea.id}/decline`, { reason: '' }, etag(idea.version), 400],
        ['POST', `/api/ideas/${idea.id}/decline`, { reason: 'No.' }, {}, 428],
        ['POST', `/api/ideas/${idea.id}/decline`, { reason: 'No.' }, etag(99), 412],
        ['POST', `/api/ideas/${idea.id}/merge`, { intoIdeaId: 'x' }, etag(idea.version), 400],
        [
          'POST',
          `/api/ideas/${idea.id}/merge`,
          { intoIdeaId: NO_SUCH_ID },
          etag(idea.version),
          422,
        ],
        ['POST', `/api/ideas/${idea.id}/promote`, { approach: 'magic' }, {}, 400],
        ['POST', `/api/ideas/${idea.id}/promote`, { title: '' }, {}, 400],
        ['POST', `/api/ideas/${NO_SUCH_ID}/promote`, { approach: 'engineering' }, {}, 404],
      ];
      for (const [method, path, body, headers, status] of cases) {
        const res = await t.send(cast.manager, method, path, body, headers);
        expect([method, path, res.status]).toEqual([method, path, status]);
      }
    });
  });
});
