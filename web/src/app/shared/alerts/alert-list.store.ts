import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable } from '@angular/core';
import type { AlertResponse, Page } from '@waypoint/contracts';
import { AlertsApi } from '../api';

/** How many live alerts one list shows; the total says when there are more. */
export const ALERT_LIST_LIMIT = 25;

/**
 * The data of one alert list: the live alerts (open or acknowledged) of one initiative, or of
 * every initiative the user may read when `initiativeId` is null, and the answers to them.
 */
@Injectable()
export class AlertListStore {
  private readonly api = inject(AlertsApi);

  /** The initiative whose alerts are listed; null: all (the portfolio). See `connect`. */
  private initiativeId: () => string | null = () => null;
  /** The cycle whose alerts are listed; null: every cycle. See `connect`. */
  private cycleId: () => string | null = () => null;

  private readonly resource = httpResource<Page<AlertResponse>>(() =>
    this.api.listRequest({
      status: 'live',
      initiativeId: this.initiativeId() ?? undefined,
      cycleId: this.cycleId() ?? undefined,
      limit: ALERT_LIST_LIMIT,
    }),
  );

  readonly alerts = computed<AlertResponse[]>(() =>
    this.resource.hasValue() ? this.resource.value().items : [],
  );
  readonly total = computed(() => (this.resource.hasValue() ? this.resource.value().total : 0));
  readonly loaded = computed(() => this.resource.hasValue());
  readonly loading = computed(() => this.resource.isLoading() && !this.resource.hasValue());
  readonly error = computed(() => this.resource.error() ?? null);

  /**
   * Lists the alerts of the initiative `initiativeId` names, of the cycle `cycleId` names (both
   * signals, e.g. inputs; null: all).
   */
  connect(initiativeId: () => string | null, cycleId: () => string | null = () => null): void {
    this.initiativeId = initiativeId;
    this.cycleId = cycleId;
  }

  reload(): void {
    this.resource.reload();
  }

  /** The owner or sponsor says what they will do; the list reloads with the answer. */
  async acknowledge(id: string, note: string): Promise<void> {
    await this.api.acknowledge(id, { note });
    this.reload();
  }

  /** An executive sets it aside with a reason; it leaves the list. */
  async dismiss(id: string, reason: string): Promise<void> {
    await this.api.dismiss(id, { reason });
    this.reload();
  }
}
