import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { GateDecisionEntity, GateSubmissionEntity } from './gate-records.entity';
import { GateRecordsRepository } from './gate-records.repository';
import { MilestoneEntity } from './milestone.entity';
import { MilestoneViewsService } from './milestone-views.service';
import { MilestonesController } from './milestones.controller';
import { MilestonesRepository } from './milestones.repository';
import { MilestonesService } from './milestones.service';
import { PeopleRepository } from './people.repository';

/**
 * Milestones: the plan of an initiative, and each milestone's gate records (submissions,
 * decisions, conditions), which its answer carries. The gate workflow that moves milestones is
 * the GatesModule (gates/), built on what this module exports.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([MilestoneEntity, GateSubmissionEntity, GateDecisionEntity]),
    AuditModule,
  ],
  controllers: [MilestonesController],
  providers: [
    MilestonesRepository,
    PeopleRepository,
    GateRecordsRepository,
    MilestoneViewsService,
    MilestonesService,
  ],
  exports: [MilestonesRepository, PeopleRepository, GateRecordsRepository, MilestoneViewsService],
})
export class MilestonesModule {}
