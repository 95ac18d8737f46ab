import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRouteSnapshot, NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { AuthStore } from './auth/auth.store';
import { AppChromeComponent } from './shell/app-chrome.component';

/** False when the active route, or one of its parents, says `data: { chrome: false }`. */
function routeWantsChrome(root: ActivatedRouteSnapshot): boolean {
  for (let route: ActivatedRouteSnapshot | null = root; route; route = route.firstChild) {
    if (route.data['chrome'] === false) return false;
  }
  return true;
}

/**
 * The app shell: the routed page and, signed in on a page that wants it, the chrome around it
 * (toolbar with the user menu, navigation to the places of the user's role: AppChromeComponent).
 * The chrome is loaded with `@defer` when it is first shown, so a signed-out first visit (the
 * sign-in page) downloads none of it; the router outlet stays in one place either way.
 */
@Component({
  selector: 'wp-root',
  imports: [AppChromeComponent, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  private readonly router = inject(Router);
  private readonly auth = inject(AuthStore);
  private readonly main = viewChild<ElementRef<HTMLElement>>('main');

  /** Whether the current page wants the toolbar and navigation (sign-in pages do not). */
  private readonly routeChrome = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => routeWantsChrome(this.router.routerState.snapshot.root)),
    ),
    { initialValue: false },
  );
  protected readonly chrome = computed(() => this.routeChrome() && this.auth.user() !== null);
  /** Set once signed out, while the sign-in page loads: nothing of the session stays on screen. */
  protected readonly leaving = signal(false);

  constructor() {
    // Signed in, the chrome shows with the next page: its code loads beside the page's (the
    // router's guards know the user before the page's code is fetched), not after it.
    effect(() => {
      if (this.auth.user()) void import('./shell/app-chrome.component');
    });
  }

  /** In-page skip link: a plain `#main` href would resolve against `<base href>` and navigate. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main()?.nativeElement.focus();
  }
}
