import { ChangeDetectionStrategy, Component } from '@angular/core';
import { EmptyStateComponent } from '../shared/empty-state.component';

/** Approvals: an empty state until the place is built. */
@Component({
  selector: 'wp-approvals-page',
  imports: [EmptyStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <wp-empty-state
      icon="approvals"
      heading="Approvals"
      message="Milestone gates submitted for a decision will appear here, each with its evidence snapshot, so you can decide with a rationale."
    />
  `,
})
export class ApprovalsPageComponent {}
