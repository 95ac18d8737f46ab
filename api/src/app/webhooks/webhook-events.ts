import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type AuditEventInput, AuditService } from '../audit';
import { PublicOrigin } from '../auth';
import { AppConfig } from '../config';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { payloadOf, webhookEventOf } from './webhook-payloads';
import { WebhookFactsRepository, WebhooksRepository } from './webhooks.repository';

/**
 * Where changes become webhook deliveries: it follows the audit trail (every change records its
 * event in its own transaction), and for a gate submitted or decided, an alert raised or an
 * initiative's status changed, queues one delivery per enabled webhook that follows the kind,
 * in that same transaction. A change that rolls back queues nothing; nothing is sent here.
 */
@Injectable()
export class WebhookEvents implements OnModuleInit {
  constructor(
    private readonly audit: AuditService,
    private readonly webhooks: WebhooksRepository,
    private readonly facts: WebhookFactsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly config: AppConfig,
    private readonly origin: PublicOrigin,
  ) {}

  onModuleInit(): void {
    this.audit.listen(
      (event) => this.changed(event),
      (event) => webhookEventOf(event) !== null,
    );
  }

  private async changed(event: AuditEventInput): Promise<void> {
    const type = webhookEventOf(event);
    if (type === null) return;
    const following = await this.webhooks.following(type);
    if (following.length === 0) return;
    const initiativeId =
      event.initiativeId ?? (event.entityType === 'initiative' ? event.entityId : null);
    const facts = await this.facts.facts({
      initiativeId,
      milestoneId: event.entityType === 'milestone' ? event.entityId : null,
      actorId: event.actor?.userId ?? null,
    });
    const payload = payloadOf(
      type,
      {
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        actorId: event.actor?.userId ?? null,
        initiativeId,
        before: event.before ?? null,
        after: event.after ?? null,
      },
      facts,
      {
        id: randomUUID(),
        at: new Date(),
        origin: this.origin.primary(),
        organisation: this.config.email.organisationName,
      },
    );
    await this.deliveries.enqueue(following, payload);
  }
}
