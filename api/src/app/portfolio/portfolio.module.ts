import { Module } from '@nestjs/common';
import { InitiativeValueController, PortfolioController } from './portfolio.controller';
import { PortfolioCache } from './portfolio-cache';
import { PortfolioRepository } from './portfolio.repository';
import { PortfolioService } from './portfolio.service';
import { CountedSql } from './statements/counted-sql';
import { StatementCountInterceptor } from './statements/statement-counter';
import { ValueDataRepository } from './value-data.repository';
import { ValueService } from './value.service';

/** The portfolio and the value of initiatives: set-based reads, computed with libs/domain. */
@Module({
  controllers: [PortfolioController, InitiativeValueController],
  providers: [
    CountedSql,
    StatementCountInterceptor,
    ValueDataRepository,
    PortfolioRepository,
    PortfolioCache,
    PortfolioService,
    ValueService,
  ],
  exports: [
    CountedSql,
    StatementCountInterceptor,
    ValueDataRepository,
    PortfolioRepository,
    PortfolioService,
  ],
})
export class PortfolioModule {}
