import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  linkedSignal,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIcon } from '@angular/material/icon';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { map } from 'rxjs';
import { AuthStore } from '../auth/auth.store';
import { PAGE_LOCATION } from '../auth/page-location';
import { homeUrl, placesFor, ROLE_LABEL } from '../places';
import { NotificationBellComponent } from '../shared/notifications/notification-bell.component';
import { NotificationsStore } from '../shared/notifications/notifications.store';
import { genericErrorMessage } from '../shared/problem';
import { PRODUCT_NAME } from '../title-strategy';

/** Below this width the navigation slides over the content instead of sitting beside it. */
export const NARROW_SCREEN = '(max-width: 899.98px)';

/** "Ada Lovelace" → "AL": the avatar in the user menu button. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

/**
 * The signed-in chrome around the routed page: the toolbar with the notification bell and the
 * user menu, and the navigation to the places of the user's role (beside the content on a wide
 * screen; on a narrow one, a modal drawer behind the menu button). The shell (`App`) loads it
 * with `@defer` only when a page wants it, so the sign-in page downloads none of it. Its host
 * takes no box (`display: contents`): the header and navigation sit in the shell's grid.
 */
@Component({
  selector: 'wp-app-chrome',
  imports: [MatIcon, NgTemplateOutlet, RouterLink, RouterLinkActive, NotificationBellComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app-chrome.component.html',
  styleUrl: './app-chrome.component.scss',
})
export class AppChromeComponent {
  /** Signed out: the shell shows "Signing out…" while the sign-in page loads afresh. */
  readonly leaving = output<void>();

  private readonly breakpoints = inject(BreakpointObserver);
  private readonly auth = inject(AuthStore);
  private readonly pageLocation = inject(PAGE_LOCATION);
  private readonly userMenu = viewChild<ElementRef<HTMLElement>>('userMenu');
  private readonly drawer = viewChild<ElementRef<HTMLDialogElement>>('drawer');
  /** Gates and plans waiting for the user, counted beside Approvals (null: not theirs). */
  protected readonly waitingGates = inject(NotificationsStore).waitingGates;

  protected readonly productName = PRODUCT_NAME;
  protected readonly user = this.auth.user;
  protected readonly places = computed(() => {
    const role = this.auth.role();
    return role ? placesFor(role) : [];
  });
  protected readonly home = computed(() => {
    const role = this.auth.role();
    return role ? homeUrl(role) : '/';
  });
  protected readonly roleLabel = computed(() => {
    const role = this.auth.role();
    return role ? ROLE_LABEL[role] : '';
  });
  protected readonly initials = computed(() => initialsOf(this.user()?.displayName ?? ''));
  protected readonly signOutError = signal<string | null>(null);

  protected readonly narrow = toSignal(
    this.breakpoints.observe(NARROW_SCREEN).pipe(map((state) => state.matches)),
    { initialValue: this.breakpoints.isMatched(NARROW_SCREEN) },
  );
  /** Whether the user opened the drawer; resets when the screen width class changes. */
  protected readonly navToggled = linkedSignal({ source: this.narrow, computation: () => false });
  protected readonly navOpened = computed(() => !this.narrow() || this.navToggled());

  constructor() {
    // The drawer is a modal <dialog>: the browser keeps the focus in it, closes it on Escape and
    // on a click on the scrim (closedby="any"), and gives the focus back to the menu button.
    effect(() => {
      const drawer = this.drawer()?.nativeElement;
      if (!drawer) return;
      const open = this.navToggled();
      if (open && !drawer.open) drawer.showModal();
      else if (!open && drawer.open) drawer.close();
    });
  }

  protected toggleNav(): void {
    this.navToggled.update((open) => !open);
  }

  /** The drawer closed itself (Escape, a click on the scrim): the menu button follows. */
  protected onNavClosed(): void {
    this.navToggled.set(false);
  }

  protected onNavigate(): void {
    if (this.narrow()) {
      this.navToggled.set(false);
    }
  }

  protected closeUserMenu(): void {
    this.userMenu()?.nativeElement.hidePopover();
  }

  /**
   * Ends the session, then loads the sign-in page afresh (no state of this user survives), by way
   * of the provider's sign-out for a single-sign-on session.
   */
  protected async signOut(): Promise<void> {
    this.signOutError.set(null);
    let endSessionUrl: string | null;
    try {
      endSessionUrl = await this.auth.signOut();
    } catch (error) {
      this.signOutError.set(`Signing out failed: ${genericErrorMessage(error)}`);
      return;
    }
    this.leaving.emit();
    // A single-sign-on session also ends at the provider, which then comes back to sign-in.
    this.pageLocation.assign(endSessionUrl ?? '/sign-in');
  }
}
