import { ChangeDetectionStrategy, Component } from '@angular/core';
import { EmptyStateComponent } from '../shared/empty-state.component';

/** Initiatives: an empty state until the place is built. */
@Component({
  selector: 'wp-initiative-list-page',
  imports: [EmptyStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <wp-empty-state
      icon="initiative"
      heading="Initiatives"
      message="Every improvement initiative, with its stage, owner and the customer groups it serves, will be listed here."
    />
  `,
})
export class InitiativeListPageComponent {}
