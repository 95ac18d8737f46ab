import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { Router } from '@angular/router';
import type { NotificationResponse } from '@waypoint/contracts';
import { DateTimePipe } from '../format';
import { genericErrorMessage } from '../problem';
import { NotificationsStore } from './notifications.store';

/** "3 unread notifications", "No unread notification": the bell's name for screen readers. */
export function bellLabel(unread: number): string {
  if (unread === 0) return 'Notifications, none unread';
  // The name holds the badge's own text ("99+"), so what is seen is what is announced.
  return `Notifications, ${unread > 99 ? '99+' : unread} unread`;
}

/**
 * The bell in the header, for every role: the unread count, and a panel of the latest
 * notifications that open their place (and are marked read), mark read, mark all read.
 */
@Component({
  selector: 'wp-notification-bell',
  imports: [MatIcon, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notification-bell.component.html',
  styleUrl: './notification-bell.component.scss',
})
export class NotificationBellComponent {
  protected readonly store = inject(NotificationsStore);
  private readonly router = inject(Router);
  private readonly panel = viewChild<ElementRef<HTMLElement>>('panel');

  protected readonly label = computed(() => bellLabel(this.store.unread()));
  protected readonly badge = computed(() => {
    const unread = this.store.unread();
    return unread > 99 ? '99+' : String(unread);
  });
  protected readonly error = signal<string | null>(null);

  protected async open(notification: NotificationResponse): Promise<void> {
    this.panel()?.nativeElement.hidePopover();
    if (!notification.readAt) {
      this.store.markRead(notification.id).catch(() => undefined);
    }
    await this.router.navigateByUrl(notification.link);
  }

  protected async markRead(notification: NotificationResponse): Promise<void> {
    this.error.set(null);
    try {
      await this.store.markRead(notification.id);
    } catch (error) {
      this.error.set(genericErrorMessage(error));
    }
  }

  protected async markAllRead(): Promise<void> {
    this.error.set(null);
    try {
      await this.store.markAllRead();
    } catch (error) {
      this.error.set(genericErrorMessage(error));
    }
  }
}
