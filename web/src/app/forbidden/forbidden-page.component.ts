import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthStore } from '../auth/auth.store';
import { homeLabel, homeUrl, ROLE_LABEL } from '../places';
import { EmptyStateComponent } from '../shared/empty-state.component';

/** Shown when a place or a record is not open to the user's role (403). */
@Component({
  selector: 'wp-forbidden-page',
  imports: [EmptyStateComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <wp-empty-state icon="forbidden" heading="Not allowed" [message]="message()">
      @if (home(); as target) {
        <a [routerLink]="target.url">Go to {{ target.label }}</a>
      } @else {
        <a routerLink="/sign-in">Sign in</a>
      }
    </wp-empty-state>
  `,
})
export class ForbiddenPageComponent {
  private readonly role = inject(AuthStore).role;

  protected readonly message = computed(() => {
    const role = this.role();
    return role
      ? `Your role, ${ROLE_LABEL[role]}, does not give access to this page. If your work needs it, ask an administrator.`
      : 'This page is only open to signed-in users with the right role.';
  });
  protected readonly home = computed(() => {
    const role = this.role();
    return role ? { url: homeUrl(role), label: homeLabel(role) } : null;
  });
}
