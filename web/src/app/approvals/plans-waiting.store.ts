import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable } from '@angular/core';
import type { InitiativeListItem, Page } from '@waypoint/contracts';
import { AuthStore } from '../auth/auth.store';
import { InitiativesApi } from '../shared/api';

/** Hours from an instant to now (never negative). */
export function hoursSince(iso: string, now: number = Date.now()): number {
  return Math.max(0, (now - Date.parse(iso)) / 3_600_000);
}

/**
 * The plans proposed to the signed-in sponsor, waiting for their acceptance (oldest first), and
 * the two answers: accept and start, or send back for rework with a reason the team reads.
 */
@Injectable()
export class PlansWaitingStore {
  private readonly initiativesApi = inject(InitiativesApi);
  private readonly auth = inject(AuthStore);

  private readonly page = httpResource<Page<InitiativeListItem>>(() => {
    const me = this.auth.user();
    return me
      ? this.initiativesApi.listRequest({
          status: 'proposed',
          sponsorId: me.id,
          sort: 'updatedAt',
          order: 'asc',
          limit: 100,
        })
      : undefined;
  });

  readonly items = computed(() => (this.page.hasValue() ? this.page.value().items : []));
  readonly error = computed(() => this.page.error() ?? null);

  reload(): void {
    this.page.reload();
  }

  async accept(plan: InitiativeListItem): Promise<void> {
    await this.initiativesApi.transition(plan, { to: 'active' });
    this.page.reload();
  }

  async sendBack(plan: InitiativeListItem, reason: string): Promise<void> {
    await this.initiativesApi.transition(plan, { to: 'draft', note: reason.trim() });
    this.page.reload();
  }
}
