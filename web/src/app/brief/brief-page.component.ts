import { ChangeDetectionStrategy, Component } from '@angular/core';
import { EmptyStateComponent } from '../shared/empty-state.component';

/** Brief: an empty state until the place is built. */
@Component({
  selector: 'wp-brief-page',
  imports: [EmptyStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <wp-empty-state
      icon="brief"
      heading="Brief"
      message="A one-page, printable progress brief of an initiative or of the portfolio, with its evidence, will appear here."
    />
  `,
})
export class BriefPageComponent {}
