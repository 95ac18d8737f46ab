import { Logger } from '@nestjs/common';
import { retryDelayMs } from '@waypoint/domain';
import { errorText, nextAttemptAt, OutboxPoller } from './outbox-poller';

interface Row {
  id: string;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function until(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function quietLogger(): { logger: Logger; errors: unknown[][] } {
  const logger = new Logger('OutboxPollerSpec');
  const errors: unknown[][] = [];
  jest.spyOn(logger, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
  return { logger, errors };
}

/** An outbox of `rows`, claimed in order; records what was delivered and released. */
function fakeOutbox(rows: string[]) {
  const queue = rows.map((id) => ({ id }));
  const delivered: string[] = [];
  const released: string[] = [];
  const claims: number[] = [];
  return {
    delivered,
    released,
    claims,
    claim: (limit: number): Promise<Row[]> => {
      claims.push(limit);
      return Promise.resolve(queue.splice(0, limit));
    },
    release: (ids: string[]): Promise<void> => {
      released.push(...ids);
      return Promise.resolve();
    },
  };
}

describe('OutboxPoller', () => {
  const pollers: OutboxPoller[] = [];
  const poller = (options: Partial<ConstructorParameters<typeof OutboxPoller>[0]>) => {
    const made = new OutboxPoller({
      name: 'test',
      logger: quietLogger().logger,
      pollMs: 10,
      run: () => Promise.resolve(),
      ...options,
    });
    pollers.push(made);
    return made;
  };
  afterEach(async () => {
    await Promise.all(pollers.splice(0).map((p) => p.stop()));
  });

  it('runs at once, then every pollMs after a run ends; a failed run is logged and the next still comes', async () => {
    const { logger, errors } = quietLogger();
    let runs = 0;
    const p = poller({
      logger,
      run: () => {
        runs++;
        return runs === 1 ? Promise.reject(new Error('database away')) : Promise.resolve();
      },
    });
    p.start();
    await until(() => runs >= 3);
    expect(errors[0]).toEqual([{ error: 'database away' }, 'test outbox run failed']);
    expect(errors).toHaveLength(1);
  });

  it('stop() schedules no further run and waits for the run in progress', async () => {
    const gate = deferred();
    let runs = 0;
    let finished = false;
    const p = poller({
      run: async () => {
        runs++;
        await gate.promise;
        finished = true;
      },
    });
    p.start();
    await until(() => runs === 1);
    const stopping = p.stop();
    expect(p.stopped).toBe(true);
    gate.resolve();
    await stopping;
    expect(finished).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs).toBe(1);
  });

  it('stop() gives up waiting for a run that hangs after stopWaitMs', async () => {
    let runs = 0;
    const p = poller({
      stopWaitMs: 50,
      run: () => {
        runs++;
        return new Promise<void>(() => undefined);
      },
    });
    p.start();
    await until(() => runs === 1);
    const began = Date.now();
    await p.stop();
    expect(Date.now() - began).toBeLessThan(1_000);
  });

  it('names this process as the holder of a lease, with the suffix when given', () => {
    expect(poller({}).workerId).toMatch(/^.+:\d+:[0-9a-f]{8}$/);
    expect(poller({ suffix: 'webhooks' }).workerId).toMatch(/^.+:\d+:[0-9a-f]{8}:webhooks$/);
  });

  describe('drain', () => {
    it('one by one: claims batches until one comes back short', async () => {
      const outbox = fakeOutbox(['a', 'b', 'c', 'd', 'e']);
      const p = poller({});
      await p.drain({
        ...outbox,
        size: 2,
        deliver: (row) => Promise.resolve(void outbox.delivered.push(row.id)),
        sending: 'one-by-one',
      });
      expect(outbox.delivered).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(outbox.claims).toEqual([2, 2, 2]);
      expect(outbox.released).toEqual([]);
    });

    it('one by one: claims again after a full last batch, and stops at an empty one', async () => {
      const outbox = fakeOutbox(['a', 'b']);
      const p = poller({});
      await p.drain({
        ...outbox,
        size: 2,
        deliver: (row) => Promise.resolve(void outbox.delivered.push(row.id)),
        sending: 'one-by-one',
      });
      expect(outbox.claims).toEqual([2, 2]);
      expect(outbox.delivered).toEqual(['a', 'b']);
    });

    it('one by one: when stopped mid-batch, gives back the rows not yet sent', async () => {
      const outbox = fakeOutbox(['a', 'b', 'c']);
      const p = poller({});
      await p.drain({
        ...outbox,
        size: 3,
        deliver: async (row) => {
          outbox.delivered.push(row.id);
          if (row.id === 'a') await p.stop();
        },
        sending: 'one-by-one',
      });
      expect(outbox.delivered).toEqual(['a']);
      expect(outbox.released).toEqual(['b', 'c']);
    });

    it('side by side: sends a whole batch at once', async () => {
      const outbox = fakeOutbox(['a', 'b', 'c']);
      const gate = deferred();
      let inFlight = 0;
      let most = 0;
      const p = poller({});
      const draining = p.drain({
        ...outbox,
        size: 3,
        deliver: async (row) => {
          inFlight++;
          most = Math.max(most, inFlight);
          await gate.promise;
          inFlight--;
          outbox.delivered.push(row.id);
        },
        sending: 'side-by-side',
      });
      await until(() => inFlight === 3);
      gate.resolve();
      await draining;
      expect(most).toBe(3);
      expect(outbox.delivered.sort()).toEqual(['a', 'b', 'c']);
      expect(outbox.claims).toEqual([3, 3]);
    });

    it('side by side: a batch claimed as the poller stops is given back whole', async () => {
      const outbox = fakeOutbox(['a', 'b']);
      const p = poller({});
      await p.drain({
        ...outbox,
        claim: async (limit) => {
          const rows = await outbox.claim(limit);
          await p.stop();
          return rows;
        },
        size: 5,
        deliver: (row) => Promise.resolve(void outbox.delivered.push(row.id)),
        sending: 'side-by-side',
      });
      expect(outbox.delivered).toEqual([]);
      expect(outbox.released).toEqual(['a', 'b']);
    });

    it('claims nothing once stopped', async () => {
      const outbox = fakeOutbox(['a']);
      const p = poller({});
      await p.stop();
      await p.drain({
        ...outbox,
        size: 1,
        deliver: () => Promise.resolve(),
        sending: 'one-by-one',
      });
      expect(outbox.claims).toEqual([]);
    });
  });
});

describe('nextAttemptAt', () => {
  const settings = { retryBaseMs: 30_000, retryMaxMs: 3_600_000, maxAttempts: 3 };
  const now = Date.parse('2026-03-02T09:00:00Z');

  it.each([1, 2])('after failed attempt %i: due again after the backoff', (attempts) => {
    expect(nextAttemptAt(attempts, settings, now)).toEqual(
      new Date(now + retryDelayMs(attempts, settings.retryBaseMs, settings.retryMaxMs)),
    );
  });

  it.each([3, 4])('after failed attempt %i of 3: failed for good (null)', (attempts) => {
    expect(nextAttemptAt(attempts, settings, now)).toBeNull();
  });

  it('waits longer after each failure', () => {
    const first = nextAttemptAt(1, settings, now)?.getTime() ?? 0;
    const second = nextAttemptAt(2, settings, now)?.getTime() ?? 0;
    expect(first).toBeGreaterThan(now);
    expect(second).toBeGreaterThan(first);
  });
});

describe('errorText', () => {
  it('is the message of an Error, else the value as text', () => {
    expect(errorText(new Error('connection refused'))).toBe('connection refused');
    expect(errorText('timeout')).toBe('timeout');
    expect(errorText(42)).toBe('42');
  });
});
