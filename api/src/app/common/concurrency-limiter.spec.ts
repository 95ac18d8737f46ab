import { ConcurrencyLimiter, LimiterFullError } from './concurrency-limiter';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('ConcurrencyLimiter', () => {
  it('runs at most `concurrency` at once, queues `queue` more and refuses the rest', async () => {
    const limiter = new ConcurrencyLimiter(2, 1);
    const gates = [deferred(), deferred(), deferred()];
    let running = 0;
    let most = 0;
    const task = (gate: { promise: Promise<void> }) => async (): Promise<string> => {
      running++;
      most = Math.max(most, running);
      await gate.promise;
      running--;
      return 'done';
    };
    const runs = gates.map((gate) => limiter.run(task(gate)));
    expect(limiter.load).toEqual({ active: 2, waiting: 1 });
    await expect(limiter.run(() => Promise.resolve('late'))).rejects.toBeInstanceOf(
      LimiterFullError,
    );
    gates.forEach((gate) => gate.resolve());
    await expect(Promise.all(runs)).resolves.toEqual(['done', 'done', 'done']);
    expect(most).toBe(2);
    expect(limiter.load).toEqual({ active: 0, waiting: 0 });
  });

  it('frees the slot when a task fails', async () => {
    const limiter = new ConcurrencyLimiter(1, 0);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(() => Promise.resolve(1))).resolves.toBe(1);
    expect(limiter.load).toEqual({ active: 0, waiting: 0 });
  });
});
