import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { loggerParams } from './common/logging';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { MetaModule } from './meta/meta.module';
import { WebHost } from './web-host/web-host';

export interface AppModuleOptions {
  config: AppConfig;
  /** Resolved database URL (the server's or the embedded database's). */
  databaseUrl: string;
  webHost: WebHost;
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.config),
        LoggerModule.forRoot(loggerParams(options.config)),
        DatabaseModule.forRoot({ url: options.databaseUrl, poolSize: options.config.poolSize }),
        HealthModule,
        MetaModule,
      ],
      providers: [
        { provide: WebHost, useValue: options.webHost },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
