import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { migrations } from '../../migrations';
import { StatementCountingLogger } from '../portfolio/statements/statement-counter';
import { entities } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseModuleOptions {
  /** Resolved connection URL (the server's, or the embedded database's loopback URL). */
  url: string;
  poolSize: number;
}

/** TypeORM over `pg`. The schema comes only from migrations, run at start-up. */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: options.url,
          entities,
          migrations,
          migrationsRun: true,
          migrationsTransactionMode: 'each',
          synchronize: false,
          uuidExtension: 'pgcrypto',
          installExtensions: false,
          namingStrategy: new SnakeNamingStrategy(),
          retryAttempts: 0,
          logging: false,
          logger: new StatementCountingLogger(),
          extra: {
            max: options.poolSize,
            connectionTimeoutMillis: 5000,
            idleTimeoutMillis: 30000,
            application_name: 'waypoint',
          },
        }),
      ],
    };
  }
}
