import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  Page,
  WebhookDeliveryResponse,
  WebhookEvent,
  WebhookFormat,
  WebhookResponse,
} from '@waypoint/contracts';
import { WEBHOOK_EVENT_VALUES } from '@waypoint/contracts';
import { WebhooksApi } from '../shared/api';

/** What the add and edit forms hold. */
export interface WebhookDraft {
  name: string;
  url: string;
  format: WebhookFormat;
  events: WebhookEvent[];
}

export const EMPTY_DRAFT: WebhookDraft = {
  name: '',
  url: '',
  format: 'waypoint',
  events: [...WEBHOOK_EVENT_VALUES],
};

/** A secret to show once: after creation or rotation, until the admin dismisses it. */
export interface ShownSecret {
  webhookName: string;
  secret: string;
}

/** How a test went, for the webhook's row. */
export interface TestOutcome {
  webhookId: string;
  delivery: WebhookDeliveryResponse;
}

const LOG_PAGE = 50;

/**
 * Administration › Webhooks: the webhooks, the secret just shown (once), the last test's outcome
 * and the delivery log of the webhook being looked at.
 */
@Injectable()
export class WebhooksStore {
  private readonly api = inject(WebhooksApi);

  readonly webhooks = httpResource<Page<WebhookResponse>>(() =>
    this.api.listRequest({ limit: 200 }),
  );
  readonly list = computed(() => (this.webhooks.hasValue() ? this.webhooks.value().items : []));

  /** The webhook whose delivery log is open (null: none). */
  readonly logOf = signal<string | null>(null);
  readonly deliveries = httpResource<Page<WebhookDeliveryResponse>>(() => {
    const id = this.logOf();
    return id ? this.api.deliveriesRequest(id, { limit: LOG_PAGE }) : undefined;
  });
  readonly logWebhook = computed(() => this.list().find((w) => w.id === this.logOf()) ?? null);

  readonly secret = signal<ShownSecret | null>(null);
  readonly tested = signal<TestOutcome | null>(null);

  async create(draft: WebhookDraft): Promise<WebhookResponse> {
    const created = await this.api.create({
      name: draft.name.trim(),
      url: draft.url.trim(),
      format: draft.format,
      events: draft.events,
    });
    this.secret.set({ webhookName: created.name, secret: created.secret });
    this.webhooks.reload();
    return created;
  }

  async update(webhook: WebhookResponse, draft: WebhookDraft): Promise<void> {
    await this.api.update(webhook, {
      name: draft.name.trim(),
      url: draft.url.trim(),
      format: draft.format,
      events: draft.events,
    });
    this.webhooks.reload();
  }

  async setEnabled(webhook: WebhookResponse, enabled: boolean): Promise<void> {
    await this.api.update(webhook, { enabled });
    this.webhooks.reload();
  }

  async remove(webhook: WebhookResponse): Promise<void> {
    await this.api.remove(webhook);
    if (this.logOf() === webhook.id) this.logOf.set(null);
    this.webhooks.reload();
  }

  async rotate(webhook: WebhookResponse): Promise<void> {
    const rotated = await this.api.rotateSecret(webhook);
    this.secret.set({ webhookName: rotated.name, secret: rotated.secret });
    this.webhooks.reload();
  }

  async test(webhook: WebhookResponse): Promise<void> {
    const delivery = await this.api.sendTest(webhook.id);
    this.tested.set({ webhookId: webhook.id, delivery });
    if (this.logOf() === webhook.id) this.deliveries.reload();
  }

  showLog(webhook: WebhookResponse): void {
    if (this.logOf() === webhook.id) this.deliveries.reload();
    this.logOf.set(webhook.id);
  }
}
