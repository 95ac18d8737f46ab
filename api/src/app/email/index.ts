/** What other features may use of email/ (import it from '../email', never from a file inside). */
export { EmailModule } from './email.module';
export { EmailOutbox, type NotifiedItem } from './email-outbox';
