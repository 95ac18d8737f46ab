/** The limiter's queue is full: the caller should answer 503 and ask to retry. */
export class LimiterFullError extends Error {
  constructor() {
    super('Too many waiting: try again shortly.');
    this.name = 'LimiterFullError';
  }
}

/**
 * A small semaphore: at most `concurrency` tasks run at once, at most `queue` more wait their
 * turn (first come, first served), and any beyond that are refused at once with LimiterFullError.
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  /** Tasks running now and tasks waiting (for tests and diagnostics). */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.concurrency) {
      this.active++;
    } else {
      if (this.waiting.length >= this.queue) throw new LimiterFullError();
      // The slot is handed over by the task that finishes; active stays counted.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
