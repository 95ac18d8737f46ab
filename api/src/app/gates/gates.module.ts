import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { InitiativesModule } from '../initiatives';
import { MeasuresModule } from '../measures';
import { MilestonesModule } from '../milestones';
import { StepsModule } from '../steps';
import { ApprovalsController } from './approvals.controller';
import { ApprovalsRepository } from './approvals.repository';
import { ApprovalsService } from './approvals.service';
import { ConditionsController } from './conditions.controller';
import { ConditionsRepository } from './conditions.repository';
import { EvidenceRepository } from './evidence.repository';
import { GateDecisionsService } from './gate-decisions.service';
import { GateTransitionsService } from './gate-transitions.service';
import { GatesController } from './gates.controller';

/**
 * The stage-gate workflow: start a milestone, submit its gate with the evidence, decide on it,
 * close conditions, the approvals queue, and the conditions across initiatives. It moves milestones (and their initiative and
 * measures) through their own repositories; a milestone's gate records (submissions, decisions,
 * conditions) belong to the milestone and live in milestones/.
 */
@Module({
  imports: [AuditModule, MilestonesModule, InitiativesModule, MeasuresModule, StepsModule],
  controllers: [GatesController, ApprovalsController, ConditionsController],
  providers: [
    EvidenceRepository,
    ApprovalsRepository,
    GateTransitionsService,
    GateDecisionsService,
    ApprovalsService,
    ConditionsRepository,
  ],
})
export class GatesModule {}
