import { CoalescingLanes, type LaneRun } from './coalescing-lanes';

/**
 * A run that ends when the test says so, recording when it started. It seals as it starts (it
 * reads at once), or never (`seals` false: it ends or fails before it reads).
 */
function controlledWork(log: string[]) {
  const ends: Array<(error?: Error) => void> = [];
  const work =
    (name: string, seals = true) =>
    (run: LaneRun<unknown>): Promise<void> =>
      new Promise<void>((resolve, reject) => {
        log.push(`start ${name}`);
        if (seals) run.seal();
        ends.push((error) => (error ? reject(error) : resolve()));
      });
  const end = async (error?: Error): Promise<void> => {
    const next = ends.shift();
    if (!next) throw new Error('no run in progress');
    next(error);
    await flush();
  };
  return { work, end };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('CoalescingLanes', () => {
  it('runs the work of a lone caller once and forgets the key', async () => {
    const lanes = new CoalescingLanes();
    const log: string[] = [];
    const { work, end } = controlledWork(log);
    const done = lanes.run('a', work('first'));
    await flush();
    expect(log).toEqual(['start first']);
    await end();
    await expect(done).resolves.toBeUndefined();
    expect(lanes.size).toBe(0);
  });

  it('makes the callers that arrive during a run share one run after it', async () => {
    const lanes = new CoalescingLanes();
    const log: string[] = [];
    const { work, end } = controlledWork(log);
    const settled: string[] = [];
    const track = (name: string, p: Promise<void>) => p.then(() => settled.push(name));

    void track('first', lanes.run('a', work('first')));
    await flush();
    const burst = Array.from({ length: 5 }, (_u, n) =>
      track(`burst ${n}`, lanes.run('a', work(`burst ${n}`))),
    );
    await flush();
    // The burst waits for the run in progress (it may have loaded its inputs already).
    expect(log).toEqual(['start first']);
    await end();
    expect(settled).toEqual(['first']);
    // One run for the five, with the work of the first of them.
    expect(log).toEqual(['start first', 'start burst 0']);
    const late = track('late', lanes.run('a', work('late')));
    await end();
    await Promise.all(burst);
    expect(settled).toEqual(['first', 'burst 0', 'burst 1', 'burst 2', 'burst 3', 'burst 4']);
    // Whoever came once the burst's run had started needs a run of its own.
    expect(log).toEqual(['start first', 'start burst 0', 'start late']);
    await end();
    await late;
    expect(lanes.size).toBe(0);
  });

  it('keeps keys apart', async () => {
    const lanes = new CoalescingLanes();
    const log: string[] = [];
    const { work, end } = controlledWork(log);
    const a = lanes.run('a', work('a'));
    const b = lanes.run('b', work('b'));
    await flush();
    expect(log).toEqual(['start a', 'start b']);
    expect(lanes.size).toBe(2);
    await end();
    await end();
    await Promise.all([a, b]);
    expect(lanes.size).toBe(0);
  });

  it('rejects the callers of a failed run, and still runs for those after it', async () => {
    const lanes = new CoalescingLanes();
    const log: string[] = [];
    const { work, end } = controlledWork(log);
    const failing = lanes.run('a', work('failing'));
    const outcome = failing.then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    await flush();
    const after = lanes.run('a', work('after'));
    await end(new Error('database gone'));
    expect(await outcome).toBe('database gone');
    expect(log).toEqual(['start failing', 'start after']);
    await end();
    await expect(after).resolves.toBeUndefined();
    expect(lanes.size).toBe(0);
  });

  it('hands a run the items of every caller that shares it, and each item to one run only', async () => {
    const lanes = new CoalescingLanes<string>();
    const given: string[][] = [];
    const ends: Array<() => void> = [];
    const work = (run: LaneRun<string>): Promise<void> =>
      new Promise<void>((resolve) => {
        given.push([...run.seal()]);
        ends.push(resolve);
      });
    const first = lanes.run('a', work, 'first');
    await flush();
    const shared = [
      lanes.run('a', work, 'second'),
      lanes.run('a', work),
      lanes.run('a', work, 'third'),
    ];
    await flush();
    expect(given).toEqual([['first']]);
    ends.shift()?.();
    await first;
    await flush();
    expect(given).toEqual([['first'], ['second', 'third']]);
    ends.shift()?.();
    await Promise.all(shared);
    expect(lanes.size).toBe(0);
  });

  it('lets callers join the run in progress until it seals, with their items', async () => {
    const lanes = new CoalescingLanes<string>();
    const log: string[] = [];
    const given: Array<readonly string[]> = [];
    const ends: Array<() => void> = [];
    const seals: Array<() => void> = [];
    const work = (run: LaneRun<string>): Promise<void> =>
      new Promise<void>((resolve) => {
        log.push('start');
        seals.push(() => given.push([...run.seal()]));
        ends.push(resolve);
      });
    const settled: string[] = [];
    const track = (name: string, p: Promise<void>) => p.then(() => settled.push(name));
    void track('first', lanes.run('a', work, 'first'));
    await flush();
    // Still waiting for its connection and lock: these readings are in its snapshot.
    const joined = [
      track('second', lanes.run('a', work, 'second')),
      track('plain', lanes.run('a', work)),
    ];
    await flush();
    expect(log).toEqual(['start']);
    seals.shift()?.();
    expect(given).toEqual([['first', 'second']]);
    // Sealed: a later caller needs the next run, which starts when this one ends.
    const late = track('late', lanes.run('a', work, 'late'));
    await flush();
    expect(log).toEqual(['start']);
    ends.shift()?.();
    await Promise.all(joined);
    expect([...settled].sort()).toEqual(['first', 'plain', 'second']);
    expect(log).toEqual(['start', 'start']);
    seals.shift()?.();
    expect(given).toEqual([['first', 'second'], ['late']]);
    ends.shift()?.();
    await late;
    expect(settled).toHaveLength(4);
    expect(settled[3]).toBe('late');
    expect(lanes.size).toBe(0);
  });

  it('gives the callers who joined a run that ended without sealing a run after it', async () => {
    const lanes = new CoalescingLanes();
    const log: string[] = [];
    const { work, end } = controlledWork(log);
    const first = lanes.run('a', work('unsealed', false));
    await flush();
    let joinedDone = false;
    const joined = lanes.run('a', work('joiner')).then(() => {
      joinedDone = true;
    });
    await end();
    await first;
    // The run read nothing after the joiner came: the joiner is not served by it.
    expect(joinedDone).toBe(false);
    expect(log).toEqual(['start unsealed', 'start joiner']);
    await end();
    await joined;
    expect(joinedDone).toBe(true);
    expect(lanes.size).toBe(0);
  });

  it('rejects the callers who joined a run that failed before sealing', async () => {
    const lanes = new CoalescingLanes();
    const log: string[] = [];
    const { work, end } = controlledWork(log);
    const first = lanes.run('a', work('failing', false)).catch((error: Error) => error.message);
    await flush();
    const joined = lanes.run('a', work('joiner')).catch((error: Error) => error.message);
    await end(new Error('lock timeout'));
    expect(await first).toBe('lock timeout');
    expect(await joined).toBe('lock timeout');
    expect(log).toEqual(['start failing']);
    expect(lanes.size).toBe(0);
  });
});
