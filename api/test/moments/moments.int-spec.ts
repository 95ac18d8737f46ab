import type {
  InitiativeMomentRef,
  MomentHeatMapResponse,
  MomentResponse,
  Page,
} from '@waypoint/contracts';
import { postCustomerGroup } from '../factories/catalog';
import { postMoments } from '../factories/moments';
import { auditCount, etag, fieldErrors, NO_SUCH_ID } from '../support/http';
import { useTestApp } from '../support/use-test-app';

describe('customer moments: the journey of each customer group', () => {
  const t = useTestApp({
    people: {
      admin: 'admin',
      manager: 'manager',
      owner: { role: 'manager', displayName: 'Olivia Owner' },
      executive: 'executive',
      member: { role: 'member', displayName: 'Mika Member' },
    },
  });
  const cast = t.people;

  async function group(): Promise<string> {
    return (await postCustomerGroup(t, cast.admin)).id;
  }

  it('a manager adds, renames, reorders and removes moments; each change is audited', async () => {
    const groupId = await group();
    const [choose, buy, help] = await postMoments(t, cast.manager, groupId, [
      'Choose',
      'Buy',
      'Get help',
    ]);
    if (!choose || !buy || !help) throw new Error('three moments');
    expect([choose.position, buy.position, help.position]).toEqual([1, 2, 3]);
    expect(choose).toMatchObject({ rating: null, ratedBy: null, measures: [], openIdeas: 0 });

    const renamed = await t.send<MomentResponse>(
      cast.manager,
      'PATCH',
      `/api/moments/${buy.id}`,
      { name: 'Buy online' },
      etag(buy.version),
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Buy online');

    const order = await t.send<MomentResponse[]>(cast.manager, 'PUT', '/api/moments/order', {
      customerGroupId: groupId,
      momentIds: [help.id, choose.id, buy.id],
    });
    expect(order.status).toBe(200);
    expect(order.body.map((m) => [m.name, m.position])).toEqual([
      ['Get help', 1],
      ['Choose', 2],
      ['Buy online', 3],
    ]);

    const current = await t.send<MomentResponse>(cast.manager, 'GET', `/api/moments/${choose.id}`);
    const removed = await t.send(
      cast.manager,
      'DELETE',
      `/api/moments/${choose.id}`,
      undefined,
      etag(current.body.version),
    );
    expect(removed.status).toBe(204);
    const list = await t.send<Page<MomentResponse>>(
      cast.member,
      'GET',
      `/api/moments?customerGroupId=${groupId}`,
    );
    expect(list.body.items.map((m) => [m.name, m.position])).toEqual([
      ['Get help', 1],
      ['Buy online', 2],
    ]);
    expect(await auditCount(t, choose.id, 'create')).toBe(1);
    expect(await auditCount(t, choose.id, 'delete')).toBe(1);
    expect(await auditCount(t, buy.id, 'update')).toBe(1);
    expect(await auditCount(t, groupId, 'reorder')).toBe(1);
  });

  it('a rating records who rated and when; measures that track the moment are listed', async () => {
    const groupId = await group();
    const [help] = await postMoments(t, cast.manager, groupId, ['Get help']);
    if (!help) throw new Error('one moment');
    const initiativeId = await t.make.initiative({ ownerId: cast.owner.user.id });
    const measureId = await t.make.measure(initiativeId, { name: 'Wait at peak' });
    const rated = await t.send<MomentResponse>(
      cast.manager,
      'PATCH',
      `/api/moments/${help.id}`,
      { rating: 2, ratingNote: 'Survey of 400 callers.', measureIds: [measureId] },
      etag(help.version),
    );
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({
      rating: 2,
      ratingNote: 'Survey of 400 callers.',
      ratedBy: { id: cast.manager.user.id },
      measures: [{ id: measureId, name: 'Wait at peak', initiativeId }],
    });
    expect(Date.now() - Date.parse(rated.body.ratedAt ?? '')).toBeLessThan(60_000);
    expect(await auditCount(t, help.id, 'rate')).toBe(1);
  });

  it('the heat map lines up the journeys and counts what is in flight at each moment', async () => {
    const families = await group();
    const business = await group();
    const [familiesHelp] = await postMoments(t, cast.manager, families, [
      'Choose',
      'Get help',
    ]).then((m) => m.slice(1));
    await postMoments(t, cast.manager, business, ['Choose', 'Get started', 'Get help']);
    if (!familiesHelp) throw new Error('moments');
    await t.send(
      cast.manager,
      'PATCH',
      `/api/moments/${familiesHelp.id}`,
      { rating: 1 },
      etag(familiesHelp.version),
    );
    const active = await t.make.initiative({ ownerId: cast.owner.user.id, status: 'active' });
    const stopped = await t.make.initiative({ ownerId: cast.owner.user.id, status: 'stopped' });
    for (const id of [active, stopped]) {
      const linked = await t.send<InitiativeMomentRef[]>(
        cast.owner,
        'PUT',
        `/api/initiatives/${id}/moments`,
        { momentIds: [familiesHelp.id] },
      );
      expect(linked.status).toBe(200);
    }
    const map = await t.send<MomentHeatMapResponse>(cast.member, 'GET', '/api/moments/heat-map');
    expect(map.status).toBe(200);
    const columns = map.body.columns;
    expect(columns).toEqual(expect.arrayContaining(['Choose', 'Get started', 'Get help']));
    const row = map.body.rows.find((r) => r.customerGroupId === families);
    const cell = row?.cells[columns.indexOf('Get help')];
    expect(cell).toMatchObject({
      id: familiesHelp.id,
      rating: 1,
      activeInitiatives: [{ id: active, status: 'active' }],
    });
    expect(row?.cells[columns.indexOf('Get started')]).toBeNull();
    const links = await t.send<InitiativeMomentRef[]>(
      cast.executive,
      'GET',
      `/api/initiatives/${active}/moments`,
    );
    expect(links.body).toEqual([
      expect.objectContaining({ id: familiesHelp.id, name: 'Get help', customerGroupId: families }),
    ]);
  });

  it('only managers and admins change journeys; an owner links their own initiative', async () => {
    const groupId = await group();
    const [choose] = await postMoments(t, cast.admin, groupId, ['Choose']);
    if (!choose) throw new Error('moment');
    const byMember = await t.send(cast.member, 'POST', '/api/moments', {
      customerGroupId: groupId,
      name: 'Renew',
    });
    expect(byMember.status).toBe(403);
    const byExecutive = await t.send(
      cast.executive,
      'PATCH',
      `/api/moments/${choose.id}`,
      { rating: 5 },
      etag(choose.version),
    );
    expect(byExecutive.status).toBe(403);
    const initiativeId = await t.make.initiative({ ownerId: cast.owner.user.id });
    const notOwner = await t.send(cast.manager, 'PUT', `/api/initiatives/${initiativeId}/moments`, {
      momentIds: [choose.id],
    });
    expect(notOwner.status).toBe(403);
  });

  it('refuses a name taken in the journey (409), a stale version (412) and a missing If-Match (428)', async () => {
    const groupId = await group();
    const [choose, buy] = await postMoments(t, cast.manager, groupId, ['Choose', 'Buy']);
    if (!choose || !buy) throw new Error('moments');
    const taken = await t.send(cast.manager, 'POST', '/api/moments', {
      customerGroupId: groupId,
      name: 'CHOOSE',
    });
    expect(taken.status).toBe(409);
    const stale = await t.send(
      cast.manager,
      'PATCH',
      `/api/moments/${buy.id}`,
      { name: 'Pay' },
      etag(buy.version + 1),
    );
    expect(stale.status).toBe(412);
    const missing = await t.send(cast.manager, 'PATCH', `/api/moments/${buy.id}`, { name: 'Pay' });
    expect(missing.status).toBe(428);
  });

  describe('bad input', () => {
    it.each<[string, string, unknown, string[]]>([
      ['POST', '/api/moments', { customerGroupId: 'x', name: '' }, ['customerGroupId', 'name']],
      ['POST', '/api/moments', { customerGroupId: NO_SUCH_ID, name: 'a'.repeat(81) }, ['name']],
      [
        'PUT',
        '/api/moments/order',
        { customerGroupId: NO_SUCH_ID, momentIds: ['x'] },
        ['momentIds'],
      ],
      ['GET', '/api/moments?customerGroupId=nope', undefined, ['customerGroupId']],
    ])('%s %s answers 400 naming the fields', async (method, path, body, fields) => {
      const res = await t.send(cast.admin, method, path, body);
      expect(res.status).toBe(400);
      expect(fieldErrors(res)).toEqual(fields);
    });

    it('refuses a rating outside 1-5, an unknown field and an empty change', async () => {
      const groupId = await group();
      const [choose] = await postMoments(t, cast.manager, groupId, ['Choose']);
      if (!choose) throw new Error('moment');
      const path = `/api/moments/${choose.id}`;
      for (const body of [{ rating: 6 }, { rating: 0 }, { rating: 2.5 }, { colour: 'red' }]) {
        const res = await t.send(cast.manager, 'PATCH', path, body, etag(choose.version));
        expect(res.status).toBe(400);
      }
      const empty = await t.send(cast.manager, 'PATCH', path, {}, etag(choose.version));
      expect(empty.status).toBe(400);
      const badId = await t.send(cast.manager, 'DELETE', '/api/moments/nope', undefined, etag(1));
      expect(badId.status).toBe(400);
      const heat = await t.send(cast.member, 'GET', '/api/moments/nope');
      expect(heat.status).toBe(400);
    });

    it('answers 422 reference_invalid for a group, measure or moment that does not exist', async () => {
      const groupId = await group();
      const [choose] = await postMoments(t, cast.manager, groupId, ['Choose']);
      if (!choose) throw new Error('moment');
      const noGroup = await t.send(cast.manager, 'POST', '/api/moments', {
        customerGroupId: NO_SUCH_ID,
        name: 'Choose',
      });
      expect(noGroup.status).toBe(422);
      expect(noGroup.body['code']).toBe('reference_invalid');
      const noMeasure = await t.send(
        cast.manager,
        'PATCH',
        `/api/moments/${choose.id}`,
        { measureIds: [NO_SUCH_ID] },
        etag(choose.version),
      );
      expect(noMeasure.status).toBe(422);
      expect(fieldErrors(noMeasure)).toEqual(['measureIds']);
      const wrongOrder = await t.send(cast.manager, 'PUT', '/api/moments/order', {
        customerGroupId: groupId,
        momentIds: [NO_SUCH_ID],
      });
      expect(wrongOrder.status).toBe(422);
      expect(fieldErrors(wrongOrder)).toEqual(['momentIds']);
      const initiativeId = await t.make.initiative({ ownerId: cast.owner.user.id });
      const noMoment = await t.send(cast.owner, 'PUT', `/api/initiatives/${initiativeId}/moments`, {
        momentIds: [NO_SUCH_ID],
      });
      expect(noMoment.status).toBe(422);
      const notAList = await t.send(cast.owner, 'PUT', `/api/initiatives/${initiativeId}/moments`, {
        momentIds: 'all',
      });
      expect(notAList.status).toBe(400);
      expect(fieldErrors(notAList)).toEqual(['momentIds']);
    });
  });
});
