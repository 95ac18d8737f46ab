import type { Logger } from '@nestjs/common';
import { PeriodicJob } from './periodic-job';

function loggerSpy() {
  const log = jest.fn();
  const error = jest.fn();
  return { logger: { log, error } as unknown as Logger, log, error };
}

/** A promise and the function that resolves it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('PeriodicJob', () => {
  afterEach(() => jest.useRealTimers());

  it('runs at start and at every tick, skipping a tick while a run is in progress', async () => {
    jest.useFakeTimers();
    const runs: Array<ReturnType<typeof deferred<number>>> = [];
    const { logger } = loggerSpy();
    const job = new PeriodicJob({
      name: 'test job',
      everyMs: 1000,
      logger,
      work: () => {
        const run = deferred<number>();
        runs.push(run);
        return run.promise;
      },
    });
    job.start();
    expect(runs).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(1); // the first still runs
    runs[0]?.resolve(0);
    await jest.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(2);
    runs[1]?.resolve(0);
    await job.stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(runs).toHaveLength(2); // stopped: no more ticks
  });

  it('logs what a run reports, and a failure, and tries again at the next tick', async () => {
    jest.useFakeTimers();
    const { logger, log, error } = loggerSpy();
    const results = [3, 0];
    let calls = 0;
    const job = new PeriodicJob({
      name: 'test job',
      everyMs: 1000,
      logger,
      work: () => {
        calls += 1;
        if (calls === 2) return Promise.reject(new Error('database went away'));
        return Promise.resolve(results.shift() ?? 0);
      },
      report: (n) => (n > 0 ? { done: n } : null),
    });
    job.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(log).toHaveBeenCalledWith({ done: 3 }, 'test job');
    await jest.advanceTimersByTimeAsync(1000);
    expect(error).toHaveBeenCalledWith({ error: 'database went away' }, 'test job failed');
    await jest.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(3);
    expect(log).toHaveBeenCalledTimes(1); // the run that did nothing logs nothing
    await job.stop();
  });

  it('waits at stop for the run in progress', async () => {
    const run = deferred<number>();
    const { logger } = loggerSpy();
    const job = new PeriodicJob({
      name: 'test job',
      everyMs: 60_000,
      logger,
      work: () => run.promise,
    });
    job.start();
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    run.resolve(0);
    await stopping;
    expect(stopped).toBe(true);
  });
});
