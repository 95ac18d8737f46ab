import { Global, Injectable, Module } from '@nestjs/common';
import { InitiativeTurns } from './initiative-turns';

/**
 * What keeps the value picture up to date when its inputs change. Listeners run inside the
 * writer's transaction, so the stored standings, indices and alerts commit or roll back with the
 * write that changed them (issue 13: "kept up to date on write").
 */
export interface ValueWriteListener {
  /**
   * The value inputs of these initiatives changed: a reading or its correction, a measure's
   * baseline, target, direction, weight, perspective or customer group, a measure added.
   */
  initiativesChanged(initiativeIds: readonly string[]): Promise<void>;
  /** A cycle was created or re-dated: every initiative's per-cycle picture may differ. */
  cyclesChanged(): Promise<void>;
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
}

/** Provides {@link ValueWrites} and {@link InitiativeTurns} to every feature. */
@Global()
@Module({ providers: [ValueWrites, InitiativeTurns], exports: [ValueWrites, InitiativeTurns] })
export class ValueWritesModule {}
