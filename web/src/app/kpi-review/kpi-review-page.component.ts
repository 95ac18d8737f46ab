import { ChangeDetectionStrategy, Component } from '@angular/core';
import { EmptyStateComponent } from '../shared/empty-state.component';

/** KPI review: an empty state until the place is built. */
@Component({
  selector: 'wp-kpi-review-page',
  imports: [EmptyStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <wp-empty-state
      icon="kpi-review"
      heading="KPI review"
      message="Every measure, classed as customer-centric, neutral or customer-toxic, with its counter-measure, will appear here."
    />
  `,
})
export class KpiReviewPageComponent {}
