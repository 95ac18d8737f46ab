/** What other features may use of steps/ (import it from '../steps', never from a file inside). */
export { StepEntity } from './step.entity';
export { StepsModule } from './steps.module';
export { StepsService } from './steps.service';
