import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth';
import { UsersModule } from './users';
import { SsoModule } from './sso';
import { AuditModule } from './audit';
import { IntegrityModule } from './idempotency';
import { CustomerGroupsModule } from './customer-groups';
import { DepartmentsModule } from './departments';
import {
  loggerParams,
  ProblemDetailsFilter,
  StatementCountInterceptor,
  PreparedStatementsModule,
  ValueWritesModule,
  createValidationPipe,
} from './common';
import { type AppConfig, ConfigModule } from './config';
import { DatabaseModule } from './database';
import { HealthModule } from './health';
import { MetaModule } from './meta';
import { WebHost } from './web-host';
import { InitiativesModule } from './initiatives';
import { TemplatesModule } from './templates';
import { CommentsModule } from './comments';
import { HistoryModule } from './history';
import { MilestonesModule } from './milestones';
import { GatesModule } from './gates';
import { StepsModule } from './steps';
import { MeasuresModule } from './measures';
import { ReadingImportsModule } from './reading-imports';
import { CyclesModule } from './cycles';
import { ReviewsModule } from './reviews';
import { PortfolioModule } from './portfolio';
import { ValueModule } from './value';
import { ExportsModule } from './exports';
import { NotificationsModule } from './notifications';
import { EmailModule } from './email';
import { WebhooksModule } from './webhooks';
import { LiveModule } from './live';
import { AlertsModule } from './value';
import { IdeasModule } from './ideas';
import { MomentsModule } from './moments';
import { SelfAssessmentsModule } from './self-assessments';
import { MoneyModule } from './money';

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
        PreparedStatementsModule,
        ValueWritesModule,
        HealthModule,
        MetaModule,
        AuthModule,
        UsersModule,
        SsoModule,
        IntegrityModule,
        AuditModule,
        DepartmentsModule,
        CustomerGroupsModule,
        InitiativesModule,
        TemplatesModule,
        CommentsModule,
        HistoryModule,
        MilestonesModule,
        GatesModule,
        StepsModule,
        MeasuresModule,
        ReadingImportsModule,
        CyclesModule,
        ReviewsModule,
        PortfolioModule,
        ValueModule,
        ExportsModule,
        EmailModule,
        WebhooksModule,
        NotificationsModule,
        LiveModule,
        AlertsModule,
        MomentsModule,
        IdeasModule,
        SelfAssessmentsModule,
        MoneyModule,
      ],
      providers: [
        { provide: WebHost, useValue: options.webHost },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        // Counting statements serves X-SQL-Statements, sent only in diagnostics mode.
        ...(options.config.diagnostics
          ? [{ provide: APP_INTERCEPTOR, useClass: StatementCountInterceptor }]
          : []),
      ],
    };
  }
}
