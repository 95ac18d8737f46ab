import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  WEBHOOK_EVENT_VALUES,
  WEBHOOK_FORMAT_VALUES,
  WEBHOOK_NAME_MAX_LENGTH,
  WEBHOOK_URL_MAX_LENGTH,
  type WebhookDeliveryResponse,
  type WebhookEvent,
  type WebhookResponse,
} from '@waypoint/contracts';
import { CopyButtonComponent } from '../shared/copy-button.component';
import { countText, DateTimePipe, formatDateTime } from '../shared/format';
import { fieldErrorsOf, genericErrorMessage } from '../shared/problem';
import {
  WEBHOOK_DELIVERY_STATUS_LABEL,
  WEBHOOK_EVENT_LABEL,
  WEBHOOK_FORMAT_LABEL,
} from '../shared/vocabulary';
import {
  AdminFormDirective,
  AdminListEditorComponent,
  AdminRowDirective,
} from './admin-list-editor.component';
import { AdminNavComponent } from './admin-nav.component';
import { EMPTY_DRAFT, type WebhookDraft, WebhooksStore } from './webhooks.store';

/** What a delivery's line says after its event and status. */
export function deliveryDetail(delivery: WebhookDeliveryResponse): string {
  const attempts = countText(delivery.attempts, 'attempt');
  const answered =
    delivery.responseCode === null ? '' : ` · the address answered ${delivery.responseCode}`;
  switch (delivery.status) {
    case 'delivered':
      return `${attempts}${answered}`;
    case 'pending':
      return delivery.attempts === 0
        ? 'Not sent yet'
        : `${attempts}: ${delivery.error ?? 'failed'} · next attempt ${formatDateTime(delivery.nextAttemptAt ?? delivery.createdAt)}`;
    case 'failed':
      return `${attempts}: ${delivery.error ?? 'failed'}`;
    case 'dropped':
      return delivery.error ?? 'Not sent';
  }
}

/** How a test went, in a sentence. */
export function testSentence(delivery: WebhookDeliveryResponse): string {
  return delivery.status === 'delivered'
    ? `Test delivered: the address answered ${delivery.responseCode ?? ''}.`
    : `Test not delivered: ${delivery.error ?? 'no answer'}.`;
}

/**
 * Administration › Webhooks: register an address that is posted portfolio events (in Waypoint's
 * JSON, or as a Slack or Teams message), its secret shown once; change, disable, delete, rotate
 * the secret, send a test, read the delivery log.
 */
