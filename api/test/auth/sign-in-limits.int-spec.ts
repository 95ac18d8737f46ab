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
