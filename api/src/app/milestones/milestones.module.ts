import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ApprovalsController } from '../gates/approvals.controller';
import { ApprovalsRepository } from '../gates/approvals.repository';
import { ApprovalsService } from '../gates/approvals.service';
import { EvidenceRepository } from '../gates/evidence.repository';
import { GateDecisionsService } from '../gates/gate-decisions.service';
import { GateDecisionEntity, GateSubmissionEntity } from '../gates/gate-records.entity';
import { GateRecordsRepository } from '../gates/gate-records.repository';
import { GateTransitionsService } from '../gates/gate-transitions.service';
import { GatesController } from '../gates/gates.controller';
import { MilestoneEntity } from './milestone.entity';
import { MilestoneViewsService } from './milestone-views.service';
import { MilestonesController } from './milestones.controller';
import { MilestonesRepository } from './milestones.repository';
import { MilestonesService } from './milestones.service';
import { PeopleRepository } from './people.repository';

/**
 * Milestones and their stage gates: the plan (milestones/) and the gate workflow with its
 * evidence, decisions, conditions and approvals (gates/). One module, because a milestone's
 * answer carries its gate records and the gate workflow moves milestones.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([MilestoneEntity, GateSubmissionEntity, GateDecisionEntity]),
    AuditModule,
  ],
  controllers: [MilestonesController, GatesController, ApprovalsController],
  providers: [
    MilestonesRepository,
    PeopleRepository,
    GateRecordsRepository,
    EvidenceRepository,
    ApprovalsRepository,
    MilestoneViewsService,
    MilestonesService,
    GateTransitionsService,
    GateDecisionsService,
    ApprovalsService,
  ],
  exports: [PeopleRepository],
})
export class MilestonesModule {}
