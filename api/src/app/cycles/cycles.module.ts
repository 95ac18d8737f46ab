import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { PortfolioModule } from '../portfolio/portfolio.module';
import { CycleReviewEntity } from './cycle-review.entity';
import { CycleEntity } from './cycle.entity';
import { CyclesController } from './cycles.controller';
import { CyclesRepository } from './cycles.repository';
import { CyclesService } from './cycles.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

/** Improvement cycles and the cycle reviews of initiatives. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CycleEntity, CycleReviewEntity]),
    AuditModule,
    PortfolioModule,
  ],
  controllers: [CyclesController, ReviewsController],
  providers: [CyclesService, CyclesRepository, ReviewsService, ReviewsRepository],
  exports: [ReviewsRepository],
})
export class CyclesModule {}
