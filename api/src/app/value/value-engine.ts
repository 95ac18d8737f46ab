import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type ValueWriteListener, ValueWrites } from '../common';
import { AlertEngine } from './alerts/alert-engine.service';
import { rebuildValueRows, recomputeInitiatives } from './value-rebuild';
import { ValueStore } from './value-store.repository';

/**
 * Keeps the stored value rows and the alert records up to date on write: registered with
 * {@link ValueWrites}, it runs in the writer's transaction, so they commit or roll back with the
 * write that changed them. The alerts are found from the inputs loaded for the rows (one load).
 */
@Injectable()
export class ValueEngine implements ValueWriteListener, OnModuleInit {
  constructor(
    private readonly writes: ValueWrites,
    private readonly store: ValueStore,
    private readonly alerts: AlertEngine,
  ) {}

  onModuleInit(): void {
    this.writes.register(this);
  }

  /** A reading, its correction or a measure changed: only these initiatives' rows and alerts. */
  async initiativesChanged(initiativeIds: readonly string[]): Promise<void> {
    await this.store.lockInitiatives(initiativeIds);
    const computed = await recomputeInitiatives(this.store.sql, initiativeIds);
    if (computed)
      await this.alerts.initiativesChanged(initiativeIds, computed.inputs, computed.now);
  }

  /** A cycle was created or re-dated: every initiative's rows and alerts, a batch at a time. */
  async cyclesChanged(): Promise<void> {
    await rebuildValueRows(this.store.sql);
    await this.alerts.cyclesChanged();
  }
}
