import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
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
      <a routerLink="/portfolio">Go to the portfolio</a>
    </wp-empty-state>
  `,
})
export class NotFoundPageComponent {}
