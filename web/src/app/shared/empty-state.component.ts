import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { IconName } from './icons';

/**
 * A friendly placeholder for a place or a list with nothing to show yet: an icon, a heading,
 * one sentence, and optional projected actions (links, buttons).
 */
@Component({
  selector: 'wp-empty-state',
  imports: [MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './empty-state.component.html',
  styleUrl: './empty-state.component.scss',
})
export class EmptyStateComponent {
  readonly icon = input.required<IconName>();
  readonly heading = input.required<string>();
  readonly message = input.required<string>();
  /** 1 when the empty state is the whole page, 2 or 3 when it sits inside a section. */
  readonly headingLevel = input<1 | 2 | 3>(1);
}
