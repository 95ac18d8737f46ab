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
import { AppConfig } from '../config';
import { decodeEnvelope, encodeEnvelope, LIVE_CHANNEL, type BusMessage } from './live-envelope';
import { PgListener } from './pg-listener';

export type LiveListener = (message: BusMessage) => void;

const PENDING = 'waypointLiveEvents';

function pendingOf(runner: QueryRunner): BusMessage[] {
  const data = runner.data as Record<string, BusMessage[] | undefined>;
  const pending = data[PENDING] ?? [];
  data[PENDING] = pending;
  return pending;
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
   * (at once outside one). On PostgreSQL the NOTIFY is sent after COMMIT, on the same connection,
   * one statement for all the change's events: the change's transaction neither waits for it nor
   * holds its locks while PostgreSQL serialises the commits of notifying transactions.
   */
  async publish(envelope: BusMessage): Promise<void> {
    const manager = this.txHost.tx;
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) {
      if (this.throughPostgres) encodeEnvelope(envelope); // too large: refused now, not after commit
      pendingOf(runner).push(envelope);
      return;
    }
    if (this.throughPostgres) await this.notify(manager, [envelope]);
    else this.deliver(envelope);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return;
    const pending = pendingOf(runner).splice(0);
    if (pending.length === 0) return;
    if (!this.throughPostgres) {
      for (const envelope of pending) this.deliver(envelope);
      return;
    }
    try {
      await this.notify(runner.manager, pending);
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
    if (!event.queryRunner.isTransactionActive) pendingOf(event.queryRunner).splice(0);
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
