import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { AuthModule } from '../auth';
import { WebhookEntity } from './webhook.entity';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookEvents } from './webhook-events';
import { WebhookSender } from './webhook-sender';
import { WebhookWorker } from './webhook-worker';
import { WebhooksController } from './webhooks.controller';
import { WebhookFactsRepository, WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/**
 * Outgoing webhooks (issue 19, part 4): admins register addresses; changes queue deliveries in
 * their own transaction (WebhookEvents, following the audit trail); a worker posts them, signed,
 * with retries; each webhook keeps its delivery log.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookEntity]), AuditModule, AuthModule],
  controllers: [WebhooksController],
  providers: [
    WebhooksRepository,
    WebhookFactsRepository,
    WebhookDeliveriesRepository,
    WebhookSender,
    WebhookWorker,
    WebhookEvents,
    WebhooksService,
  ],
})
export class WebhooksModule {}
