import { signIn, type Session } from '../support/auth';
import { postCustomerGroup, postDepartment, uniqueName } from '../factories/catalog';
import { type Answer, send } from '../support/http';
import { useTestApp } from '../support/use-test-app';

interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

describe('departments and customer groups: reads, permissions and bad input', () => {
  const t = useTestApp();
  let admin: Session;
  let member: Session;
  let departmentId: string;
  let groupId: string;

  beforeAll(async () => {
    admin = await signIn(t, 'admin');
    member = await signIn(t, 'member');
    departmentId = (await postDepartment(t, admin)).id;
    groupId = (await postCustomerGroup(t, admin)).id;
  });

  const expectFieldErrors = (res: Answer, fields: string[]): void => {
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = res.body as unknown as Problem;
    expect(problem).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(Object.keys(problem.errors ?? {}).sort()).toEqual([...fields].sort());
  };

  it('creates a customer group with defaults and lists groups sorted by name, filtered by intent', async () => {
    const name = uniqueName('aaa lowercase first');
    const created = await send(t, admin, 'POST', '/api/customer-groups', {
      name: `  ${name}  `,
      intent: 'reduce_cost_to_serve',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name,
      description: '',
      intent: 'reduce_cost_to_serve',
      valueProposition: '',
      protected: false,
      version: 1,
    });
    const list = await send<{ items: { name: string; intent: string }[]; total: number }>(
      t,
      member,
      'GET',
      '/api/customer-groups?intent=reduce_cost_to_serve',
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((g) => g.intent)).toEqual(
      list.body.items.map(() => 'reduce_cost_to_serve'),
    );
    expect(list.body.items.map((g) => g.name)).toContain(name);
    const all = await send<{ items: { name: string }[] }>(t, member, 'GET', '/api/customer-groups');
    const names = all.body.items.map((g) => g.name.toLowerCase());
    expect([...names].sort()).toEqual(names);
  });

  it('lists departments sorted by name (ignoring case), in pages', async () => {
    await send(t, admin, 'POST', '/api/departments', { name: uniqueName('zulu') });
    await send(t, admin, 'POST', '/api/departments', { name: uniqueName('Alpha') });
    const all = await send<{ items: { name: string }[]; total: number }>(
      t,
      member,
      'GET',
      '/api/departments?limit=200',
    );
    expect(all.status).toBe(200);
    const names = all.body.items.map((d) => d.name.toLowerCase());
    expect([...names].sort()).toEqual(names);
    expect(all.body.total).toBe(names.length);
    const page = await send<{ items: { name: string }[] }>(
      t,
      member,
      'GET',
      '/api/departments?limit=2&offset=1',
    );
    expect(page.body).toMatchObject({ limit: 2, offset: 1, total: all.body.total });
    expect(page.body.items.map((d) => d.name)).toEqual(
      all.body.items.slice(1, 3).map((d) => d.name),
    );
  });

  it('refuses unknown fields, wrong types, blank and over-long strings with per-field errors', async () => {
    const cases: [string, unknown, string[]][] = [
      ['/api/departments', { name: 'Ok', colour: 'red' }, ['colour']],
      ['/api/departments', { name: 42 }, ['name']],
      ['/api/departments', { name: '   ' }, ['name']],
      ['/api/departments', { name: 'x'.repeat(121) }, ['name']],
      ['/api/departments', {}, ['name']],
      ['/api/departments', { name: null }, ['name']],
      ['/api/departments', { name: ['a'] }, ['name']],
      ['/api/customer-groups', { name: 'G', intent: 'sell' }, ['intent']],
      ['/api/customer-groups', { name: 'G' }, ['intent']],
      [
        '/api/customer-groups',
        { name: 'G', intent: 'grow', protected: 'yes', description: 5 },
        ['description', 'protected'],
      ],
      [
        '/api/customer-groups',
        { name: 'G', intent: 'grow', valueProposition: 'v'.repeat(2001), id: MISSING_ID },
        ['id', 'valueProposition'],
      ],
    ];
    for (const [path, body, fields] of cases) {
      const res = await send(t, admin, 'POST', path, body);
      expect({ path, body, status: res.status }).toMatchObject({ status: 400 });
      expectFieldErrors(res, fields);
    }
    const longest = await send(t, admin, 'POST', '/api/departments', {
      name: `${uniqueName('L')}${'x'.repeat(100)}`.slice(0, 120),
    });
    expect(longest.status).toBe(201);
    const notJson = await fetch(`${t.baseUrl}/api/departments`, {
      method: 'POST',
      headers: { ...admin.headers, 'Content-Type': 'application/json' },
      body: '{"name": ',
    });
    expect(notJson.status).toBe(400);
  });

  it('refuses bad changes: unknown fields, nulls, empty changes, over-long strings', async () => {
    const patch = (path: string, body: unknown): Promise<Answer> =>
      send(t, admin, 'PATCH', path, body, { 'If-Match': '"1"' });
    const department = `/api/departments/${departmentId}`;
    const group = `/api/customer-groups/${groupId}`;
    expectFieldErrors(await patch(department, { name: 'x', version: 9 }), ['version']);
    expectFieldErrors(await patch(department, { name: null }), ['name']);
    expectFieldErrors(await patch(department, { name: '' }), ['name']);
    expectFieldErrors(await patch(group, { intent: null, protected: 1 }), ['intent', 'protected']);
    expectFieldErrors(await patch(group, { description: 'd'.repeat(2001) }), ['description']);
    const empty = await patch(department, {});
    expect(empty.status).toBe(400);
    expect((empty.body as unknown as Problem).detail).toMatch(/at least one field/);
    const unchanged = await send(t, admin, 'GET', department);
    expect(unchanged.body['version']).toBe(1);
  });

  it('refuses an invalid id in the path (400) and answers 404 for a missing record', async () => {
    for (const base of ['/api/departments', '/api/customer-groups']) {
      expectFieldErrors(await send(t, admin, 'GET', `${base}/not-a-uuid`), ['id']);
      expectFieldErrors(
        await send(t, admin, 'PATCH', `${base}/123`, { name: 'x' }, { 'If-Match': '"1"' }),
        ['id'],
      );
      const missing = await send(t, admin, 'GET', `${base}/${MISSING_ID}`);
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ status: 404, title: 'Not Found' });
      const missingPatch = await send(
        t,
        admin,
        'PATCH',
        `${base}/${MISSING_ID}`,
        { name: 'x' },
        {
          'If-Match': '"1"',
        },
      );
      expect(missingPatch.status).toBe(404);
    }
  });

  it('refuses bad list queries', async () => {
    for (const query of ['limit=0', 'limit=201', 'offset=-1', 'limit=ten', 'page=2']) {
      const res = await send(t, member, 'GET', `/api/departments?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
    }
    expectFieldErrors(await send(t, member, 'GET', '/api/customer-groups?intent=sell'), ['intent']);
  });

  it('keeps names unique ignoring case (409) on create and rename', async () => {
    const name = uniqueName('Unique');
    expect(
      (await send(t, admin, 'POST', '/api/customer-groups', { name, intent: 'grow' })).status,
    ).toBe(201);
    const duplicate = await send(t, admin, 'POST', '/api/customer-groups', {
      name: name.toUpperCase(),
      intent: 'retain',
    });
    expect(duplicate.status).toBe(409);
    expect((duplicate.body as unknown as Problem).detail).toMatch(/already exists/);
    const taken = uniqueName('Taken');
    await send(t, admin, 'POST', '/api/departments', { name: taken });
    const rename = await send(
      t,
      admin,
      'PATCH',
      `/api/departments/${departmentId}`,
      {
        name: taken.toLowerCase(),
      },
      { 'If-Match': '"1"' },
    );
    expect(rename.status).toBe(409);
  });

  it('lets everyone read but only admins write; nobody without a session', async () => {
    expect((await send(t, member, 'GET', `/api/departments/${departmentId}`)).status).toBe(200);
    expect((await send(t, member, 'GET', `/api/customer-groups/${groupId}`)).status).toBe(200);
    const manager = await signIn(t, 'manager');
    for (const session of [member, manager]) {
      expect(
        (await send(t, session, 'POST', '/api/departments', { name: uniqueName('No') })).status,
      ).toBe(403);
      expect(
        (
          await send(
            t,
            session,
            'PATCH',
            `/api/customer-groups/${groupId}`,
            { protected: true },
            {
              'If-Match': '"1"',
            },
          )
        ).status,
      ).toBe(403);
    }
    for (const path of [
      '/api/departments',
      `/api/departments/${departmentId}`,
      '/api/customer-groups',
    ]) {
      expect((await send(t, null, 'GET', path)).status).toBe(401);
    }
  });

  it('documents the endpoints in OpenAPI with their error answers', async () => {
    const doc = (await (await fetch(`${t.baseUrl}/api/docs-json`)).json()) as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, unknown>; parameters?: { name: string }[] }>
      >;
    };
    const patch = doc.paths['/api/departments/{id}']?.['patch'];
    expect(Object.keys(patch?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409', '412', '428']),
    );
    expect(patch?.parameters?.map((p) => p.name)).toContain('If-Match');
    const create = doc.paths['/api/customer-groups']?.['post'];
    expect(Object.keys(create?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '409', '422']),
    );
    expect(create?.parameters?.map((p) => p.name)).toContain('Idempotency-Key');
    expect(Object.keys(doc.paths)).toContain('/api/audit');
  });
});
