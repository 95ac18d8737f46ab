import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  ApiTokenResponse,
  CreateApiTokenRequest,
  CreatedApiTokenResponse,
  EmailPreference,
  EmailPreferencesResponse,
} from '@waypoint/contracts';
import { EmailApi, TokensApi } from '../shared/api';

/**
 * The profile: my API tokens (the list, the secret of the one just made, shown once, revoking)
 * and my email preferences.
 */
@Injectable()
export class ProfileStore {
  private readonly api = inject(TokensApi);
  private readonly emailApi = inject(EmailApi);

  readonly email = httpResource<EmailPreferencesResponse>(() => this.emailApi.preferencesRequest());

  readonly tokens = httpResource<ApiTokenResponse[]>(() => this.api.listRequest());
  readonly list = computed(() => (this.tokens.hasValue() ? this.tokens.value() : []));
  /** The token just created, with its secret: shown until dismissed, never again. */
  readonly created = signal<CreatedApiTokenResponse | null>(null);

  async create(request: CreateApiTokenRequest): Promise<void> {
    this.created.set(await this.api.create(request));
    this.tokens.reload();
  }

  async revoke(id: string): Promise<void> {
    await this.api.revoke(id);
    if (this.created()?.id === id) this.created.set(null);
    this.tokens.reload();
  }

  /** Saves my delivery per kind; the answer replaces what the page shows. */
  async savePreferences(preferences: EmailPreference[]): Promise<void> {
    this.email.set(await this.emailApi.savePreferences({ preferences }));
  }
}
