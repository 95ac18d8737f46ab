import { inject, Injectable } from '@angular/core';
import type { NotificationListQuery, NotificationPage } from '@waypoint/contracts';
import { API_ROOT, ApiClient, segment } from './api-client';

const base = `${API_ROOT}/notifications`;

export const NOTIFICATIONS_API = {
  list: base,
  read: (id: string) => `${base}/${segment(id)}/read`,
  readAll: `${base}/read-all`,
} as const;

/** The signed-in user's notifications. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly api = inject(ApiClient);

  list(query: NotificationListQuery): Promise<NotificationPage> {
    return this.api.get<NotificationPage>(NOTIFICATIONS_API.list, query);
  }

  markRead(id: string): Promise<void> {
    return this.api.post<void>(NOTIFICATIONS_API.read(id), null);
  }

  markAllRead(): Promise<void> {
    return this.api.post<void>(NOTIFICATIONS_API.readAll, null);
  }
}
