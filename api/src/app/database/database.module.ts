import { type DynamicModule, Logger, Module, type Provider } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import { Client, type ClientConfig } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';
import { StatementCountingLogger } from '../common';
import { entities } from './entities';
import { runMigrationsLocked } from './migrate-locked';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseModuleOptions {
  /** Resolved connection URL (the server's, or the embedded database's loopback URL). */
  url: string;
  poolSize: number;
  /** A PostgreSQL server (server-side statement timeouts apply) or the embedded database. */
  kind: 'server' | 'embedded';
}

/** Upper bounds so that no request waits forever on a database that went away. */
export const DATABASE_TIMEOUTS = {
  /** A new connection to PostgreSQL that is not up in this long has failed (the server is away). */
  connectMs: 5000,
  /**
   * How long a request waits for a free pooled connection while all are in use by others (a
   * burst of writes): a queue, not an outage, so longer than connectMs. Past it: 503, busy.
   */
  acquireMs: 20_000,
  /** Client side: pg gives up on a query that has had no answer for this long. */
  queryMs: 30_000,
  /** Server side: PostgreSQL cancels a statement running this long (57014, answered 503). */
  statementMs: 25_000,
  /** Server side: a session idle inside a transaction this long is ended. */
  idleInTransactionMs: 60_000,
} as const;

const logger = new Logger('Database');

/**
 * pg-pool has one setting, connectionTimeoutMillis, for both the wait for a free connection and
 * the connect of a new one. The pool gets the wait (acquireMs); its clients connect within
 * connectMs of their own, so a database that went away is still told in 5 s.
 */
export class PooledClient extends Client {
  constructor(config?: ClientConfig) {
    super({ ...config, connectionTimeoutMillis: DATABASE_TIMEOUTS.connectMs });
  }
}

/**
 * The unit of work without a manager to thread: services open one with
 * `txHost.withTransaction(...)` (TransactionHost of @nestjs-cls/transactional), repositories run
 * on `txHost.tx`, the current transaction's EntityManager (the data source's own outside one).
 * The context lives in AsyncLocalStorage (nestjs-cls); its middleware wraps every HTTP request
 * (it works on Fastify), and `withTransaction` opens a context of its own where there is none
 * (start-up, the sweep, the demo).
 */
export function transactionsModule(): DynamicModule {
  return withoutNoOpEnhancers(
    ClsModule.forRoot({
      global: true,
      // No proxy providers here: resolving them would `require` a module on every request.
      middleware: { mount: true, resolveProxyProviders: false },
      plugins: [
        new ClsPluginTransactional({
          imports: [TypeOrmModule],
          adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
        }),
      ],
    }),
  );
}

/**
 * nestjs-cls's root module always provides a global guard and a global interceptor, which do
 * nothing unless they are mounted (`guard.mount`, `interceptor.mount`: off, the middleware opens
 * the context). Nest still runs them on every request, and one global interceptor is enough for
 * it to put each request through an RxJS chain and two `AsyncResource.bind` (a quarter of what
 * GET /api/meta allocates); with none it calls the handler directly. So they are left out.
 */
export function withoutNoOpEnhancers(cls: DynamicModule): DynamicModule {
  const enhancer = (provider: Provider): boolean =>
    typeof provider === 'object' &&
    (provider.provide === APP_GUARD || provider.provide === APP_INTERCEPTOR);
  return {
    ...cls,
    imports: cls.imports?.map((imported) =>
      'module' in imported && imported.providers
        ? { ...imported, providers: imported.providers.filter((provider) => !enhancer(provider)) }
        : imported,
    ),
  };
}

/**
 * TypeORM over `pg`. The schema comes only from migrations, run at start-up under an advisory
 * lock (several instances may start at once).
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        transactionsModule(),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            type: 'postgres',
            url: options.url,
            entities,
            migrations,
            migrationsRun: false,
            migrationsTransactionMode: 'each',
            synchronize: false,
            uuidExtension: 'pgcrypto',
            installExtensions: false,
            namingStrategy: new SnakeNamingStrategy(),
            retryAttempts: 0,
            logging: false,
            logger: new StatementCountingLogger(),
            // An idle pooled connection that dies (pg_terminate_backend, a restart) must not
            // crash the process: pg-pool emits 'error' and drops the client.
            poolErrorHandler: (error: Error) => {
              logger.warn({ error: error.message }, 'an idle database connection was lost');
            },
            extra: {
              max: options.poolSize,
              Client: PooledClient,
              connectionTimeoutMillis: DATABASE_TIMEOUTS.acquireMs,
              query_timeout: DATABASE_TIMEOUTS.queryMs,
              keepAlive: true,
              ...(options.kind === 'server'
                ? {
                    statement_timeout: DATABASE_TIMEOUTS.statementMs,
                    idle_in_transaction_session_timeout: DATABASE_TIMEOUTS.idleInTransactionMs,
                  }
                : {}),
              idleTimeoutMillis: 30000,
              application_name: 'waypoint',
              // JIT compiling the portfolio's set-based reads costs more than it saves (about
              // 0.6 s of a 0.8 s statement at 2,000 initiatives): short OLTP statements here.
              options: '-c jit=off',
            },
          }),
          dataSourceFactory: async (dataSourceOptions?: DataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('no data source options');
            // Migrations (and the wait for another instance's) may take longer than a request
            // may: they run on a short-lived data source of their own, without the timeouts.
            const migrator = await new DataSource({
              ...dataSourceOptions,
              extra: {
                max: 2,
                connectionTimeoutMillis: DATABASE_TIMEOUTS.connectMs,
                application_name: 'waypoint-migrations',
              },
            }).initialize();
            try {
              await runMigrationsLocked(migrator);
            } finally {
              await migrator.destroy();
            }
            return new DataSource(dataSourceOptions).initialize();
          },
        }),
      ],
    };
  }
}
