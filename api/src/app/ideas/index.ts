/** What other features may use of ideas/ (import it from '../ideas', never from a file inside). */
export { IdeasModule } from './ideas.module';
export { IdeasService } from './ideas.service';
export { IdeaEntity } from './idea.entity';
