import { ChangeDetectionStrategy, Component } from '@angular/core';
import { EmptyStateComponent } from '../shared/empty-state.component';

/** My work: an empty state until the place is built. */
@Component({
  selector: 'wp-my-work-page',
  imports: [EmptyStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <wp-empty-state
      icon="my-work"
      heading="My work"
      message="The steps assigned to you and the measures you record will appear here, ready for quick updates."
    />
  `,
})
export class MyWorkPageComponent {}
