import { Global, Injectable, Module } from '@nestjs/common';

/**
 * What keeps the value picture up to date when its inputs change. The writes of measures and
 * cycles call it inside their transaction, so the stored standings, indices and alerts commit or
 * roll back with them (issue 13: "kept up to date on write"). A reading, the hot write, commits
 * first and calls `readingsCommitted` at once: the rows are recomputed before its answer is sent,
 * once for every reading of the initiative committed meanwhile (issue 18).
 */
export interface ValueWriteListener {
  /**
   * The value inputs of these initiatives changed: a reading or its correction, a measure's
   * baseline, target, direction, weight, perspective or customer group, a measure added.
   */
  initiativesChanged(initiativeIds: readonly string[]): Promise<void>;
  /** A cycle was created or re-dated: every initiative's per-cycle picture may differ. */
  cyclesChanged(): Promise<void>;
  /**
   * Readings of these initiatives were recorded or withdrawn by a transaction that has just
   * committed: recomputes their rows now, in a transaction of their own (inside the caller's, if
   * one is still open). Resolves once the rows include those readings.
   */
  readingsCommitted(initiativeIds: readonly string[]): Promise<void>;
}

/**
 * The seam between the features that write value inputs (measures, readings, cycles) and the
 * value engine that keeps their consequences (api/src/app/value). It lives in common so that
 * neither side imports the other: writers call it, the value module registers its listeners.
 * Callers must be inside a transaction.
 */
@Injectable()
export class ValueWrites {
  private readonly listeners: ValueWriteListener[] = [];

  register(listener: ValueWriteListener): void {
    this.listeners.push(listener);
  }

  async initiativesChanged(initiativeIds: readonly string[]): Promise<void> {
    const unique = [...new Set(initiativeIds)];
    if (unique.length === 0) return;
    for (const listener of this.listeners) {
      await listener.initiativesChanged(unique);
    }
  }

  async cyclesChanged(): Promise<void> {
    for (const listener of this.listeners) {
      await listener.cyclesChanged();
    }
  }

  async readingsCommitted(initiativeIds: readonly string[]): Promise<void> {
    const unique = [...new Set(initiativeIds)];
    if (unique.length === 0) return;
    for (const listener of this.listeners) {
      await listener.readingsCommitted(unique);
    }
  }
}

/** Provides {@link ValueWrites} to every feature. */
@Global()
@Module({ providers: [ValueWrites], exports: [ValueWrites] })
export class ValueWritesModule {}
