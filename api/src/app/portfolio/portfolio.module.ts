import { Module } from '@nestjs/common';
import { CountedSql } from '../common';
import { AlertsModule, ValueModule } from '../value';
import { PortfolioController } from './portfolio.controller';
import { PortfolioCache } from './portfolio-cache';
import { PortfolioRepository } from './portfolio.repository';
import { PortfolioService } from './portfolio.service';

/** The portfolio: set-based reads of the stored value rows (api/src/app/value) and the gates. */
@Module({
  imports: [ValueModule, AlertsModule],
  controllers: [PortfolioController],
  providers: [CountedSql, PortfolioRepository, PortfolioCache, PortfolioService],
  exports: [PortfolioRepository, PortfolioService],
})
export class PortfolioModule {}
