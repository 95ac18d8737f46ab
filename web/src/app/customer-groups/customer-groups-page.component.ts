import { ChangeDetectionStrategy, Component } from '@angular/core';
import { EmptyStateComponent } from '../shared/empty-state.component';

/** Customer groups: an empty state until the place is built. */
@Component({
  selector: 'wp-customer-groups-page',
  imports: [EmptyStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <wp-empty-state
      icon="customer-groups"
      heading="Customer groups"
      message="The customer groups you serve, their intent, value proposition and whether they are protected, will appear here."
    />
  `,
})
export class CustomerGroupsPageComponent {}
