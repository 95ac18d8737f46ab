/** What other features may use of notifications/ (import it from '../notifications', never from a file inside). */
export { NotificationEvents } from './notification-events.service';
export { NotificationEntity } from './notification.entity';
export { NotificationsModule } from './notifications.module';
