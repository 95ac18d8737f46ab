import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  DataSource,
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
 * - PostgreSQL server: `pg_notify` through the transaction's own connection (PostgreSQL delivers
 *   it on commit, to every instance), received by one dedicated LISTEN connection per process.
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
    if (this.config.database.kind !== 'server') {
      this.dataSource.subscribers.push(this);
      return;
    }
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

  /** Queues the event in the current unit of work (the change's); it goes out on commit only. */
  async publish(envelope: BusMessage): Promise<void> {
    const manager = this.txHost.tx;
    if (this.throughPostgres) {
      await manager.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, encodeEnvelope(envelope)]);
      return;
    }
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) pendingOf(runner).push(envelope);
    else this.deliver(envelope);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return;
    const pending = pendingOf(runner).splice(0);
    for (const envelope of pending) this.deliver(envelope);
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
