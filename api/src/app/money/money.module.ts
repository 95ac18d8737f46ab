import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { MoneyController } from './money.controller';
import { MoneyRepository } from './money.repository';
import { MoneyService } from './money.service';
import { PortfolioMoneyService } from './portfolio-money.service';
import { WinsController } from './wins.controller';
import { WinsRepository } from './wins.repository';
import { WinsService } from './wins.service';

/** Show the money and wins (issue 17): money cases, realised benefit, payback, wins. */
@Module({
  imports: [AuditModule],
  controllers: [MoneyController, WinsController],
  providers: [MoneyService, PortfolioMoneyService, MoneyRepository, WinsService, WinsRepository],
  exports: [MoneyService, WinsService],
})
export class MoneyModule {}
