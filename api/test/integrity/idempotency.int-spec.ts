import { requestFingerprint } from '../../src/app/idempotency/idempotency-key';
import { signIn, type Session } from '../support/auth';
import { uniqueName } from '../factories/catalog';
import { type Answer, send } from '../support/http';
import { useTestApp } from '../support/use-test-app';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('idempotent creates: Idempotency-Key', () => {
  const t = useTestApp();
  let admin: Session;

  beforeAll(async () => {
    admin = await signIn(t, 'admin');
  });

  const post = (
    path: string,
    body: unknown,
    key?: string,
    session: Session = admin,
  ): Promise<Answer> =>
    send(t, session, 'POST', path, body, key === undefined ? {} : { 'Idempotency-Key': key });

  const countByName = async (table: string, name: string): Promise<number> => {
    const rows = await t.sql.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM ${table} WHERE name = $1`,
      [name],
    );
    return Number(rows.rows[0]?.n);
  };

  it('50 concurrent POSTs with one key create one record; every client gets the same answer', async () => {
    const name = uniqueName('Concurrent');
    const key = `create-${name.replace(/\s/g, '-')}`;
    let conflicts = 0;
    const client = async (): Promise<Answer> => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const res = await post('/api/departments', { name }, key);
        if (res.status !== 409) return res;
        expect(res.body).toMatchObject({ status: 409 });
        expect(res.headers.get('retry-after')).toBe('1');
        conflicts++;
        await sleep(20);
      }
      throw new Error('still in flight after 200 attempts');
    };
    const answers = await Promise.all(Array.from({ length: 50 }, client));

    const statuses = new Set(answers.map((a) => a.status));
    const bodies = new Set(answers.map((a) => a.text));
    const replayed = answers.filter((a) => a.headers.get('idempotency-replayed') === 'true');
    console.log(
      `idempotency (${t.databaseKind}): 50 concurrent POSTs with one key, ${conflicts} answered 409 ` +
        `while in flight (retried), ${answers.length - replayed.length} original + ${replayed.length} ` +
        `replayed answers, statuses ${[...statuses].join(',')}, ${bodies.size} distinct body, ` +
        `${await countByName('departments', name)} record`,
    );
    expect([...statuses]).toEqual([201]);
    expect(bodies.size).toBe(1);
    expect(replayed).toHaveLength(49);
    expect(new Set(answers.map((a) => a.headers.get('etag')))).toEqual(new Set(['"1"']));
    expect(await countByName('departments', name)).toBe(1);
    const audit = await t.sql.query(
      `SELECT 1 FROM audit_events WHERE entity_id = $1 AND action = 'create'`,
      [String(answers[0]?.body['id'])],
    );
    expect(audit.rowCount).toBe(1);
  }, 120_000);

  it('replays the first answer, refuses the key for another body (422), and scopes keys per user', async () => {
    const name = uniqueName('Replay');
    const first = await post('/api/customer-groups', { name, intent: 'retain' }, 'replay-1');
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotency-replayed')).toBeNull();

    // Same body with keys in another order and other whitespace: the same request.
    const reordered = await fetch(`${t.baseUrl}/api/customer-groups`, {
      method: 'POST',
      headers: {
        ...admin.headers,
        'Content-Type': 'application/json',
        'Idempotency-Key': 'replay-1',
      },
      body: `{ "intent": "retain",   "name": ${JSON.stringify(name)} }`,
    });
    expect(reordered.status).toBe(201);
    expect(reordered.headers.get('idempotency-replayed')).toBe('true');
    expect(await reordered.text()).toBe(first.text);

    const other = await post('/api/customer-groups', { name, intent: 'grow' }, 'replay-1');
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ status: 422, title: 'Unprocessable Content' });
    const otherPath = await post('/api/departments', { name }, 'replay-1');
    expect(otherPath.status).toBe(422);
    expect(await countByName('customer_groups', name)).toBe(1);

    // Another user's key of the same value is theirs.
    const colleague = await signIn(t, 'admin');
    const theirs = await post(
      '/api/departments',
      { name: uniqueName('Theirs') },
      'replay-1',
      colleague,
    );
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotency-replayed')).toBeNull();
  });

  it('refuses malformed keys with 400 and creates without a key as usual', async () => {
    for (const key of ['', 'x'.repeat(256), 'has space', 'a/b', '%D0%BA', 'a,b', '"quoted"']) {
      const res = await fetch(`${t.baseUrl}/api/departments`, {
        method: 'POST',
        headers: {
          ...admin.headers,
          'Content-Type': 'application/json',
          'Idempotency-Key': key,
        },
        body: JSON.stringify({ name: uniqueName('Badkey') }),
      });
      expect({ key, status: res.status }).toEqual({ key, status: 400 });
    }
    const longest = await post(
      '/api/departments',
      { name: uniqueName('Longkey') },
      'k'.repeat(255),
    );
    expect(longest.status).toBe(201);
    const name = uniqueName('Nokey');
    expect((await post('/api/departments', { name })).status).toBe(201);
    expect((await post('/api/departments', { name })).status).toBe(409);
  });

  it('forgets the key when the handler fails, so the client can retry with it', async () => {
    const taken = uniqueName('Taken');
    expect((await post('/api/departments', { name: taken })).status).toBe(201);
    const failed = await post('/api/departments', { name: taken.toUpperCase() }, 'retry-after-fix');
    expect(failed.status).toBe(409);
    const held = await t.sql.query(`SELECT 1 FROM idempotency_keys WHERE key = 'retry-after-fix'`);
    expect(held.rowCount).toBe(0);
    await t.sql.query(`UPDATE departments SET name = $1 WHERE name = $2`, [`${taken} old`, taken]);
    const retried = await post(
      '/api/departments',
      { name: taken.toUpperCase() },
      'retry-after-fix',
    );
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotency-replayed')).toBeNull();
  });

  it('answers 409 while a record is in flight and takes over one abandoned for over 60 s', async () => {
    const body = { name: uniqueName('Abandoned') };
    const fingerprint = requestFingerprint('POST', '/api/departments', body);
    await t.sql.query(
      `INSERT INTO idempotency_keys (user_id, key, method, path, fingerprint, attempt_id, state, created_at)
       VALUES ($1, 'in-flight', 'POST', '/api/departments', $2, gen_random_uuid(), 'in_flight', now())`,
      [admin.user.id, fingerprint],
    );
    const busy = await post('/api/departments', body, 'in-flight');
    expect(busy.status).toBe(409);
    expect(String(busy.body['detail'])).toMatch(/still being processed/);

    await t.sql.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '61 seconds' WHERE key = 'in-flight'`,
    );
    const other = await post('/api/departments', { name: uniqueName('Different') }, 'in-flight');
    expect(other.status).toBe(422);
    const taken = await post('/api/departments', body, 'in-flight');
    expect(taken.status).toBe(201);
    const stored = await t.sql.query<{ state: string; response_status: number }>(
      `SELECT state, response_status FROM idempotency_keys WHERE key = 'in-flight'`,
    );
    expect(stored.rows).toEqual([{ state: 'completed', response_status: 201 }]);
  });

  it('keeps keys with their creation time; keys past retention count as new', async () => {
    const body = { name: uniqueName('Expired') };
    const first = await post('/api/departments', body, 'old-key');
    expect(first.status).toBe(201);
    const stored = await t.sql.query<{ created_at: Date }>(
      `SELECT created_at FROM idempotency_keys WHERE key = 'old-key'`,
    );
    expect(Date.now() - (stored.rows[0]?.created_at.getTime() ?? 0)).toBeLessThan(60_000);
    await t.sql.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '49 hours' WHERE key = 'old-key'`,
    );
    const later = await post('/api/departments', { name: uniqueName('Expired') }, 'old-key');
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotency-replayed')).toBeNull();
  });
});
