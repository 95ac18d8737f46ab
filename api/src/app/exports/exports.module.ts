import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { PortfolioModule } from '../portfolio/portfolio.module';
import { BriefsRepository } from './briefs.repository';
import { BriefsService } from './briefs.service';
import { BriefsController, ExportsController } from './exports.controller';
import { ExportsRepository } from './exports.repository';
import { ExportsService } from './exports.service';

/** CSV exports and the one-page briefs. */
@Module({
  imports: [PortfolioModule, CyclesModule],
  controllers: [ExportsController, BriefsController],
  providers: [ExportsService, ExportsRepository, BriefsService, BriefsRepository],
})
export class ExportsModule {}
