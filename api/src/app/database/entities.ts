import { AuditEventEntity } from '../audit/audit-event.entity';
import { CustomerGroupEntity } from '../customer-groups/customer-group.entity';
import { DepartmentEntity } from '../departments/department.entity';
import { InstallationEntity } from '../meta/installation.entity';
import { UserEntity } from '../users/user.entity';
import { InitiativeEntity } from '../initiatives/initiative.entity';
import { CommentEntity } from '../comments/comment.entity';
import { MilestoneEntity } from '../milestones/milestone.entity';
import { StepEntity } from '../steps/step.entity';
import { GateDecisionEntity, GateSubmissionEntity } from '../gates/gate-records.entity';
import { MeasureEntity } from '../measures/measure.entity';
import { ReadingEntity } from '../measures/reading.entity';
import { CycleEntity } from '../cycles/cycle.entity';
import { CycleReviewEntity } from '../cycles/cycle-review.entity';
import { NotificationEntity } from '../notifications/notification.entity';

/** Every entity, listed explicitly (the production bundle cannot glob). */
export const entities = [
  InstallationEntity,
  DepartmentEntity,
  CustomerGroupEntity,
  UserEntity,
  AuditEventEntity,
  InitiativeEntity,
  CommentEntity,
  MilestoneEntity,
  StepEntity,
  GateSubmissionEntity,
  GateDecisionEntity,
  MeasureEntity,
  ReadingEntity,
  CycleEntity,
  CycleReviewEntity,
  NotificationEntity,
];
