import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  CreateWebhookRequest,
  Page,
  UpdateWebhookRequest,
  WebhookDeliveryResponse,
  WebhookResponse,
  WebhookWithSecretResponse,
} from '@waypoint/contracts';
import { assertRule, webhookUrlProblem } from '@waypoint/domain';
import { AuditService } from '../audit';
import { type Actor, PublicOrigin } from '../auth';
import { pageOf, type PageRequest, requireChanges } from '../common';
import { AppConfig } from '../config';
import { mapDelivery, mapWebhook } from './dto/webhook.dto';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { testPayload } from './webhook-payloads';
import { newWebhookSecret } from './webhook-sender';
import { LEASE_MS, WebhookWorker } from './webhook-worker';
import {
  WEBHOOK_NOT_FOUND,
  type WebhookChanges,
  WebhookFactsRepository,
  WebhooksRepository,
} from './webhooks.repository';

const ENTITY_TYPE = 'webhook';

/** Admins' webhooks: register, change, disable, delete, rotate the secret, test, read the log. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly facts: WebhookFactsRepository,
    private readonly worker: WebhookWorker,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly origin: PublicOrigin,
  ) {}

  async list(page: PageRequest): Promise<Page<WebhookResponse>> {
    const { rows, total } = await this.webhooks.list(page);
    return pageOf(rows.map(mapWebhook), total, page);
  }

  async get(id: string): Promise<WebhookResponse> {
    const webhook = await this.webhooks.findById(id);
    if (!webhook) throw new NotFoundException(WEBHOOK_NOT_FOUND);
    return mapWebhook(webhook);
  }

  /** The secret is answered this once (audited without it). */
  async create(request: CreateWebhookRequest, actor: Actor): Promise<WebhookWithSecretResponse> {
    this.assertUrl(request.url);
    return this.txHost.withTransaction(async () => {
      const created = await this.webhooks.insert({
        name: request.name,
        url: request.url,
        events: [...new Set(request.events)],
        format: request.format,
        enabled: request.enabled ?? true,
        secret: newWebhookSecret(),
      });
      const answer = mapWebhook(created);
      await this.audit.record({
        actor,
        action: 'create',
        entityType: ENTITY_TYPE,
        entityId: created.id,
        after: answer,
      });
      return { ...answer, secret: created.secret };
    });
  }

  async update(
    id: string,
    expectedVersion: number,
    request: UpdateWebhookRequest,
    actor: Actor,
  ): Promise<WebhookResponse> {
    const changes: WebhookChanges = requireChanges(request);
    if (changes.url !== undefined) this.assertUrl(changes.url);
    if (changes.events) changes.events = [...new Set(changes.events)];
    return this.txHost.withTransaction(async () => {
      const before = await this.webhooks.findById(id);
      if (!before) throw new NotFoundException(WEBHOOK_NOT_FOUND);
      const after = mapWebhook(await this.webhooks.update(id, expectedVersion, changes));
      await this.audit.record({
        actor,
        action: 'update',
        entityType: ENTITY_TYPE,
        entityId: id,
        before: mapWebhook(before),
        after,
      });
      return after;
    });
  }

  /** Deletes the webhook and its delivery log; what was waiting is never sent. */
  async remove(id: string, expectedVersion: number, actor: Actor): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const before = await this.webhooks.findById(id);
      if (!before) throw new NotFoundException(WEBHOOK_NOT_FOUND);
      await this.webhooks.remove(id, expectedVersion);
      await this.audit.record({
        actor,
        action: 'delete',
        entityType: ENTITY_TYPE,
        entityId: id,
        before: mapWebhook(before),
      });
    });
  }

  /** A new secret, answered this once; the old one stops signing at once. */
  async rotateSecret(
    id: string,
    expectedVersion: number,
    actor: Actor,
  ): Promise<WebhookWithSecretResponse> {
    return this.txHost.withTransaction(async () => {
      const before = await this.webhooks.findById(id);
      if (!before) throw new NotFoundException(WEBHOOK_NOT_FOUND);
      const secret = newWebhookSecret();
      const after = await this.webhooks.update(id, expectedVersion, { secret });
      await this.audit.record({
        actor,
        action: 'rotate_secret',
        entityType: ENTITY_TYPE,
        entityId: id,
        before: { version: before.version },
        after: { version: after.version },
      });
      return { ...mapWebhook(after), secret };
    });
  }

  /**
   * Sends a test now, disabled or not, and answers how it went (it is in the delivery log too).
   * A failed test is not retried: the admin sees the failure at once.
   */
  async sendTest(id: string, actor: Actor): Promise<WebhookDeliveryResponse> {
    const webhook = await this.webhooks.findById(id);
    if (!webhook) throw new NotFoundException(WEBHOOK_NOT_FOUND);
    const facts = await this.facts.facts({
      initiativeId: null,
      milestoneId: null,
      actorId: actor.userId,
    });
    const payload = testPayload(webhook.name, facts.actorName ?? 'an admin', {
      id: randomUUID(),
      at: new Date(),
      origin: this.origin.primary(),
      organisation: this.config.email.organisationName,
    });
    const claimed = await this.deliveries.insertClaimed(
      id,
      payload,
      this.worker.workerId,
      LEASE_MS,
    );
    if (!claimed) throw new NotFoundException(WEBHOOK_NOT_FOUND);
    await this.worker.deliver({ ...claimed, enabled: true }, { retry: false });
    const settled = await this.deliveries.findOne(claimed.id);
    if (!settled) throw new NotFoundException(WEBHOOK_NOT_FOUND);
    return mapDelivery(settled);
  }

  /** The delivery log, newest first. */
  async log(id: string, page: PageRequest): Promise<Page<WebhookDeliveryResponse>> {
    const webhook = await this.webhooks.findById(id);
    if (!webhook) throw new NotFoundException(WEBHOOK_NOT_FOUND);
    const { rows, total } = await this.deliveries.log(id, page);
    return pageOf(rows.map(mapDelivery), total, page);
  }

  private assertUrl(url: string): void {
    assertRule(
      'webhook_url_refused',
      webhookUrlProblem(url, this.config.webhooks.allowHttpLoopback),
      'url',
    );
  }
}
