import { argon2id, hash } from 'argon2';
import { createUser, type TestUser } from '../factories/users';
import { useTestApp } from '../support/use-test-app';

/** Findings 2 and 3 of issue 16: the sign-in limits hold under concurrency and behind proxies. */
describe('sign-in limits under concurrency', () => {
  const t = useTestApp({
    env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '5', LOGIN_MAX_FAILURES_PER_IP: '1000' },
  });

  const login = (email: string, password: string): Promise<Response> =>
    fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  /** A user whose password hash has the production cost, so each check takes real time. */
  async function userWithRealHash(): Promise<TestUser> {
    const user = await createUser(t.sql);
    await t.sql.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [
      user.id,
      await hash(user.password, { type: argon2id }),
    ]);
    return user;
  }

  const tally = (statuses: number[]): Record<number, number> =>
    statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

  it('checks at most the limit of 40 concurrent wrong passwords on one account', async () => {
    const user = await userWithRealHash();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => login(user.email, 'wrong-password-123')),
    );
    const counts = tally(answers.map((a) => a.status));
    expect(counts).toEqual({ 401: 5, 429: 35 });
    const blocked = answers.find((a) => a.status === 429);
    expect(Number(blocked?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(user.email, user.password)).status).toBe(429);
  });

  it('does not let the right password in behind 30 wrong ones sent together', async () => {
    const user = await userWithRealHash();
    const wrong = Array.from({ length: 30 }, () => login(user.email, 'wrong-password-123'));
    // The wrong ones are under way (their passwords being checked) when the right one arrives.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const right = await login(user.email, user.password);
    const counts = tally((await Promise.all(wrong)).map((a) => a.status));
    expect(counts).toEqual({ 401: 5, 429: 25 });
    expect(right.status).toBe(429);
  });

  it('still resets the count on a success', async () => {
    const user = await createUser(t.sql);
    for (let i = 0; i < 4; i++) {
      expect((await login(user.email, 'wrong-password-123')).status).toBe(401);
    }
    expect((await login(user.email, user.password)).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      expect((await login(user.email, 'wrong-password-123')).status).toBe(401);
    }
    expect((await login(user.email, user.password)).status).toBe(429);
  });
});

function loginFrom(
  t: { baseUrl: string },
  email: string,
  password: string,
  forwardedFor: string,
): Promise<Response> {
  return fetch(`${t.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
    body: JSON.stringify({ email, password }),
  });
}

describe('the per-address limit with TRUST_PROXY off (the default)', () => {
  const t = useTestApp({
    env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000', LOGIN_MAX_FAILURES_PER_IP: '3' },
  });

  it('is not escaped by rotating X-Forwarded-For', async () => {
    const user = await createUser(t.sql);
    for (let i = 1; i <= 3; i++) {
      const res = await loginFrom(t, user.email, 'wrong-password-123', `203.0.113.${i}`);
      expect(res.status).toBe(401);
    }
    const rotated = await loginFrom(t, user.email, 'wrong-password-123', '203.0.113.99');
    expect(rotated.status).toBe(429);
  });
});

describe('behind a configured proxy, with a cap on password checks', () => {
  const t = useTestApp({
    env: {
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000',
      LOGIN_MAX_FAILURES_PER_IP: '3',
      TRUST_PROXY: '127.0.0.1',
      PASSWORD_HASHING_CONCURRENCY: '1',
      PASSWORD_HASHING_QUEUE: '1',
    },
  });

  it('limits the forwarded client address', async () => {
    const user = await createUser(t.sql);
    for (let i = 1; i <= 3; i++) {
      const res = await loginFrom(t, user.email, 'wrong-password-123', `198.51.100.${i}`);
      expect(res.status).toBe(401);
    }
    for (let i = 0; i < 3; i++) {
      const res = await loginFrom(t, user.email, 'wrong-password-123', '192.0.2.7');
      expect(res.status).toBe(401);
    }
    const again = await loginFrom(t, user.email, 'wrong-password-123', '192.0.2.7');
    expect(again.status).toBe(429);
  });

  it('answers 503 with Retry-After when more passwords arrive than it checks and queues', async () => {
    const users = await Promise.all(Array.from({ length: 8 }, () => createUser(t.sql)));
    await Promise.all(
      users.map(async (user) =>
        t.sql.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [
          user.id,
          await hash(user.password, { type: argon2id }),
        ]),
      ),
    );
    const answers = await Promise.all(
      users.map((user, i) => loginFrom(t, user.email, user.password, `192.0.2.${100 + i}`)),
    );
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(2);
    expect(answers.every((a) => a.status === 200 || a.status === 503)).toBe(true);
    expect(Number(busy[0]?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(busy[0]?.headers.get('content-type')).toMatch(/problem\+json/);
    // A refused check is not a failure: the same people sign in once the burst is over.
    const later = users[answers.indexOf(busy[0] as Response)] as TestUser;
    expect((await loginFrom(t, later.email, later.password, '192.0.2.200')).status).toBe(200);
  });
});
