import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  ApiTokenResponse,
  CreateApiTokenRequest,
  CreatedApiTokenResponse,
} from '@waypoint/contracts';
import { TokensApi } from '../shared/api';

/** The profile's API tokens: the list, the secret of the one just made (shown once), revoking. */
@Injectable()
export class ProfileStore {
  private readonly api = inject(TokensApi);

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
}
