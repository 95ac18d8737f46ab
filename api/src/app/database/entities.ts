import { AuditEventEntity } from '../audit';
import { CustomerGroupEntity } from '../customer-groups';
import { DepartmentEntity } from '../departments';
import { InstallationEntity } from '../meta';
import { UserEntity } from '../users';
import { InitiativeEntity } from '../initiatives';
import { CommentEntity } from '../comments';
import { MilestoneEntity, GateDecisionEntity, GateSubmissionEntity } from '../milestones';
import { StepEntity } from '../steps';
import { MeasureEntity, ReadingEntity, ReadingWithdrawalEntity } from '../measures';
import { CycleEntity } from '../cycles';
import { CycleReviewEntity } from '../reviews';
import { NotificationEntity } from '../notifications';
import { SelfAssessmentEntity } from '../self-assessments';
import { WebhookEntity } from '../webhooks';

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
  ReadingWithdrawalEntity,
  CycleEntity,
  CycleReviewEntity,
  NotificationEntity,
  SelfAssessmentEntity,
  WebhookEntity,
];
