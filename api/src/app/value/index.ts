/** What other features may use of value/ (import it from '../value', never from a file inside). */
export { AlertsModule } from './alerts/alerts.module';
export { AlertsService } from './alerts/alerts.service';
