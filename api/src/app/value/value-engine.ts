import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type ValueWriteListener, ValueWrites } from '../common';
import { rebuildValueRows, recomputeInitiatives } from './value-rebuild';
import { ValueStore } from './value-store.repository';

/**
 * Keeps the stored value rows up to date on write: registered with {@link ValueWrites}, it runs
 * in the writer's transaction, so the rows commit or roll back with the write that changed them.
 */
@Injectable()
export class ValueEngine implements ValueWriteListener, OnModuleInit {
  constructor(
    private readonly writes: ValueWrites,
    private readonly store: ValueStore,
  ) {}

  onModuleInit(): void {
    this.writes.register(this);
  }

  /** A reading, its correction or a measure changed: only these initiatives' rows. */
  async initiativesChanged(initiativeIds: readonly string[]): Promise<void> {
    await recomputeInitiatives(this.store.sql, initiativeIds);
  }

  /** A cycle was created or re-dated: every initiative's rows, a batch at a time. */
  async cyclesChanged(): Promise<void> {
    await rebuildValueRows(this.store.sql);
  }
}
