interface Lane<T> {
  /** The run in progress, if any. */
  running: Promise<void> | null;
  /** The next run, not started yet: whoever asks now shares it. */
  waiting: Promise<void> | null;
  /** What the callers of the waiting run brought (`run`'s `item`), for its work. */
  items: T[];
}

/**
 * One run at a time per key, shared by everyone who asks before it starts. `run(key, work)`
 * resolves after a run of `work` that started after the call: the callers that arrive while a run
 * is in progress share the one run after it, however many they are. So a burst of N requests on
 * one key costs two runs, not N, and the last of them waits for two runs, not for N.
 *
 * What the value engine recomputes an initiative's rows with after a reading commits (the run
 * loads the initiative's inputs when it starts, so it sees every reading committed before that).
 * A run's work is the one given by the caller that scheduled it; the others' `work` is not called
 * (it is the same work for the same key), and it gets every sharing caller's `item` (the engine:
 * their readings' held live events, which its commit sends). Nothing is kept once a key's runs
 * are done.
 */
export class CoalescingLanes<T = never> {
  private readonly lanes = new Map<string, Lane<T>>();

  run(key: string, work: (items: readonly T[]) => Promise<void>, item?: T): Promise<void> {
    const lane = this.lanes.get(key) ?? { running: null, waiting: null, items: [] };
    this.lanes.set(key, lane);
    if (item !== undefined) lane.items.push(item);
    if (lane.waiting) return lane.waiting;
    const waiting = (lane.running ?? Promise.resolve()).then(
      () => this.start(key, lane, work),
      () => this.start(key, lane, work),
    );
    lane.waiting = waiting;
    return waiting;
  }

  /** Keys with a run in progress or waiting (for tests and diagnostics). */
  get size(): number {
    return this.lanes.size;
  }

  private start(
    key: string,
    lane: Lane<T>,
    work: (items: readonly T[]) => Promise<void>,
  ): Promise<void> {
    // From here on, a new caller needs a later run: this one may have loaded its inputs already.
    lane.waiting = null;
    const items = lane.items;
    lane.items = [];
    const running = work(items);
    lane.running = running;
    const done = (): void => {
      if (lane.running === running) lane.running = null;
      if (lane.running === null && lane.waiting === null && this.lanes.get(key) === lane) {
        this.lanes.delete(key);
      }
    };
    running.then(done, done);
    return running;
  }
}
