import { signIn, type Session } from '../support/auth';
import { postCustomerGroup, postDepartment, uniqueName } from '../factories/catalog';
import { auditCount, send } from '../support/http';
import { useTestApp } from '../support/use-test-app';

interface AuditEvent {
  id: string;
  occurredAt: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}
interface AuditPage {
  items: AuditEvent[];
  total: number;
  limit: number;
  offset: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('audit trail', () => {
  const t = useTestApp();
  let admin: Session;

  beforeAll(async () => {
    admin = await signIn(t, 'admin');
  });

  const audit = (query: string, session: Session | null = admin) =>
    send<AuditPage>(t, session, 'GET', `/api/audit${query}`);

  it('records who changed what, with the request id and the state before and after', async () => {
    const name = uniqueName('Audited');
    const created = await send(
      t,
      admin,
      'POST',
      '/api/departments',
      { name },
      {
        'X-Request-Id': 'audit-create-1',
      },
    );
    const id = String(created.body['id']);
    const renamed = uniqueName('Audited renamed');
    await send(
      t,
      admin,
      'PATCH',
      `/api/departments/${id}`,
      { name: renamed },
      {
        'If-Match': '"1"',
        'X-Request-Id': 'audit-update-1',
      },
    );
    const page = await audit(`?entityType=department&entityId=${id}`);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(2);
    const [update, create] = page.body.items;
    expect(create).toMatchObject({
      actorId: admin.user.id,
      action: 'create',
      entityType: 'department',
      entityId: id,
      before: null,
      after: { id, name, version: 1 },
      requestId: 'audit-create-1',
    });
    expect(update).toMatchObject({
      action: 'update',
      before: { name, version: 1 },
      after: { name: renamed, version: 2 },
      requestId: 'audit-update-1',
    });
    expect(update?.id).toMatch(/^\d+$/);
    expect(Number(update?.id)).toBeGreaterThan(Number(create?.id));
  });

  it('writes the event in the same transaction as the change: when one fails, neither is kept', async () => {
    const department = await postDepartment(t, admin);
    const poison = uniqueName('Poison');
    // Make the database refuse the audit event (not the change) for this one name.
    await t.sql.query(
      `ALTER TABLE audit_events ADD CONSTRAINT test_poison CHECK (after->>'name' IS DISTINCT FROM '${poison}')`,
    );
    try {
      const create = await send(t, admin, 'POST', '/api/departments', { name: poison });
      expect(create.status).toBe(500);
      const rename = await send(
        t,
        admin,
        'PATCH',
        `/api/departments/${department.id}`,
        {
          name: poison,
        },
        { 'If-Match': '"1"' },
      );
      expect(rename.status).toBe(500);
      const group = await send(t, admin, 'POST', '/api/customer-groups', {
        name: poison,
        intent: 'grow',
      });
      expect(group.status).toBe(500);
    } finally {
      await t.sql.query(`ALTER TABLE audit_events DROP CONSTRAINT test_poison`);
    }
    const kept = await t.sql.query(
      `SELECT 1 FROM departments WHERE name = $1 UNION ALL SELECT 1 FROM customer_groups WHERE name = $1`,
      [poison],
    );
    expect(kept.rowCount).toBe(0);
    const after = await send(t, admin, 'GET', `/api/departments/${department.id}`);
    expect(after.body).toMatchObject({ name: department.name, version: 1 });

    // Refused changes (stale, duplicate) leave no event either.
    const other = await postDepartment(t, admin);
    expect(
      (
        await send(
          t,
          admin,
          'PATCH',
          `/api/departments/${department.id}`,
          { name: other.name },
          {
            'If-Match': '"1"',
          },
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await send(
          t,
          admin,
          'PATCH',
          `/api/departments/${department.id}`,
          { name: 'x' },
          {
            'If-Match': '"7"',
          },
        )
      ).status,
    ).toBe(412);
    expect(await auditCount(t, department.id)).toBe(1);
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await postDepartment(t, admin);
    const before = await t.sql.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_events');
    for (const statement of [
      `UPDATE audit_events SET action = 'forged'`,
      `DELETE FROM audit_events`,
      `TRUNCATE audit_events`,
    ]) {
      await expect(t.sql.query(statement)).rejects.toThrow(/audit_events is append-only/);
    }
    const after = await t.sql.query<{ n: string; forged: string }>(
      `SELECT count(*)::text AS n, count(*) FILTER (WHERE action = 'forged')::text AS forged FROM audit_events`,
    );
    expect(after.rows[0]).toEqual({ n: before.rows[0]?.n, forged: '0' });
  });

  it('lists events newest first, filtered by record, actor, action and time, in pages', async () => {
    const actor = await signIn(t, 'admin');
    const department = await postDepartment(t, actor);
    for (const version of [1, 2]) {
      await send(
        t,
        actor,
        'PATCH',
        `/api/departments/${department.id}`,
        {
          name: uniqueName('Step'),
        },
        { 'If-Match': `"${version}"` },
      );
    }
    await sleep(50);
    const middle = new Date().toISOString();
    await sleep(50);
    const group = await postCustomerGroup(t, actor, { intent: 'nurture' });
    await send(
      t,
      actor,
      'PATCH',
      `/api/customer-groups/${group.id}`,
      { protected: true },
      { 'If-Match': '"1"' },
    );

    const mine = await audit(`?actorId=${actor.user.id}`);
    expect(mine.body).toMatchObject({ total: 5, limit: 50, offset: 0 });
    expect(mine.body.items.map((e) => `${e.entityType}.${e.action}`)).toEqual([
      'customer_group.update',
      'customer_group.create',
      'department.update',
      'department.update',
      'department.create',
    ]);
    const times = mine.body.items.map((e) => Date.parse(e.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const count = async (query: string): Promise<number> =>
      (await audit(`?actorId=${actor.user.id}&${query}`)).body.total;
    expect(await count('entityType=department')).toBe(3);
    expect(await count(`entityId=${department.id}`)).toBe(3);
    expect(await count('action=create')).toBe(2);
    expect(await count('entityType=customer_group&action=update')).toBe(1);
    expect(await count(`from=${middle}`)).toBe(2);
    expect(await count(`to=${middle}`)).toBe(3);
    expect(await count(`from=${middle}&to=${new Date(Date.now() + 60_000).toISOString()}`)).toBe(2);
    expect((await audit(`?entityId=${department.id}`)).body.total).toBe(3);
    expect((await audit('?action=no-such-action')).body).toMatchObject({ total: 0, items: [] });

    const first = await audit(`?actorId=${actor.user.id}&limit=2`);
    const second = await audit(`?actorId=${actor.user.id}&limit=2&offset=2`);
    const last = await audit(`?actorId=${actor.user.id}&limit=2&offset=4`);
    expect(first.body).toMatchObject({ total: 5, limit: 2, offset: 0 });
    expect(
      [...first.body.items, ...second.body.items, ...last.body.items].map((e) => e.id),
    ).toEqual(mine.body.items.map((e) => e.id));
    expect(last.body.items).toHaveLength(1);
    expect((await audit(`?actorId=${actor.user.id}&offset=10`)).body.items).toEqual([]);
    expect((await audit('?limit=200')).status).toBe(200);
  });

  it('refuses bad filters with per-field errors', async () => {
    const cases: [string, string][] = [
      ['?limit=0', 'limit'],
      ['?limit=201', 'limit'],
      ['?limit=abc', 'limit'],
      ['?limit=1.5', 'limit'],
      ['?offset=-1', 'offset'],
      ['?actorId=not-a-uuid', 'actorId'],
      ['?from=yesterday', 'from'],
      ['?to=2026-13-45T00:00:00Z', 'to'],
      [`?entityType=${'x'.repeat(101)}`, 'entityType'],
      ['?entityId=', 'entityId'],
      ['?sort=id', 'sort'],
    ];
    for (const [query, field] of cases) {
      const res = await audit(query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(Object.keys((res.body as unknown as { errors: object }).errors)).toContain(field);
    }
    const reversed = await audit('?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(reversed.status).toBe(400);
  });

  it('is for admins only', async () => {
    expect((await audit('', await signIn(t, 'manager'))).status).toBe(403);
    expect((await audit('', await signIn(t, 'executive'))).status).toBe(403);
    expect((await audit('', null)).status).toBe(401);
  });
});
