import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import { ClsService } from 'nestjs-cls';
import type { StatementNotify } from '../common';
import { AppConfig } from '../config';
import { decodeEnvelope, encodeEnvelope, LIVE_CHANNEL, type BusMessage } from './live-envelope';
import { PgListener } from './pg-listener';

export type LiveListener = (message: BusMessage) => void;

const PENDING = 'waypointLiveEvents';
const CARRIED = 'waypointLiveCarried';
/** The request's (CLS) key of the events held by holdUntilDone. */
const HOLD = 'waypointLiveHold';

function pendingOf(runner: QueryRunner): BusMessage[] {
  const data = runner.data as Record<string, BusMessage[] | undefined>;
  const pending = data[PENDING] ?? [];
  data[PENDING] = pending;
  return pending;
}

/** Events held until a work is done (LiveBus.holdUntilDone): a handle to pass along. */
export interface HeldEvents {
  readonly events: BusMessage[];
}

/** Held events a transaction's statement carries (takeForStatement), with the hold of each. */
type Carried = Array<{ hold: HeldEvents; events: BusMessage[] }>;

function takeCarried(runner: QueryRunner): Carried {
  const data = runner.data as Record<string, Carried | undefined>;
  const carried = data[CARRIED] ?? [];
  data[CARRIED] = undefined;
  return carried;
}

/**
 * Fans changes out to every instance's live streams, delivered only when their transaction
 * commits.
 *
 * - PostgreSQL server: the events wait on the transaction's query runner and go out right after
 *   its COMMIT as one `pg_notify` statement on the same connection (to every instance), received
 *   by one dedicated LISTEN connection per process. A rolled-back change sends nothing.
 * - Embedded PGlite: its socket server gives every client the same backend and hands a
 *   notification to the connection that committed, not to the listener, so LISTEN/NOTIFY does not
 *   work there. It is one process only (the data-folder lock), so an in-process bus is enough:
 *   the events wait on the transaction's query runner and go out after its COMMIT.
 */
