import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule, type NgForm } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  API_TOKEN_DEFAULT_DAYS,
  API_TOKEN_SCOPE_VALUES,
  type ApiTokenScope,
  NAME_MAX_LENGTH,
} from '@waypoint/contracts';
import { AuthStore } from '../auth/auth.store';
import { ROLE_LABEL } from '../places';
import { CopyButtonComponent } from '../shared/copy-button.component';
import { DateTimePipe, DayPipe } from '../shared/format';
import { genericErrorMessage } from '../shared/problem';
import { API_TOKEN_SCOPE_LABEL } from '../shared/vocabulary';
import { EmailPreferencesComponent } from './email-preferences.component';
import { ProfileStore } from './profile.store';

/** How long a new token may live, in the words of the form. */
export const TOKEN_LIFETIMES: ReadonlyArray<{ days: number; label: string }> = [
  { days: 30, label: '30 days' },
  { days: API_TOKEN_DEFAULT_DAYS, label: `${API_TOKEN_DEFAULT_DAYS} days` },
  { days: 365, label: 'A year' },
];

/** Everyone's profile: who I am, my notification choices, and my personal API tokens. */
@Component({
  selector: 'wp-profile-page',
  imports: [
    FormsModule,
    MatButton,
    MatFormField,
    MatInput,
    MatLabel,
    MatProgressBar,
    CopyButtonComponent,
    DateTimePipe,
    DayPipe,
    EmailPreferencesComponent,
  ],
  providers: [ProfileStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile-page.component.html',
  styleUrl: '../admin/admin.scss',
})
export class ProfilePageComponent {
  protected readonly store = inject(ProfileStore);
  protected readonly user = inject(AuthStore).user;
  protected readonly roleLabel = computed(() => {
    const user = this.user();
    return user ? ROLE_LABEL[user.role] : '';
  });
  protected readonly scopes = API_TOKEN_SCOPE_VALUES;
  protected readonly scopeLabel = API_TOKEN_SCOPE_LABEL;
  protected readonly lifetimes = TOKEN_LIFETIMES;
  protected readonly nameMax = NAME_MAX_LENGTH;
  protected readonly errorMessage = genericErrorMessage;

  protected readonly name = signal('');
  protected readonly days = signal<number>(API_TOKEN_DEFAULT_DAYS);
  protected readonly scope = signal<ApiTokenScope>('read');
  protected readonly creating = signal(false);
  protected readonly createError = signal<string | null>(null);
  protected readonly confirming = signal<string | null>(null);
  protected readonly revokeError = signal<string | null>(null);

  protected async create(form: NgForm): Promise<void> {
    const name = this.name().trim();
    if (!name) return;
    this.creating.set(true);
    this.createError.set(null);
    try {
      await this.store.create({ name, expiresInDays: Number(this.days()), scope: this.scope() });
      form.resetForm({ days: this.days(), scope: this.scope() });
      this.name.set('');
    } catch (error) {
      this.createError.set(genericErrorMessage(error));
    } finally {
      this.creating.set(false);
    }
  }

  protected async revoke(id: string): Promise<void> {
    this.confirming.set(null);
    this.revokeError.set(null);
    try {
      await this.store.revoke(id);
    } catch (error) {
      this.revokeError.set(genericErrorMessage(error));
    }
  }
}
