import { ChangeDetectionStrategy, Component } from '@angular/core';
import { EmptyStateComponent } from '../shared/empty-state.component';

/** Cycles: an empty state until the place is built. */
@Component({
  selector: 'wp-cycles-page',
  imports: [EmptyStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <wp-empty-state
      icon="cycles"
      heading="Cycles"
      message="Progress over the three-monthly improvement cycles, with customer and business value per cycle, will appear here."
    />
  `,
})
export class CyclesPageComponent {}
