import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ConditionListItem } from '@waypoint/contracts';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { countText, formatDate } from '../shared/format';
import { MoreButtonComponent } from '../shared/more-button.component';
import { genericErrorMessage } from '../shared/problem';
import { ConditionsStore } from './conditions.store';

/** Where a condition leads: its initiative, on the tab of its gates. */
export function conditionLink(condition: Pick<ConditionListItem, 'initiative'>): {
  path: string[];
  queryParams: Record<string, string>;
} {
  return { path: ['/initiatives', condition.initiative.id], queryParams: { tab: 'work' } };
}

/** "Gate 2, Pilot: decided 15 Apr 2030 by Sam Sponsor". */
export function conditionOrigin(
  condition: Pick<ConditionListItem, 'milestone' | 'decidedAt' | 'decidedBy'>,
): string {
  const { milestone, decidedAt, decidedBy } = condition;
  return `Gate ${milestone.position}, ${milestone.title}: decided ${formatDate(decidedAt)} by ${decidedBy.displayName}`;
}

/** The open conditions across initiatives, oldest decision first: the portfolio figure's list. */
@Component({
  selector: 'wp-conditions-page',
  imports: [RouterLink, MatButton, MatProgressBar, EmptyStateComponent, MoreButtonComponent],
  providers: [ConditionsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="conditions">
      <h1 class="conditions__title">Open conditions</h1>
      <p class="conditions__intro">
        Conditions set when a gate was passed with conditions and not closed yet, the oldest
        decision first. Each is closed with a note on its initiative's page.
      </p>
      @if (store.open.isLoading() && !store.open.hasValue()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the open conditions" />
      } @else if (store.open.error() && !store.open.hasValue()) {
        <p class="conditions__error" role="alert">
          {{ errorMessage(store.open.error()) }}
          <button mat-button type="button" (click)="store.reload()">Try again</button>
        </p>
      } @else if (store.open.items().length > 0) {
        <p class="conditions__count" role="status">
          {{ countText(store.open.total(), 'open condition') }}
        </p>
        <ul class="conditions__list">
          @for (c of store.open.items(); track c.id) {
            <li class="condition">
              <p class="condition__text">{{ c.text }}</p>
              <p class="condition__where">
                <a [routerLink]="link(c).path" [queryParams]="link(c).queryParams">{{
                  c.initiative.title
                }}</a>
                · {{ origin(c) }}
              </p>
            </li>
          }
        </ul>
        <wp-more-button [list]="store.open" noun="condition" />
      } @else {
        <wp-empty-state
          icon="approvals"
          heading="No open conditions"
          message="Every condition set at a gate has been closed."
          [headingLevel]="2"
        />
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .conditions {
      max-width: 1200px;
      margin: 0 auto;
      padding: 16px;
    }
    .conditions__title {
      margin: 0 0 8px;
      font: var(--mat-sys-headline-medium);
    }
    .conditions__intro,
    .conditions__count {
      margin: 0 0 16px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .conditions__error {
      color: var(--mat-sys-error);
    }
    .conditions__list {
      display: grid;
      gap: 8px;
      margin: 0 0 16px;
      padding: 0;
      list-style: none;
    }
    .condition {
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-lowest);
      overflow-wrap: anywhere;
    }
    .condition__text {
      margin: 0 0 4px;
      font: var(--mat-sys-body-large);
    }
    .condition__where {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ConditionsPageComponent {
  protected readonly store = inject(ConditionsStore);
  protected readonly countText = countText;
  protected readonly link = conditionLink;
  protected readonly origin = conditionOrigin;

  protected readonly errorMessage = genericErrorMessage;
}
