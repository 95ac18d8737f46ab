import { signIn, type Session } from '../support/auth';
import { postCustomerGroup, postDepartment, uniqueName } from '../factories/catalog';
import { auditCount, send } from '../support/http';
import { useTestApp } from '../support/use-test-app';

describe('no lost updates: ETag and If-Match', () => {
  const t = useTestApp();
  let admin: Session;

  beforeAll(async () => {
    admin = await signIn(t, 'admin');
  });

  it('answers a single GET, a create and a PATCH with the strong ETag of the version', async () => {
    const created = await send(t, admin, 'POST', '/api/departments', { name: uniqueName('Etag') });
    expect(created.status).toBe(201);
    expect(created.body['version']).toBe(1);
    expect(created.headers.get('etag')).toBe('"1"');
    const id = String(created.body['id']);

    const read = await send(t, admin, 'GET', `/api/departments/${id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');

    const name = uniqueName('Renamed');
    const patched = await send(
      t,
      admin,
      'PATCH',
      `/api/departments/${id}`,
      { name },
      {
        'If-Match': '"1"',
      },
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id, name, version: 2 });
    expect(patched.headers.get('etag')).toBe('"2"');
    expect(Date.parse(String(patched.body['updatedAt']))).toBeGreaterThanOrEqual(
      Date.parse(String(created.body['updatedAt'])),
    );
    const list = await send(t, admin, 'GET', '/api/departments');
    expect(list.headers.get('etag')).toBeNull();
  });

  it('answers 428 without If-Match, 412 when stale, 400 when malformed; nothing changes', async () => {
    const department = await postDepartment(t, admin);
    const path = `/api/departments/${department.id}`;
    const name = uniqueName('Attempt');

    const missing = await send(t, admin, 'PATCH', path, { name });
    expect(missing.status).toBe(428);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(missing.body).toMatchObject({ status: 428, title: 'Precondition Required' });

    await send(t, admin, 'PATCH', path, { name: uniqueName('First') }, { 'If-Match': '"1"' });
    const stale = await send(t, admin, 'PATCH', path, { name }, { 'If-Match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ status: 412, title: 'Precondition Failed' });
    expect(String(stale.body['detail'])).toMatch(/someone else changed this record.*reload/i);

    for (const header of ['*', '2', 'W/"2"', '"2", "3"', '"abc"', '"0"']) {
      const malformed = await send(t, admin, 'PATCH', path, { name }, { 'If-Match': header });
      expect({ header, status: malformed.status }).toEqual({ header, status: 400 });
    }
    const after = await send(t, admin, 'GET', path);
    expect(after.body['version']).toBe(2);
    expect(after.body['name']).not.toBe(name);
    expect(await auditCount(t, department.id, 'update')).toBe(1);
  });

  it('tells a missing record (404) from a stale one (412)', async () => {
    const missing = await send(
      t,
      admin,
      'PATCH',
      '/api/departments/00000000-0000-4000-8000-000000000000',
      { name: uniqueName('Nobody') },
      { 'If-Match': '"1"' },
    );
    expect(missing.status).toBe(404);
    const group = await postCustomerGroup(t, admin);
    const path = `/api/customer-groups/${group.id}`;
    const ok = await send(t, admin, 'PATCH', path, { protected: true }, { 'If-Match': '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    const stale = await send(t, admin, 'PATCH', path, { protected: false }, { 'If-Match': '"1"' });
    expect(stale.status).toBe(412);
    const noHeader = await send(t, admin, 'PATCH', path, { protected: false });
    expect(noHeader.status).toBe(428);
  });

  it('loses no update: 20 clients, 10 read-modify-write cycles each, on one record', async () => {
    const department = await postDepartment(t, admin, uniqueName('Contended'));
    const path = `/api/departments/${department.id}`;
    const clients = await Promise.all(Array.from({ length: 20 }, () => signIn(t, 'admin')));
    let attempts = 0;
    let accepted = 0;
    let stale = 0;
    const acceptedNames = new Set<string>();

    const client = async (session: Session, index: number): Promise<void> => {
      for (let cycle = 0; cycle < 10; cycle++) {
        const name = `client ${index} change ${cycle}`;
        for (let retry = 0; ; retry++) {
          if (retry > 500) throw new Error(`client ${index} starved`);
          const read = await send(t, session, 'GET', path);
          expect(read.status).toBe(200);
          const etag = read.headers.get('etag') ?? '';
          attempts++;
          const write = await send(t, session, 'PATCH', path, { name }, { 'If-Match': etag });
          if (write.status === 412) {
            stale++;
            continue;
          }
          if (write.status !== 200) throw new Error(`PATCH: ${write.status} ${write.text}`);
          expect(write.headers.get('etag')).toBe(`"${Number(etag.replace(/"/g, '')) + 1}"`);
          accepted++;
          acceptedNames.add(name);
          break;
        }
      }
    };
    await Promise.all(clients.map((session, index) => client(session, index)));

    const final = await send(t, admin, 'GET', path);
    console.log(
      `concurrency (${t.databaseKind}): 20 clients x 10 cycles, ${attempts} attempts, ` +
        `${accepted} accepted, ${stale} refused with 412, final version ${String(final.body['version'])}`,
    );
    expect(accepted).toBe(200);
    expect(attempts).toBe(accepted + stale);
    expect(final.body['version']).toBe(1 + accepted);

    // Every accepted change is in the audit trail, as one unbroken chain of versions.
    const events = await t.sql.query<{
      before: { name: string; version: number };
      after: { name: string; version: number };
    }>(
      `SELECT before, after FROM audit_events
        WHERE entity_type = 'department' AND entity_id = $1 AND action = 'update'
        ORDER BY (after->>'version')::int`,
      [department.id],
    );
    expect(events.rows).toHaveLength(accepted);
    expect(new Set(events.rows.map((e) => e.after.name))).toEqual(acceptedNames);
    let previous = { name: department.name, version: 1 };
    for (const event of events.rows) {
      expect(event.before).toMatchObject(previous);
      expect(event.after.version).toBe(previous.version + 1);
      previous = { name: event.after.name, version: event.after.version };
    }
    expect(final.body['name']).toBe(previous.name);
  }, 300_000);
});
