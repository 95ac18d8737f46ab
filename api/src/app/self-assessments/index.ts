/** What other features may use of self-assessments/ (import it from '../self-assessments', never from a file inside). */
export { SelfAssessmentEntity } from './self-assessment.entity';
export { SelfAssessmentsModule } from './self-assessments.module';
export { SelfAssessmentsService } from './self-assessments.service';
