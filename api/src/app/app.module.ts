import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module';
import { UsersModule } from './users/users.module';
import { AuditModule } from './audit/audit.module';
import { IntegrityModule } from './common/integrity.module';
import { CustomerGroupsModule } from './customer-groups/customer-groups.module';
import { DepartmentsModule } from './departments/departments.module';
import { loggerParams } from './common/logging';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { MetaModule } from './meta/meta.module';
import { WebHost } from './web-host/web-host';
import { InitiativesModule } from './initiatives/initiatives.module';
import { TemplatesModule } from './templates/templates.module';
import { CommentsModule } from './comments/comments.module';
import { HistoryModule } from './history/history.module';
import { MilestonesModule } from './milestones/milestones.module';
import { StepsModule } from './steps/steps.module';
import { MeasuresModule } from './measures/measures.module';
import { CyclesModule } from './cycles/cycles.module';
import { PortfolioModule } from './portfolio/portfolio.module';
import { ExportsModule } from './exports/exports.module';
import { NotificationsModule } from './notifications/notifications.module';
import { LiveModule } from './live/live.module';
import { StatementCountInterceptor } from './portfolio/statements/statement-counter';

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
        DatabaseModule.forRoot({
          url: options.databaseUrl,
          poolSize: options.config.poolSize,
          kind: options.config.database.kind,
        }),
        HealthModule,
        MetaModule,
        AuthModule,
        UsersModule,
        IntegrityModule,
        AuditModule,
        DepartmentsModule,
        CustomerGroupsModule,
        InitiativesModule,
        TemplatesModule,
        CommentsModule,
        HistoryModule,
        MilestonesModule,
        StepsModule,
        MeasuresModule,
        CyclesModule,
        PortfolioModule,
        ExportsModule,
        NotificationsModule,
        LiveModule,
      ],
      providers: [
        { provide: WebHost, useValue: options.webHost },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: StatementCountInterceptor },
      ],
    };
  }
}
