/** What other features may use of health/ (import it from '../health', never from a file inside). */
export { HealthModule } from './health.module';
