import { PasswordStrength } from './password-strength';

describe('PasswordStrength (zxcvbn in a worker that is up only while checking)', () => {
  let strength: PasswordStrength;

  afterEach(async () => {
    await strength.close();
  });

  it('starts no worker until the first check, then scores like zxcvbn', async () => {
    strength = new PasswordStrength(60_000);
    expect(strength.active).toBe(false);

    const weak = await strength.check('password1234', []);
    expect(strength.active).toBe(true);
    expect(weak.score).toBeLessThan(3);
    expect(weak.warning).toEqual(expect.any(String));

    const strong = await strength.check('lantern-orbit-tuesday-cello', []);
    expect(strong.score).toBeGreaterThanOrEqual(3);
    expect(strong.warning).toBeNull();
  });

  it('counts the extra words it is given as guessable', async () => {
    strength = new PasswordStrength(60_000);
    const without = await strength.check('quasimodoverbatim', []);
    const withWords = await strength.check('quasimodoverbatim', ['quasimodo', 'verbatim']);
    expect(withWords.score).toBeLessThan(without.score);
  });

  it('answers checks sent at once, each with its own verdict', async () => {
    strength = new PasswordStrength(60_000);
    const verdicts = await Promise.all([
      strength.check('123456789012', []),
      strength.check('correct-horse-battery-staple-42', []),
      strength.check('letmeinletmein', []),
    ]);
    expect(verdicts.map((verdict) => verdict.score >= 3)).toEqual([false, true, false]);
  });

  it('ends the worker when idle, and starts a new one for the next check', async () => {
    strength = new PasswordStrength(50);
    await strength.check('password1234', []);
    expect(strength.active).toBe(true);
    await waitFor(() => !strength.active);

    const again = await strength.check('lantern-orbit-tuesday-cello', []);
    expect(again.score).toBeGreaterThanOrEqual(3);
    expect(strength.active).toBe(true);
  });

  it('fails the checks in flight when closed, and works again afterwards', async () => {
    strength = new PasswordStrength(60_000);
    const inFlight = strength.check('password1234', []);
    await strength.close();
    await expect(inFlight).rejects.toThrow('the password estimator was stopped');

    expect((await strength.check('lantern-orbit-tuesday-cello', [])).score).toBeGreaterThanOrEqual(
      3,
    );
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
