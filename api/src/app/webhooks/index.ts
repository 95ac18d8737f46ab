/** What other features may use of webhooks/ (import it from '../webhooks', never from a file inside). */
export { WebhookEntity } from './webhook.entity';
export { WebhooksModule } from './webhooks.module';