@Injectable()
export class LiveBus implements OnModuleInit, OnModuleDestroy, EntitySubscriberInterface {
  private readonly logger = new Logger('LiveBus');
  private readonly listeners = new Set<LiveListener>();
  private readonly resyncListeners = new Set<() => void>();
  private listener: PgListener | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService,
  ) {}

  /** Whether events cross instances through PostgreSQL (else: this process only). */
  get throughPostgres(): boolean {
    return this.config.database.kind === 'server';
  }

  async onModuleInit(): Promise<void> {
    this.dataSource.subscribers.push(this);
    if (this.config.database.kind !== 'server') return;
    this.listener = new PgListener({
      url: this.config.database.url,
      channel: LIVE_CHANNEL,
      onPayload: (payload) => {
        const envelope = decodeEnvelope(payload);
        if (envelope) this.deliver(envelope);
        else this.logger.warn('ignored a malformed live event');
      },
      onReconnected: () => this.resync(),
    });
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener?.close();
    this.listener = null;
  }

  subscribe(listener: LiveListener, onResync: () => void): () => void {
    this.listeners.add(listener);
    this.resyncListeners.add(onResync);
    return () => {
      this.listeners.delete(listener);
      this.resyncListeners.delete(onResync);
    };
  }

  /**
   * Queues the event in the current unit of work (the change's); it goes out once that commits
   * (outside one: at once, or with the held events under holdUntilDone). On PostgreSQL the NOTIFY
   * is sent after COMMIT, on the same connection, one statement for all the change's events: the
   * change's transaction neither waits for it nor holds its locks while PostgreSQL serialises the
   * commits of notifying transactions (takeForStatement is the exception, for a transaction whose
   * commit does not wait for the WAL).
   */
  async publish(envelope: BusMessage): Promise<void> {
    const manager = this.txHost.tx;
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) {
      if (this.throughPostgres) encodeEnvelope(envelope); // too large: refused now, not after commit
      pendingOf(runner).push(envelope);
      return;
    }
    const hold = this.heldEvents();
    if (hold) {
      if (this.throughPostgres) encodeEnvelope(envelope);
      hold.events.push(envelope);
      return;
    }
    if (this.throughPostgres) await this.notify(manager, [envelope]);
    else this.deliver(envelope);
  }

  /**
   * Runs `work`, holding the events it publishes outside a transaction: a transaction of `work`
   * may carry them in one of its statements (takeForStatement), so that they go out at its
   * commit; what is still held when `work` ends, whether it succeeded or failed, goes out then.
   * A recorded reading holds its event until its initiative's value rows are recomputed: one
   * NOTIFY a reading instead of two, and a page that refetches on the event sees the new rows.
   */
  async holdUntilDone<T>(work: () => Promise<T>): Promise<T> {
    // The hold lives in the request's context (nestjs-cls, which the transactions use already):
    // an AsyncLocalStorage of its own would add its propagation to every promise of the process.
    if (!this.cls.isActive()) return this.cls.run(() => this.holdUntilDone(work));
    const outer = this.heldEvents();
    const hold: HeldEvents = { events: [] };
    this.cls.set(HOLD, hold);
    try {
      return await work();
    } finally {
      this.cls.set(HOLD, outer ?? undefined);
      const left = hold.events.splice(0);
      if (left.length > 0) await this.sendCommitted(this.txHost.tx, left);
    }
  }

  /** The events held for the current work (holdUntilDone), or null outside one. */
  heldEvents(): HeldEvents | null {
    if (!this.cls.isActive()) return null;
    return this.cls.get<HeldEvents | undefined>(HOLD) ?? null;
  }

  /**
   * Takes the current transaction's events, and those held by the work it runs in and by
   * `holds` (other works it runs for), for one of its own statements to NOTIFY: they are
   * delivered when the transaction commits, with no statement of their own after it. For a
   * transaction that does not wait for the WAL's flush at commit (a notifying commit holds
   * PostgreSQL's notification lock until it ends, which every other notifying commit waits for).
   * If the transaction rolls back, the held events are held again and its own are dropped, as
   * ever. Embedded, the events stay with the transaction and are delivered in this process after
   * its commit: no payloads. The held events come first (they were published first: a reading,
   * then its recomputed values).
   */
  takeForStatement(holds: readonly HeldEvents[] = []): StatementNotify {
    const runner = this.txHost.tx.queryRunner;
    if (!runner?.isTransactionActive) {
      throw new Error('LiveBus.takeForStatement must run inside a transaction');
    }
    const here = this.heldEvents();
    const taken = [...new Set(here ? [here, ...holds] : holds)].map((hold) => ({
      hold,
      events: hold.events.splice(0),
    }));
    const held = taken.flatMap((t) => t.events);
    const data = runner.data as Record<string, Carried | undefined>;
    data[CARRIED] = [...takeCarried(runner), ...taken];
    if (!this.throughPostgres) {
      pendingOf(runner).unshift(...held);
      return { channel: LIVE_CHANNEL, payloads: [] };
    }
    const events = pendingOf(runner).splice(0);
    return { channel: LIVE_CHANNEL, payloads: [...held, ...events].map(encodeEnvelope) };
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return;
    takeCarried(runner);
    const pending = pendingOf(runner).splice(0);
    if (pending.length > 0) await this.sendCommitted(runner.manager, pending);
  }

  /** Sends events whose change is committed (delivers them, embedded). */
  private async sendCommitted(
    manager: EntityManager,
    events: readonly BusMessage[],
  ): Promise<void> {
    if (!this.throughPostgres) {
      for (const envelope of events) this.deliver(envelope);
      return;
    }
    try {
      await this.notify(manager, events);
    } catch (error) {
      // The change is committed: its answer stands; the streams catch up at their next resync.
      this.logger.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'could not announce committed changes to the live streams',
      );
    }
  }

  private async notify(manager: EntityManager, envelopes: readonly BusMessage[]): Promise<void> {
    await manager.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
      LIVE_CHANNEL,
      envelopes.map(encodeEnvelope),
    ]);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return;
    pendingOf(runner).splice(0);
    // Held events the transaction was to carry: their changes are committed, so they go out.
    for (const { hold, events } of takeCarried(runner)) hold.events.push(...events);
  }

  private deliver(envelope: BusMessage): void {
    for (const listener of this.listeners) {
      try {
        listener(envelope);
      } catch (error) {
        this.logger.error(
          { error: error instanceof Error ? error.message : String(error) },
          'live listener failed',
        );
      }
    }
  }

  private resync(): void {
    for (const onResync of this.resyncListeners) onResync();
  }
}
