/** What other features may use of milestones/ (import it from '../milestones', never from a file inside). */
export {
  ApprovalListQueryDto,
  ApprovalPageDto,
  CloseConditionDto,
  DecideGateDto,
  SubmitGateDto,
  DecisionConditionResponseDto,
  DecisionListQueryDto,
  GateDecisionPageDto,
  GateDecisionResponseDto,
  UserRefDto,
} from './dto/gate.dto';
export { MilestoneDetailResponseDto } from './dto/milestone.dto';
export { GateDecisionEntity, GateSubmissionEntity } from './gate-records.entity';
export { CONDITION_NOT_FOUND, GateRecordsRepository } from './gate-records.repository';
export { conditionPeople, mapCondition, mapDecision } from './gate.mapper';
export { MilestoneViewsService } from './milestone-views.service';
export { MilestoneEntity } from './milestone.entity';
export { MilestonesModule } from './milestones.module';
export {
  type InitiativeFacts,
  MILESTONE_NOT_FOUND,
  MilestonesRepository,
} from './milestones.repository';
export { MilestonesService } from './milestones.service';
export { PeopleRepository, personOf } from './people.repository';
export { assertFresh } from './preconditions';
