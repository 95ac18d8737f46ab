/** What other features may use of moments/ (import it from '../moments', never from a file inside). */
export { MomentsModule } from './moments.module';
export { MomentsService } from './moments.service';
export { CustomerMomentEntity } from './customer-moment.entity';
