import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { MilestonesModule } from '../milestones';
import { StepEntity } from './step.entity';
import { StepSearchRepository } from './step-search.repository';
import { StepsController } from './steps.controller';
import { StepsRepository } from './steps.repository';
import { StepsService } from './steps.service';

/** Steps: the work under a milestone. */
@Module({
  imports: [TypeOrmModule.forFeature([StepEntity]), AuditModule, MilestonesModule],
  controllers: [StepsController],
  providers: [StepsService, StepsRepository, StepSearchRepository],
  exports: [StepsService],
})
export class StepsModule {}
