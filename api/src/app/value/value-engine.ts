import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { PeriodicJob, type ValueWriteListener, ValueWrites } from '../common';
import { envelopeOfAudit, type HeldEvents, LiveBus } from '../live';
import { AlertEngine } from './alerts/alert-engine.service';
import { CoalescingLanes, type LaneRun } from './coalescing-lanes';
import { rebuildValueRows } from './value-rebuild';
import { computeValueRows, engineNow } from './value-rows';
import { isNoChange, type ValueRowsChange, valueRowsChange } from './value-rows-change';
import {
  clearPendingRefreshes,
  loadForRecompute,
  ValueStore,
  writeChanges,
} from './value-store.repository';

/** How often the engine looks for recomputations that never happened (and how many at a time). */
export const PENDING_SWEEP_EVERY_MS = 60_000;
export const PENDING_SWEEP_PAGE = 200;

/**
 * Keeps the stored value rows and the alert records up to date on write, registered with
 * {@link ValueWrites}:
 *
 * - measures and cycles: in the writer's transaction, so the rows commit or roll back with it;
 * - readings (`readingsCommitted`): right after the reading's transaction commits and before its
 *   answer is sent, in a transaction of its own, one initiative at a time and once for all the
 *   readings of an initiative committed before it loads ({@link CoalescingLanes}). Recomputing
 *   inside each reading's transaction made every reading of an initiative wait for the one
 *   before it (the advisory lock below), so at 50 connections a burst queued for seconds
 *   (issue 18).
 *
 * A reading's transaction writes `value_refresh_pending` (a trigger): if the process stops before
 * the recomputation, the next start, or the sweep every minute, does it. The alerts are found
 * from the inputs loaded for the rows (one load).
 */
@Injectable()
export class ValueEngine
  implements ValueWriteListener, OnModuleInit, OnApplicationBootstrap, OnModuleDestroy
{
  /** Per initiative; a run gets the held live events of the readings it recomputes for. */
  private readonly lanes = new CoalescingLanes<HeldEvents>();
  private readonly sweep = new PeriodicJob({
    name: 'value rows sweep',
    everyMs: PENDING_SWEEP_EVERY_MS,
    logger: new Logger('ValueEngine'),
    work: () => this.sweepPending(),
    report: (initiatives) => (initiatives > 0 ? { initiatives } : null),
  });

  constructor(
    private readonly writes: ValueWrites,
    private readonly store: ValueStore,
    private readonly alerts: AlertEngine,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly live: LiveBus,
  ) {}

  onModuleInit(): void {
    this.writes.register(this);
  }

  onApplicationBootstrap(): void {
    this.sweep.start();
  }

  /** Stops the sweep and lets the recomputations in progress finish before the pool closes. */
  onModuleDestroy(): Promise<void> {
    return this.sweep.stop();
  }

  /**
   * These initiatives' inputs changed: under their lock, one statement loads their inputs, stored
   * rows and alert records, libs/domain computes the rows, one statement writes what differs (none
   * when nothing does) and announces it, and the alerts are reconciled from the same inputs. In
   * the caller's transaction (a measure written) or in one of its own (readingsCommitted).
   */
  async initiativesChanged(initiativeIds: readonly string[]): Promise<void> {
    await this.recompute(initiativeIds, 'with-inputs');
  }

  private async recompute(
    initiativeIds: readonly string[],
    only: 'derived' | 'with-inputs',
    lane?: LaneRun<HeldEvents>,
  ): Promise<void> {
    if (initiativeIds.length === 0) return;
    await this.store.lockInitiatives(initiativeIds, only);
    // The load's snapshot is taken after this: a reading committed by now is in it, so its
    // request may share this run; one committed later needs the next.
    const holds = lane?.seal() ?? [];
    const now = engineNow();
    const loaded = await loadForRecompute(this.store.sql, initiativeIds, now);
    const rows = computeValueRows(loaded.inputs, now);
    const change = valueRowsChange(rows, loaded.stored);
    if (!isNoChange(change)) {
      await this.announce(change, loaded.inputs.measures);
      // After readings (a commit that does not wait for the WAL), the write also sends the live
      // events: these rows' and the readings' held ones. Else they go out after the commit.
      const notify = only === 'derived' ? this.live.takeForStatement(holds) : null;
      await writeChanges(this.store.sql, initiativeIds, change, notify);
    }
    await this.alerts.initiativesChanged(initiativeIds, loaded.inputs, now, loaded.alerts);
  }

  /**
   * A `measure` live event for each measure whose stored value rows changed, sent when the
   * recomputation commits: the rows can change without a reading (a measure's target, a cycle),
   * and a reading's own event goes out with its recomputation only when its route held it there
   * (ReadingsService.record).
   */
  private async announce(
    change: ValueRowsChange,
    measures: ReadonlyArray<{ id: string; initiativeId: string }>,
  ): Promise<void> {
    const initiativeOf = new Map(measures.map((m) => [m.id, m.initiativeId]));
    const changed = new Set([
      ...change.upsert.standings.map((r) => r.measureId),
      ...change.upsert.measuresNow.map((r) => r.measureId),
      ...change.gone.standings.map((r) => r.measureId),
      ...change.gone.measuresNow,
    ]);
    const at = new Date();
    for (const measureId of changed) {
      const initiativeId = initiativeOf.get(measureId);
      // A measure deleted meanwhile has no initiative left to tell.
      if (initiativeId === undefined) continue;
      const envelope = envelopeOfAudit(
        { actor: null, entityType: 'measure_value', entityId: measureId, initiativeId },
        at,
      );
      if (envelope) await this.live.publish(envelope);
    }
  }

  /** A cycle was created or re-dated: every initiative's rows and alerts, a batch at a time. */
  async cyclesChanged(): Promise<void> {
    await clearPendingRefreshes(this.store.sql);
    await rebuildValueRows(this.store.sql);
    await this.alerts.cyclesChanged();
  }

  /**
   * Readings of these initiatives committed: each is recomputed in a transaction of its own,
   * shared with the other readings of the initiative that commit before it loads (while it waits
   * for its connection and its lock, or before it starts). Called inside a transaction still
   * open (a caller that wraps the reading in its own), it recomputes there, since another
   * transaction could not see the reading yet.
   */
  async readingsCommitted(initiativeIds: readonly string[]): Promise<void> {
    if (this.txHost.isTransactionActive()) {
      await this.initiativesChanged(initiativeIds);
      return;
    }
    // The readings' held live events go with the run that recomputes for them, whoever
    // scheduled it: sent by its write, they reach the streams with the rows, in order.
    const held = this.live.heldEvents() ?? undefined;
    await Promise.all(
      initiativeIds.map((id) =>
        this.lanes.run(
          id,
          (lane) => this.txHost.withTransaction(() => this.recompute([id], 'derived', lane)),
          held,
        ),
      ),
    );
  }

  /** Recomputes the initiatives left on `value_refresh_pending`; answers how many it did. */
  async sweepPending(): Promise<number> {
    let done = 0;
    for (;;) {
      const ids = await this.store.pendingInitiatives(PENDING_SWEEP_PAGE);
      for (const id of ids) await this.readingsCommitted([id]);
      done += ids.length;
      if (ids.length < PENDING_SWEEP_PAGE) return done;
    }
  }
}
