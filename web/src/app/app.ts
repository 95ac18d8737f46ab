import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  linkedSignal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatListItem, MatListItemIcon, MatListItemTitle, MatNavList } from '@angular/material/list';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { DEFAULT_PLACE, PLACES } from './places';
import { PRODUCT_NAME } from './title-strategy';

/** Below this width the navigation slides over the content instead of sitting beside it. */
export const NARROW_SCREEN = '(max-width: 899.98px)';

/** The app shell: toolbar, navigation to every place, and the routed page. */
@Component({
  selector: 'wp-root',
  imports: [
    MatToolbar,
    MatIconButton,
    MatIcon,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatNavList,
    MatListItem,
    MatListItemIcon,
    MatListItemTitle,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  private readonly breakpoints = inject(BreakpointObserver);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly productName = PRODUCT_NAME;
  protected readonly home = `/${DEFAULT_PLACE}`;
  protected readonly places = PLACES;

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
   * close is mirrored: `openedChange` arrives after the animation and could undo a later close.
   */
  protected onNavClosed(): void {
    this.navToggled.set(false);
  }

  protected onNavigate(): void {
    if (this.narrow()) {
      this.navToggled.set(false);
    }
  }

  /** In-page skip link: a plain `#main` href would resolve against `<base href>` and navigate. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
