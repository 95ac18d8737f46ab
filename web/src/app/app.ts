import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIcon } from '@angular/material/icon';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import {
  ActivatedRouteSnapshot,
  NavigationEnd,
  Router,
  RouterLink,
  RouterLinkActive,
  RouterOutlet,
} from '@angular/router';
import { filter, map } from 'rxjs';
import { AuthStore } from './auth/auth.store';
import { PAGE_LOCATION } from './auth/page-location';
import { homeUrl, placesFor, ROLE_LABEL } from './places';
import { NotificationBellComponent } from './shared/notifications/notification-bell.component';
import { NotificationsStore } from './shared/notifications/notifications.store';
import { genericErrorMessage } from './shared/problem';
import { PRODUCT_NAME } from './title-strategy';

/** Below this width the navigation slides over the content instead of sitting beside it. */
export const NARROW_SCREEN = '(max-width: 899.98px)';

/** False when the active route, or one of its parents, says `data: { chrome: false }`. */
function routeWantsChrome(root: ActivatedRouteSnapshot): boolean {
  for (let route: ActivatedRouteSnapshot | null = root; route; route = route.firstChild) {
    if (route.data['chrome'] === false) return false;
  }
  return true;
}

/** "Ada Lovelace" → "AL": the avatar in the user menu button. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

/**
 * The app shell: toolbar with the user menu, the navigation to the places of the user's role,
 * and the routed page. Signed out, and on the sign-in pages, only the page shows.
 */
@Component({
  selector: 'wp-root',
  imports: [
    MatToolbar,
    MatIcon,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    NotificationBellComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  private readonly breakpoints = inject(BreakpointObserver);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthStore);
  private readonly pageLocation = inject(PAGE_LOCATION);
  private readonly main = viewChild<ElementRef<HTMLElement>>('main');
  private readonly userMenu = viewChild<ElementRef<HTMLElement>>('userMenu');
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

  /** Whether the current page wants the toolbar and navigation (sign-in pages do not). */
  private readonly routeChrome = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => routeWantsChrome(this.router.routerState.snapshot.root)),
    ),
    { initialValue: false },
  );
  protected readonly chrome = computed(() => this.routeChrome() && this.user() !== null);
  /** Set once signed out, while the sign-in page loads: nothing of the session stays on screen. */
  protected readonly leaving = signal(false);
  protected readonly signOutError = signal<string | null>(null);

  protected readonly narrow = toSignal(
    this.breakpoints.observe(NARROW_SCREEN).pipe(map((state) => state.matches)),
    { initialValue: this.breakpoints.isMatched(NARROW_SCREEN) },
  );
  protected readonly navMode = computed(() => (this.narrow() ? 'over' : 'side'));
  /** Whether the user opened the overlay navigation; resets when the screen width class changes. */
  protected readonly navToggled = linkedSignal({ source: this.narrow, computation: () => false });
  protected readonly navOpened = computed(() => !this.narrow() || this.navToggled());

  protected toggleNav(): void {
    this.navToggled.update((open) => !open);
  }

  /**
   * Keeps the signal in step when the drawer closes itself (backdrop click, Escape). Only the
   * close is mirrored, as it starts (`closedStart`): `openedChange` and `closed` arrive after the
   * animation, late on a busy machine, and `openedChange` could undo a later close.
   */
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

  /** In-page skip link: a plain `#main` href would resolve against `<base href>` and navigate. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main()?.nativeElement.focus();
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
    this.leaving.set(true);
    // A single-sign-on session also ends at the provider, which then comes back to sign-in.
    this.pageLocation.assign(endSessionUrl ?? '/sign-in');
  }
}
