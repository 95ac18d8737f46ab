/** A run as its work sees it. */
export interface LaneRun<T> {
  /**
   * Closes the run to new callers and answers the items of every caller it serves. The work
   * calls it right before it reads what its callers wrote (the engine: before it sends the
   * statement that loads the inputs, whose snapshot is taken after): a caller that arrives
   * later needs the next run.
   */
  seal(): readonly T[];
}

interface OpenRun<T> {
  running: Promise<void>;
  items: T[];
  sealed: boolean;
  /** What the callers who joined wait for, made when the first joins. */
  joined: Promise<void> | null;
}

interface Lane<T> {
  /** The run in progress, if any. */
  running: Promise<void> | null;
  /** The run in progress while it has not sealed: whoever asks now shares it. */
  open: OpenRun<T> | null;
  /** The next run, not started yet: whoever asks while the run in progress is sealed shares it. */
  waiting: Promise<void> | null;
  /** What the callers of the waiting run brought (`run`'s `item`), for its work. */
  items: T[];
}

/**
 * One run at a time per key, shared by everyone who asks before it reads. `run(key, work)`
 * resolves after a run of `work` that sealed after the call ({@link LaneRun.seal}): a caller
 * joins the run in progress while it has not sealed (it is still waiting for its connection or
 * its lock), and else shares the one run after it, however many they are. So a burst of N
 * requests on one key costs at most two runs, not N, and none of them waits for more than two.
 *
 * What the value engine recomputes an initiative's rows with after a reading commits (the run
 * seals right before it loads the initiative's inputs, so it sees every reading committed before
 * it sealed). A run's work is the one given by the caller that scheduled it; the others' `work`
 * is not called (it is the same work for the same key), and it gets every sharing caller's
 * `item` from `seal` (the engine: their readings' held live events, which its commit sends). A
 * run that fails rejects everyone it serves; one that ends without sealing serves no one who
 * joined it (they are served by the next run). Nothing is kept once a key's runs are done.
 */
export class CoalescingLanes<T = never> {
  private readonly lanes = new Map<string, Lane<T>>();

  run(key: string, work: (run: LaneRun<T>) => Promise<void>, item?: T): Promise<void> {
    const lane = this.lanes.get(key) ?? { running: null, open: null, waiting: null, items: [] };
    this.lanes.set(key, lane);
    const open = lane.open;
    if (open) {
      if (item !== undefined) open.items.push(item);
      // If the run ends without sealing, it read nothing after they came: they get the next.
      open.joined ??= open.running.then(() => (open.sealed ? undefined : this.run(key, work)));
      return open.joined;
    }
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
    work: (run: LaneRun<T>) => Promise<void>,
  ): Promise<void> {
    lane.waiting = null;
    const items = lane.items;
    lane.items = [];
    // Until it seals, callers join this run (`run`); `running` is set before any can.
    const open: OpenRun<T> = { running: Promise.resolve(), items, sealed: false, joined: null };
    const seal = (): readonly T[] => {
      open.sealed = true;
      if (lane.open === open) lane.open = null;
      return items;
    };
    const running = work({ seal });
    open.running = running;
    lane.running = running;
    if (!open.sealed) lane.open = open;
    const done = (): void => {
      if (lane.open === open) lane.open = null;
      if (lane.running === running) lane.running = null;
      if (lane.running === null && lane.waiting === null && this.lanes.get(key) === lane) {
        this.lanes.delete(key);
      }
    };
    running.then(done, done);
    return running;
  }
}
