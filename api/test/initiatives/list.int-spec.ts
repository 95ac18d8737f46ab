import type { InitiativeListItem, Page } from '@waypoint/contracts';
import { createCustomerGroup, createInitiative, createMilestone } from '../factories/domain';
import { createDepartment } from '../factories/users';
import type { Session } from '../support/auth';
import { fieldErrors as fieldsOf, send } from '../support/http';
import { person } from '../factories/initiatives';
import { useTestApp } from '../support/use-test-app';

describe('initiatives: the list (filters, sort, paging, what members see)', () => {
  const t = useTestApp();
  let manager: Session;
  let otherManager: Session;
  let executive: Session;
  let otherExecutive: Session;
  let member: Session;
  let outsider: Session;
  let groupId: string;
  const ids: Record<string, string> = {};

  const list = async (session: Session, query = ''): Promise<Page<InitiativeListItem>> => {
    const res = await send<Page<InitiativeListItem>>(t, session, 'GET', `/api/initiatives${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const titles = async (session: Session, query = ''): Promise<string[]> =>
    (await list(session, query)).items.map((item) => item.title);

  beforeAll(async () => {
    const ops = await createDepartment(t.sql, 'Operations');
    const it = await createDepartment(t.sql, 'IT');
    manager = await person(t, 'manager', 'Mona Manager');
    otherManager = await person(t, 'manager', 'Otto Manager');
    executive = await person(t, 'executive', 'Eve Executive');
    otherExecutive = await person(t, 'executive', 'Ezra Executive');
    member = await person(t, 'member', 'Max Member', ops);
    const colleague = await person(t, 'member', 'Cleo Colleague', it);
    const sameDept = await person(t, 'member', 'Sid Same', ops);
    outsider = await person(t, 'member', 'Olga Outsider');
    groupId = await createCustomerGroup(t.sql, { name: 'Small businesses' });
    // Created oldest first; updated_at spaced so that the default order is known.
    const seeds = [
      { key: 'alpha', title: 'Alpha: faster refunds', status: 'active', approach: 'engineering' },
      {
        key: 'bravo',
        title: 'Bravo: 50% fewer hand-offs',
        status: 'draft',
        approach: 'best_customer',
      },
      {
        key: 'charlie',
        title: 'charlie: clearer bills',
        status: 'proposed',
        approach: 'engineering',
      },
      {
        key: 'delta',
        title: 'Delta: loyalty_plus',
        status: 'on_hold',
        approach: 'competing_values',
      },
    ];
    for (const [index, seed] of seeds.entries()) {
      ids[seed.key] = await createInitiative(t.sql, {
        ownerId: seed.key === 'delta' ? otherManager.user.id : manager.user.id,
        sponsorId: seed.key === 'charlie' ? otherExecutive.user.id : executive.user.id,
        teamIds:
          seed.key === 'alpha'
            ? [member.user.id, colleague.user.id, sameDept.user.id]
            : seed.key === 'delta'
              ? [member.user.id]
              : [],
        customerGroupIds: seed.key === 'bravo' ? [groupId] : [],
        title: seed.title,
        status: seed.status,
        approach: seed.approach,
      });
      await t.sql.query(
        `UPDATE initiatives SET updated_at = now() - make_interval(hours => $2) WHERE id = $1`,
        [ids[seed.key], 10 - index],
      );
    }
    await createMilestone(t.sql, ids['alpha'] ?? '', {
      position: 1,
      title: 'Define',
      state: 'approved',
    });
    await createMilestone(t.sql, ids['alpha'] ?? '', {
      position: 2,
      title: 'Measure',
      state: 'in_progress',
    });
    await createMilestone(t.sql, ids['alpha'] ?? '', { position: 3, title: 'Analyse' });
    await createMilestone(t.sql, ids['delta'] ?? '', {
      position: 1,
      title: 'Only',
      state: 'approved',
    });
  });

  it('shows every initiative to overseers, newest change first, with what a row needs', async () => {
    const page = await list(manager);
    expect(page.total).toBe(4);
    expect(page.items.map((i) => i.title)).toEqual([
      'Delta: loyalty_plus',
      'charlie: clearer bills',
      'Bravo: 50% fewer hand-offs',
      'Alpha: faster refunds',
    ]);
    const alpha = page.items.find((i) => i.id === ids['alpha']);
    expect(alpha).toEqual({
      id: ids['alpha'],
      title: 'Alpha: faster refunds',
      status: 'active',
      approach: 'engineering',
      owner: { id: manager.user.id, displayName: 'Mona Manager' },
      sponsor: { id: executive.user.id, displayName: 'Eve Executive' },
      needsSponsor: false,
      teamSize: 3,
      departmentCount: 2,
      currentMilestone: { id: expect.any(String), title: 'Measure', state: 'in_progress' },
      estimatedCustomerValue: 7,
      estimatedBusinessValue: 5,
      version: 1,
      updatedAt: expect.any(String),
    });
    const delta = page.items.find((i) => i.id === ids['delta']);
    expect(delta).toMatchObject({ teamSize: 1, departmentCount: 1, currentMilestone: null });
    const bravo = page.items.find((i) => i.id === ids['bravo']);
    expect(bravo).toMatchObject({ teamSize: 0, departmentCount: 0, currentMilestone: null });
    expect((await titles(executive)).length).toBe(4);
    expect((await titles(await person(t, 'admin', 'Ada'))).length).toBe(4);
  });

  it('shows members only the initiatives they are owner, sponsor or team member of', async () => {
    expect(await titles(member)).toEqual(['Delta: loyalty_plus', 'Alpha: faster refunds']);
    expect((await list(member)).total).toBe(2);
    expect(await list(outsider)).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    // Filters narrow further but never widen what a member sees.
    expect(await titles(member, `?ownerId=${manager.user.id}`)).toEqual(['Alpha: faster refunds']);
    expect(await titles(outsider, `?ownerId=${manager.user.id}`)).toEqual([]);
  });

  it('filters by status, approach, owner, sponsor, customer group and title text', async () => {
    expect(await titles(manager, '?status=proposed')).toEqual(['charlie: clearer bills']);
    expect(await titles(manager, '?approach=engineering&sort=title')).toEqual([
      'Alpha: faster refunds',
      'charlie: clearer bills',
    ]);
    expect(await titles(manager, `?ownerId=${otherManager.user.id}`)).toEqual([
      'Delta: loyalty_plus',
    ]);
    expect(await titles(manager, `?sponsorId=${otherExecutive.user.id}`)).toEqual([
      'charlie: clearer bills',
    ]);
    expect(await titles(manager, `?customerGroupId=${groupId}`)).toEqual([
      'Bravo: 50% fewer hand-offs',
    ]);
    expect(await titles(manager, '?q=CLEAR')).toEqual(['charlie: clearer bills']);
    // LIKE wildcards in the text are taken literally.
    expect(await titles(manager, `?q=${encodeURIComponent('50%')}`)).toEqual([
      'Bravo: 50% fewer hand-offs',
    ]);
    expect(await titles(manager, '?q=_')).toEqual(['Delta: loyalty_plus']);
    expect(await titles(manager, '?q=%25')).toEqual(['Bravo: 50% fewer hand-offs']);
    expect(await titles(manager, '?status=active&approach=best_customer')).toEqual([]);
  });

  it('sorts by title (ignoring case), status (lifecycle order) and updatedAt, both ways', async () => {
    expect(await titles(manager, '?sort=title')).toEqual([
      'Alpha: faster refunds',
      'Bravo: 50% fewer hand-offs',
      'charlie: clearer bills',
      'Delta: loyalty_plus',
    ]);
    expect(await titles(manager, '?sort=title&order=desc')).toEqual([
      'Delta: loyalty_plus',
      'charlie: clearer bills',
      'Bravo: 50% fewer hand-offs',
      'Alpha: faster refunds',
    ]);
    expect((await list(manager, '?sort=status')).items.map((i) => i.status)).toEqual([
      'draft',
      'proposed',
      'active',
      'on_hold',
    ]);
    expect((await list(manager, '?sort=status&order=desc')).items.map((i) => i.status)).toEqual([
      'on_hold',
      'active',
      'proposed',
      'draft',
    ]);
    expect(await titles(manager, '?sort=updatedAt&order=asc')).toEqual([
      'Alpha: faster refunds',
      'Bravo: 50% fewer hand-offs',
      'charlie: clearer bills',
      'Delta: loyalty_plus',
    ]);
  });

  it('pages with limit and offset and reports the total', async () => {
    const first = await list(manager, '?sort=title&limit=3');
    expect(first).toMatchObject({ total: 4, limit: 3, offset: 0 });
    expect(first.items).toHaveLength(3);
    const second = await list(manager, '?sort=title&limit=3&offset=3');
    expect(second.items.map((i) => i.title)).toEqual(['Delta: loyalty_plus']);
    expect((await list(manager, '?offset=10')).items).toEqual([]);
  });

  it('refuses bad query parameters with per-field errors', async () => {
    const res = await send(
      t,
      manager,
      'GET',
      `/api/initiatives?status=done&approach=x&ownerId=1&sponsorId=x&customerGroupId=x&sort=owner&order=up&limit=500&offset=-1&q=${'q'.repeat(201)}&color=red`,
    );
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual([
      'approach',
      'color',
      'customerGroupId',
      'limit',
      'offset',
      'order',
      'ownerId',
      'q',
      'sort',
      'sponsorId',
      'status',
    ]);
    expect((await send(t, null, 'GET', '/api/initiatives')).status).toBe(401);
  });
});
