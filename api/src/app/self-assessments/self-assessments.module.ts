import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { SelfAssessmentEntity } from './self-assessment.entity';
import { SelfAssessmentsController } from './self-assessments.controller';
import { SelfAssessmentsRepository } from './self-assessments.repository';
import { SelfAssessmentsService } from './self-assessments.service';

@Module({
  imports: [TypeOrmModule.forFeature([SelfAssessmentEntity]), AuditModule],
  controllers: [SelfAssessmentsController],
  providers: [SelfAssessmentsService, SelfAssessmentsRepository],
  exports: [SelfAssessmentsService],
})
export class SelfAssessmentsModule {}
