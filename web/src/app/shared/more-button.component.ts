import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { PagedList } from './paged-list';
import { countText } from './format';
import { genericErrorMessage } from './problem';

/**
 * Under a paged list: how many are shown of how many, and a button that loads the next page,
 * so no list stops at a silent cap. Shows nothing once everything is loaded.
 */
@Component({
  selector: 'wp-more-button',
  imports: [MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (list().hasMore()) {
      <div class="more">
        <span class="more__count">Showing {{ list().items().length }} of {{ totalText() }}</span>
        <button
          mat-stroked-button
          type="button"
          [disabled]="list().isLoading()"
          (click)="list().loadMore()"
        >
          {{ moreText() }}
        </button>
      </div>
    }
    @if (list().error() && list().hasValue()) {
      <p class="more__error" role="alert">{{ errorMessage(list().error()) }}</p>
    }
  `,
  styles: `
    .more {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
      margin-top: 12px;
    }
    .more__count {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .more__error {
      color: var(--mat-sys-error);
    }
  `,
})
export class MoreButtonComponent {
  readonly list = input.required<PagedList<unknown>>();
  /** What the list holds, one of it ("step"). */
  readonly noun = input.required<string>();
  /** More than one; the noun plus "s" unless given. */
  readonly plural = input<string | undefined>(undefined);
  private readonly many = computed(() => this.plural() ?? `${this.noun()}s`);
  /** "45 conditions". */
  protected readonly totalText = computed(() =>
    countText(this.list().total(), this.noun(), this.many()),
  );
  /** "Show 1 more condition", "Show 20 more conditions": correct plural. */
  protected readonly moreText = computed(() => {
    const next = Math.min(this.list().remaining(), this.list().pageSize);
    return `Show ${countText(next, `more ${this.noun()}`, `more ${this.many()}`)}`;
  });
  protected readonly errorMessage = genericErrorMessage;
}
