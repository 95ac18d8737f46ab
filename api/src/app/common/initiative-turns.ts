import { Injectable } from '@nestjs/common';

/** A write waited its turn on an initiative longer than {@link InitiativeTurns} lets it. */
export class InitiativeBusyError extends Error {
  constructor(readonly waitedMs: number) {
    super(`waited ${waitedMs} ms for the initiative's earlier writes`);
    this.name = 'InitiativeBusyError';
  }
}

/** How long a write waits behind the earlier writes of its initiative (then 503, busy). */
export const TURN_WAIT_MS = 20_000;

/**
 * Writes of one initiative, one at a time in this process, in arrival order. Each recomputes the
 * initiative's stored value rows under the initiative's advisory lock (ValueStore.lockInitiatives,
 * which still orders writers across instances); waiting here rather than on that lock means a
 * burst of writes to one initiative holds one pooled connection, not all of them, so the writes
 * to other initiatives and every read go on meanwhile. Nothing is kept but the queue's tail.
 */
@Injectable()
export class InitiativeTurns {
  private readonly tails = new Map<string, Promise<void>>();

  /** How long a writer waits for its turn (tests shorten it). */
  waitMs = TURN_WAIT_MS;

  async inTurn<T>(initiativeId: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(initiativeId) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    // The next writer waits for the earlier ones and for this one, even if this one gives up.
    const tail = before.then(() => mine);
    this.tails.set(initiativeId, tail);
    try {
      await this.waitFor(before);
      return await work();
    } finally {
      release();
      void tail.then(() => {
        if (this.tails.get(initiativeId) === tail) this.tails.delete(initiativeId);
      });
    }
  }

  /** Writers waiting or working, over every initiative (for tests and diagnostics). */
  get size(): number {
    return this.tails.size;
  }

  private waitFor(before: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new InitiativeBusyError(this.waitMs)), this.waitMs);
    });
    return Promise.race([before, timeout]).finally(() => clearTimeout(timer));
  }
}
