import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { EmptyStateComponent } from '../shared/empty-state.component';

/** One initiative (`/initiatives/:id`): an empty state until the place is built. */
@Component({
  selector: 'wp-initiative-detail-page',
  imports: [EmptyStateComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <wp-empty-state
      icon="initiative"
      [heading]="heading()"
      message="The plan, the gate track of milestones, steps, measures, team, cycle reviews and history of this initiative will appear here."
    >
      <a routerLink="/initiatives">Back to all initiatives</a>
    </wp-empty-state>
  `,
})
export class InitiativeDetailPageComponent {
  /** Route parameter, bound by `withComponentInputBinding()`. */
  readonly id = input.required<string>();
  protected readonly heading = computed(() => `Initiative ${this.id()}`);
}
