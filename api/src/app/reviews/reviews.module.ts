import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { CyclesModule } from '../cycles';
import { ValueModule } from '../value';
import { CycleReviewEntity } from './cycle-review.entity';
import { ReviewsController } from './reviews.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

/** The cycle reviews of initiatives: a decision per initiative and cycle, on its value model. */
@Module({
  imports: [TypeOrmModule.forFeature([CycleReviewEntity]), AuditModule, CyclesModule, ValueModule],
  controllers: [ReviewsController],
  providers: [ReviewsService, ReviewsRepository],
  exports: [ReviewsRepository],
})
export class ReviewsModule {}
