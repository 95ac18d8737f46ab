import { computed, DestroyRef, inject, Injectable, resource } from '@angular/core';
import type { ApprovalResponse, InitiativeListItem, Page } from '@waypoint/contracts';
import { httpResource } from '@angular/common/http';
import { AuthStore } from '../../auth/auth.store';
import { placeAt } from '../../places';
import { ApprovalsApi, InitiativesApi, NotificationsApi } from '../api';
import { LiveUpdatesService } from '../live-updates.service';

/** How many recent notifications the bell's panel lists. */
export const BELL_LIMIT = 8;

/** The live changes that may change what waits in Approvals. */
const APPROVAL_KINDS = new Set(['milestone', 'decision', 'initiative']);

/**
 * The signed-in user's bell: the unread count and the latest notifications, and the number of
 * gates waiting in Approvals (for those offered Approvals). Live: a notification or a gate change
 * on the event stream refetches them.
 */
@Injectable({ providedIn: 'root' })
export class NotificationsStore {
  private readonly auth = inject(AuthStore);
  private readonly notificationsApi = inject(NotificationsApi);
  private readonly approvalsApi = inject(ApprovalsApi);
  private readonly initiativesApi = inject(InitiativesApi);

  readonly inbox = resource({
    params: () => this.auth.user()?.id,
    loader: () => this.notificationsApi.list({ limit: BELL_LIMIT }),
  });

  private readonly approvalsAllowed = computed(() => {
    const role = this.auth.role();
    return role !== null && (placeAt('approvals')?.roles.includes(role) ?? false);
  });
  private readonly approvals = httpResource<Page<ApprovalResponse>>(() =>
    this.approvalsAllowed() && this.auth.user()
      ? this.approvalsApi.listRequest({ limit: 1 })
      : undefined,
  );

  /** Plans proposed to me as sponsor, waiting for my acceptance (they are in Approvals too). */
  private readonly plans = httpResource<Page<InitiativeListItem>>(() => {
    const me = this.auth.user();
    return this.approvalsAllowed() && me
      ? this.initiativesApi.listRequest({ status: 'proposed', sponsorId: me.id, limit: 1 })
      : undefined;
  });

  readonly items = computed(() => (this.inbox.hasValue() ? this.inbox.value().items : []));
  readonly unread = computed(() => (this.inbox.hasValue() ? this.inbox.value().unreadCount : 0));
  /**
   * All that waits in Approvals for the user: gates to decide and plans to accept; null when
   * Approvals is not theirs or not loaded.
   */
  readonly waitingGates = computed(() => {
    if (!this.approvalsAllowed() || !this.approvals.hasValue()) return null;
    const plans = this.plans.hasValue() ? this.plans.value().total : 0;
    return this.approvals.value().total + plans;
  });

  constructor() {
    const live = inject(LiveUpdatesService);
    const destroyRef = inject(DestroyRef);
    live.watch(
      (event) => event.kind === 'notification',
      () => this.inbox.reload(),
      {
        destroyRef,
      },
    );
    live.watch(
      (event) => APPROVAL_KINDS.has(event.kind),
      () => {
        if (!this.approvalsAllowed()) return;
        this.approvals.reload();
        this.plans.reload();
      },
      { destroyRef },
    );
  }

  async markRead(id: string): Promise<void> {
    await this.notificationsApi.markRead(id);
    this.inbox.reload();
  }

  async markAllRead(): Promise<void> {
    await this.notificationsApi.markAllRead();
    this.inbox.reload();
  }
}