@Component({
  selector: 'wp-webhooks-page',
  imports: [
    FormsModule,
    MatButton,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatProgressBar,
    AdminFormDirective,
    AdminListEditorComponent,
    AdminNavComponent,
    AdminRowDirective,
    CopyButtonComponent,
    DateTimePipe,
  ],
  providers: [WebhooksStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './webhooks-page.component.html',
  styleUrl: './admin.scss',
  styles: `
    .events {
      display: flex;
      flex-direction: column;
      margin: 0;
      padding: 0;
      border: 0;
    }
    .events legend {
      padding: 0;
      font: var(--mat-sys-label-large);
    }
    .row-actions {
      flex-basis: 100%;
    }
    .log {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .log li {
      padding: 8px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
      overflow-wrap: anywhere;
    }
    .log li:first-child {
      border-top: 0;
    }
  `,
})
export class WebhooksPageComponent {
  protected readonly store = inject(WebhooksStore);
  protected readonly events = WEBHOOK_EVENT_VALUES;
  protected readonly formats = WEBHOOK_FORMAT_VALUES;
  protected readonly eventLabel = WEBHOOK_EVENT_LABEL;
  protected readonly formatLabel = WEBHOOK_FORMAT_LABEL;
  protected readonly statusLabel = WEBHOOK_DELIVERY_STATUS_LABEL;
  protected readonly nameMax = WEBHOOK_NAME_MAX_LENGTH;
  protected readonly urlMax = WEBHOOK_URL_MAX_LENGTH;
  protected readonly errorMessage = genericErrorMessage;
  protected readonly deliveryDetail = deliveryDetail;
  protected readonly testSentence = testSentence;

  /** The webhook being edited; 'new' for a new one; null: none. */
  protected readonly editing = signal<string | null>(null);
  protected readonly draft = signal<WebhookDraft>(EMPTY_DRAFT);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly urlError = signal<string | null>(null);
  protected readonly saved = signal<string | null>(null);
  /** The webhook whose deletion is being confirmed. */
  protected readonly confirming = signal<string | null>(null);
  /** The webhook a row action is under way for. */
  protected readonly busy = signal<string | null>(null);
  protected readonly rowError = signal<{ id: string; message: string } | null>(null);

  protected set<K extends keyof WebhookDraft>(key: K, value: WebhookDraft[K]): void {
    this.draft.update((draft) => ({ ...draft, [key]: value }));
  }

  protected toggleEvent(event: WebhookEvent, on: boolean): void {
    this.draft.update((draft) => ({
      ...draft,
      events: WEBHOOK_EVENT_VALUES.filter((e) => (e === event ? on : draft.events.includes(e))),
    }));
  }

  protected eventsText(webhook: WebhookResponse): string {
    return webhook.events.map((event) => this.eventLabel[event]).join(', ');
  }

  protected canSave(): boolean {
    const draft = this.draft();
    return (
      draft.name.trim() !== '' &&
      draft.url.trim() !== '' &&
      draft.events.length > 0 &&
      !this.saving()
    );
  }

  protected startNew(): void {
    this.editing.set('new');
    this.draft.set(EMPTY_DRAFT);
    this.clearMessages();
  }

  protected startEdit(webhook: WebhookResponse): void {
    this.editing.set(webhook.id);
    this.draft.set({
      name: webhook.name,
      url: webhook.url,
      format: webhook.format,
      events: [...webhook.events],
    });
    this.clearMessages();
  }

  protected async save(webhook: WebhookResponse | null): Promise<void> {
    if (!this.canSave()) return;
    const draft = this.draft();
    this.saving.set(true);
    this.error.set(null);
    this.urlError.set(null);
    try {
      if (webhook) await this.store.update(webhook, draft);
      else await this.store.create(draft);
      this.saved.set(`${draft.name.trim()} is saved.`);
      this.editing.set(null);
    } catch (error) {
      const [urlProblem] = fieldErrorsOf(error, 'url');
      if (urlProblem) this.urlError.set(urlProblem);
      else this.error.set(genericErrorMessage(error));
    } finally {
      this.saving.set(false);
    }
  }

  protected setEnabled(webhook: WebhookResponse, enabled: boolean): Promise<void> {
    return this.act(webhook, () => this.store.setEnabled(webhook, enabled));
  }

  protected remove(webhook: WebhookResponse): Promise<void> {
    return this.act(webhook, async () => {
      await this.store.remove(webhook);
      this.confirming.set(null);
      this.saved.set(`${webhook.name} is deleted.`);
    });
  }

  protected rotate(webhook: WebhookResponse): Promise<void> {
    return this.act(webhook, () => this.store.rotate(webhook));
  }

  protected test(webhook: WebhookResponse): Promise<void> {
    return this.act(webhook, () => this.store.test(webhook));
  }

  private async act(webhook: WebhookResponse, work: () => Promise<void>): Promise<void> {
    this.busy.set(webhook.id);
    this.rowError.set(null);
    try {
      await work();
    } catch (error) {
      this.rowError.set({ id: webhook.id, message: genericErrorMessage(error) });
    } finally {
      this.busy.set(null);
    }
  }

  private clearMessages(): void {
    this.error.set(null);
    this.urlError.set(null);
    this.saved.set(null);
  }
}
