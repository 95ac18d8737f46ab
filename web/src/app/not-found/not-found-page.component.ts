import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthStore } from '../auth/auth.store';
import { homeLabel, homeUrl } from '../places';
import { EmptyStateComponent } from '../shared/empty-state.component';

/** Shown for any URL that matches no place. */
@Component({
  selector: 'wp-not-found-page',
  imports: [EmptyStateComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <wp-empty-state
      icon="not-found"
      heading="Page not found"
      message="There is nothing at this address. It may have moved, or the link may be mistyped."
    >
      @if (home(); as target) {
        <a [routerLink]="target.url">Go to {{ target.label }}</a>
      } @else {
        <a routerLink="/sign-in">Sign in</a>
      }
    </wp-empty-state>
  `,
})
export class NotFoundPageComponent {
  private readonly role = inject(AuthStore).role;

  /** The user's home place; signed out, the sign-in page instead. */
  protected readonly home = computed(() => {
    const role = this.role();
    return role ? { url: homeUrl(role), label: homeLabel(role) } : null;
  });
}
