import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateWebhookRequest,
  Page,
  UpdateWebhookRequest,
  WebhookDeliveryResponse,
  WebhookResponse,
  WebhookWithSecretResponse,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient, newIdempotencyKey, resourceRequest, segment } from './api-client';
import type { PageQuery } from './initiatives.api';

export const WEBHOOKS_API = {
  list: `${API_ROOT}/webhooks`,
  one: (id: string) => `${API_ROOT}/webhooks/${segment(id)}`,
  secret: (id: string) => `${API_ROOT}/webhooks/${segment(id)}/secret`,
  test: (id: string) => `${API_ROOT}/webhooks/${segment(id)}/test`,
  deliveries: (id: string) => `${API_ROOT}/webhooks/${segment(id)}/deliveries`,
} as const;

type Versioned = Pick<WebhookResponse, 'id' | 'version'>;

/** Outgoing webhooks (admins): register, change, delete, rotate the secret, test, the log. */
@Injectable({ providedIn: 'root' })
export class WebhooksApi {
  private readonly api = inject(ApiClient);

  listRequest(query: PageQuery): HttpResourceRequest {
    return resourceRequest(WEBHOOKS_API.list, query);
  }

  deliveriesRequest(id: string, query: PageQuery): HttpResourceRequest {
    return resourceRequest(WEBHOOKS_API.deliveries(id), query);
  }

  /** The answer carries the signing secret, this once. */
  create(
    request: CreateWebhookRequest,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<WebhookWithSecretResponse> {
    return this.api.post<WebhookWithSecretResponse>(WEBHOOKS_API.list, request, {
      idempotencyKey,
    });
  }

  /** PATCH /api/webhooks/:id with If-Match. */
  update(webhook: Versioned, request: UpdateWebhookRequest): Promise<WebhookResponse> {
    return this.api.patch<WebhookResponse>(WEBHOOKS_API.one(webhook.id), request, {
      ifMatch: webhook.version,
    });
  }

  remove(webhook: Versioned): Promise<void> {
    return this.api.delete<void>(WEBHOOKS_API.one(webhook.id), { ifMatch: webhook.version });
  }

  /** A new secret, answered this once. */
  rotateSecret(webhook: Versioned): Promise<WebhookWithSecretResponse> {
    return this.api.post<WebhookWithSecretResponse>(WEBHOOKS_API.secret(webhook.id), null, {
      ifMatch: webhook.version,
    });
  }

  /** Sends a test now; answers how it went. */
  sendTest(id: string): Promise<WebhookDeliveryResponse> {
    return this.api.post<WebhookDeliveryResponse>(WEBHOOKS_API.test(id), null);
  }

  deliveries(id: string, query: PageQuery): Promise<Page<WebhookDeliveryResponse>> {
    return this.api.get<Page<WebhookDeliveryResponse>>(WEBHOOKS_API.deliveries(id), query);
  }
}
