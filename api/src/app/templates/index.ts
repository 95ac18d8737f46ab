/** What other features may use of templates/ (import it from '../templates', never from a file inside). */
export { TemplatesModule } from './templates.module';
export { TemplatesService } from './templates.service';
