import { DEMO_PASSWORD, passwordProblems } from './password-policy';

describe('passwordProblems (zxcvbn, minimum score 3)', () => {
  const sam = { email: 'sam.rivera@example.test', displayName: 'Sam Rivera' };

  it.each([
    'passwordpassword',
    'letmeinletmein',
    '123456789012',
    'Waypoint2026',
    'administrator1',
    'password1234',
    'samrivera2026!',
  ])('refuses %s, saying why and what would be accepted', async (password) => {
    const [message, ...rest] = await passwordProblems(password, sam);
    expect(rest).toEqual([]);
    expect(message).toMatch(/^This password is too common or too easy to guess: /);
    expect(message).toMatch(/A few unrelated words .* would be accepted\.$/);
  });

  it('refuses the published demo password outside demo mode, accepts it in demo mode', async () => {
    expect(await passwordProblems(DEMO_PASSWORD, sam)).toEqual([
      'This is the published demo password: choose one of your own.',
    ]);
    expect(await passwordProblems(DEMO_PASSWORD.toUpperCase(), sam)).toHaveLength(1);
    expect(await passwordProblems(DEMO_PASSWORD, { ...sam, demo: true })).toEqual([]);
  });

  it.each([
    'sam-loves-quarterly-reviews',
    'lantern-orbit-tuesday-cello',
    'correct-horse-battery-staple-42',
  ])('accepts a strong passphrase: %s', async (password) => {
    expect(await passwordProblems(password, sam)).toEqual([]);
  });

  it('counts characters for the length limits', async () => {
    expect(await passwordProblems('short', sam)).toEqual(['Use at least 12 characters.']);
    expect(await passwordProblems('🙂'.repeat(12), sam)).not.toContain(
      'Use at least 12 characters.',
    );
  });
});
