import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  EMAIL_DELIVERY_VALUES,
  type EmailDelivery,
  type EmailKind,
  type EmailPreference,
} from '@waypoint/contracts';
import { genericErrorMessage } from '../shared/problem';
import { EMAIL_DELIVERY_LABEL, EMAIL_KIND_LABEL } from '../shared/vocabulary';
import { ProfileStore } from './profile.store';

/**
 * The profile's "Notifications" section: per kind of email, at once, in a daily digest or never.
 * In-app notifications (the bell) arrive whatever is chosen here.
 */
@Component({
  selector: 'wp-email-preferences',
  imports: [FormsModule, MatButton, MatFormField, MatInput, MatLabel, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../admin/admin.scss',
  template: `
    <section class="admin__section" aria-labelledby="notifications" id="notifications-section">
      <h2 class="admin__section-title" id="notifications">Notifications</h2>
      <p class="admin__muted">
        Everything reaches your bell in the app. Choose what also comes by email: at once, gathered
        in one email a day (at {{ digestHour() }}), or never.
      </p>
      @if (store.email.isLoading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading your email preferences" />
      }
      @if (store.email.error(); as error) {
        <p class="admin__error" role="alert">{{ errorMessage(error) }}</p>
      }
      @if (store.email.hasValue() && !store.email.value().emailEnabled) {
        <p class="admin__muted" role="note">
          This server does not send email yet (an administrator sets it up); your choices apply once
          it does.
        </p>
      }
      @if (rows().length > 0) {
        <form class="admin__form" (ngSubmit)="save()">
          @for (row of rows(); track row.kind) {
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ kindLabel[row.kind] }}</mat-label>
              <select
                matNativeControl
                [name]="row.kind"
                [ngModel]="row.delivery"
                (ngModelChange)="choose(row.kind, $event)"
              >
                @for (delivery of deliveries; track delivery) {
                  <option [value]="delivery">{{ deliveryLabel[delivery] }}</option>
                }
              </select>
            </mat-form-field>
          }
          <div class="admin__actions">
            <button mat-flat-button type="submit" [disabled]="saving() || !changed()">
              Save notification choices
            </button>
          </div>
        </form>
      }
      <p role="status" class="admin__done">{{ saved() }}</p>
      @if (saveError(); as message) {
        <p class="admin__error" role="alert">{{ message }}</p>
      }
    </section>
  `,
})
export class EmailPreferencesComponent {
  protected readonly store = inject(ProfileStore);
  protected readonly deliveries = EMAIL_DELIVERY_VALUES;
  protected readonly kindLabel = EMAIL_KIND_LABEL;
  protected readonly deliveryLabel = EMAIL_DELIVERY_LABEL;
  protected readonly errorMessage = genericErrorMessage;

  /** Choices made on the page and not saved yet, by kind. */
  private readonly draft = signal<Partial<Record<EmailKind, EmailDelivery>>>({});
  protected readonly saving = signal(false);
  protected readonly saved = signal('');
  protected readonly saveError = signal<string | null>(null);

  protected readonly rows = computed<EmailPreference[]>(() => {
    if (!this.store.email.hasValue()) return [];
    const draft = this.draft();
    return this.store.email
      .value()
      .preferences.map((p) => ({ kind: p.kind, delivery: draft[p.kind] ?? p.delivery }));
  });
  protected readonly changed = computed(() => Object.keys(this.draft()).length > 0);
  protected readonly digestHour = computed(() => {
    const hour = this.store.email.hasValue() ? this.store.email.value().digestHourUtc : 7;
    return `${String(hour).padStart(2, '0')}:00 UTC`;
  });

  protected choose(kind: EmailKind, delivery: EmailDelivery): void {
    this.saved.set('');
    this.draft.update((draft) => ({ ...draft, [kind]: delivery }));
  }

  protected async save(): Promise<void> {
    const draft = this.draft();
    const preferences = (Object.keys(draft) as EmailKind[]).map((kind) => ({
      kind,
      delivery: draft[kind] ?? 'immediate',
    }));
    if (preferences.length === 0) return;
    this.saving.set(true);
    this.saveError.set(null);
    try {
      await this.store.savePreferences(preferences);
      this.draft.set({});
      this.saved.set('Your notification choices are saved.');
    } catch (error) {
      this.saveError.set(genericErrorMessage(error));
    } finally {
      this.saving.set(false);
    }
  }
}
