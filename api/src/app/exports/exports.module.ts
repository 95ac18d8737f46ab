import { Module } from '@nestjs/common';
import { CountedSql } from '../common';
import { ReviewsModule } from '../reviews';
import { PortfolioModule } from '../portfolio';
import { ValueModule } from '../value';
import { BriefsRepository } from './briefs.repository';
import { BriefsService } from './briefs.service';
import { BriefsController, ExportsController } from './exports.controller';
import { ExportsRepository } from './exports.repository';
import { ExportsService } from './exports.service';

/** CSV exports and the one-page briefs. */
@Module({
  imports: [PortfolioModule, ReviewsModule, ValueModule],
  controllers: [ExportsController, BriefsController],
  providers: [CountedSql, ExportsService, ExportsRepository, BriefsService, BriefsRepository],
})
export class ExportsModule {}
