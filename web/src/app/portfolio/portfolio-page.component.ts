import { ChangeDetectionStrategy, Component } from '@angular/core';
import { EmptyStateComponent } from '../shared/empty-state.component';

/** Portfolio: an empty state until the place is built. */
@Component({
  selector: 'wp-portfolio-page',
  imports: [EmptyStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <wp-empty-state
      icon="portfolio"
      heading="Portfolio"
      message="Initiatives by stage, the tension between customer and business value, gates waiting for a decision and alerts will appear here."
    />
  `,
})
export class PortfolioPageComponent {}
