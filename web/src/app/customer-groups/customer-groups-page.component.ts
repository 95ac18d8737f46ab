import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { MoreButtonComponent } from '../shared/more-button.component';
import { progressText } from '../shared/format';
import { genericErrorMessage } from '../shared/problem';
import { INTENT_LABEL, STATUS_LABEL } from '../shared/vocabulary';
import { CustomerGroupsStore } from './customer-groups.store';

/** Customer groups: intent, protection, value proposition, and what is aimed at the chosen one. */
@Component({
  selector: 'wp-customer-groups-page',
  imports: [RouterLink, MatButton, MatProgressBar, EmptyStateComponent, MoreButtonComponent],
  providers: [CustomerGroupsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="groups">
      <h1 class="groups__title">Customer groups</h1>
      <p class="groups__intro">
        Not all customers are equal: each group has an intent, and protected groups' experience must
        not be traded away.
      </p>
      @if (store.groupList.isLoading() && !store.groupList.hasValue()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading customer groups" />
      } @else if (store.groupList.error() && !store.groupList.hasValue()) {
        <p class="groups__error" role="alert">
          {{ errorMessage(store.groupList.error()) }}
          <button mat-button type="button" (click)="store.reload()">Try again</button>
        </p>
      } @else if (store.groups().length > 0) {
        <nav class="groups__choice" aria-label="Customer groups">
          <ul class="groups__choices">
            @for (group of store.groups(); track group.id) {
              <li>
                <button
                  mat-stroked-button
                  type="button"
                  class="groups__chooser"
                  [class.groups__chooser--selected]="group.id === store.selected()?.id"
                  [attr.aria-pressed]="group.id === store.selected()?.id"
                  (click)="store.choose(group.id)"
                >
                  {{ group.name }}
                  @if (group.protected) {
                    <span class="groups__lock">· protected</span>
                  }
                </button>
              </li>
            }
          </ul>
          <wp-more-button [list]="store.groupList" noun="group" />
        </nav>

        @if (store.selected(); as group) {
          <section class="group" [attr.aria-labelledby]="'group-' + group.id">
            <div class="group__head">
              <h2 class="group__name" [id]="'group-' + group.id">{{ group.name }}</h2>
              <span class="chip">{{ intentLabel[group.intent] }}</span>
              @if (group.protected) {
                <span class="chip chip--protected">Protected</span>
              }
            </div>
            @if (group.description) {
              <p class="group__text">{{ group.description }}</p>
            }
            <p class="group__text">
              <strong>Value proposition:</strong>
              {{ group.valueProposition || 'Not written yet.' }}
            </p>
            <div class="group__columns">
              <div>
                <h3 class="group__sub">
                  Initiatives aimed at it
                  @if (store.initiatives.hasValue()) {
                    ({{ store.initiatives.total() }})
                  }
                </h3>
                @if (store.initiatives.isLoading() && !store.initiatives.hasValue()) {
                  <mat-progress-bar mode="indeterminate" aria-label="Loading the initiatives" />
                } @else if (store.initiatives.error() && !store.initiatives.hasValue()) {
                  <p class="groups__error" role="alert">
                    {{ errorMessage(store.initiatives.error()) }}
                  </p>
                } @else if (store.initiatives.items().length === 0) {
                  <p class="group__text group__muted">None yet.</p>
                } @else {
                  <ul class="group__list">
                    @for (initiative of store.initiatives.items(); track initiative.id) {
                      <li>
                        <a [routerLink]="['/initiatives', initiative.id]">{{ initiative.title }}</a>
                        · {{ statusLabel[initiative.status] }}
                      </li>
                    }
                  </ul>
                  <wp-more-button [list]="store.initiatives" noun="initiative" />
                }
              </div>
              <div>
                <h3 class="group__sub">
                  Measures aimed at it
                  @if (store.measures.hasValue()) {
                    ({{ store.measures.total() }})
                  }
                </h3>
                @if (store.measures.isLoading() && !store.measures.hasValue()) {
                  <mat-progress-bar mode="indeterminate" aria-label="Loading the measures" />
                } @else if (store.measures.error() && !store.measures.hasValue()) {
                  <p class="groups__error" role="alert">
                    {{ errorMessage(store.measures.error()) }}
                  </p>
                } @else if (store.measures.items().length === 0) {
                  <p class="group__text group__muted">No measure is aimed at this group yet.</p>
                } @else {
                  <ul class="group__list">
                    @for (measure of store.measures.items(); track measure.id) {
                      <li>
                        {{ measure.name }} (<a
                          [routerLink]="['/initiatives', measure.initiative.id]"
                          >{{ measure.initiative.title }}</a
                        >) ·
                        {{
                          measure.progress === null
                            ? progressText(null)
                            : progressText(measure.progress) + ' of the way'
                        }}
                        @if (measure.stale) {
                          <span class="chip chip--stale">Stale</span>
                        }
                      </li>
                    }
                  </ul>
                  <wp-more-button [list]="store.measures" noun="measure" />
                }
              </div>
            </div>
          </section>
        }
      } @else {
        <wp-empty-state
          icon="customer-groups"
          heading="No customer groups yet"
          message="An administrator defines the customer groups initiatives aim at."
          [headingLevel]="2"
        />
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .groups {
      max-width: 1200px;
      margin: 0 auto;
      padding: 16px;
    }
    .groups__title {
      margin: 0 0 8px;
      font: var(--mat-sys-headline-medium);
    }
    .groups__intro {
      margin: 0 0 16px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .groups__error {
      color: var(--mat-sys-error);
    }
    .groups__choices {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 0 0 16px;
      padding: 0;
      list-style: none;
    }
    .groups__chooser {
      max-width: 100%;
      white-space: normal;
      height: auto;
      min-height: 40px;
    }
    .groups__chooser--selected {
      color: var(--mat-sys-on-secondary-container);
      background: var(--mat-sys-secondary-container);
    }
    .groups__lock {
      font: var(--mat-sys-label-medium);
    }
    .group__columns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 340px), 1fr));
      gap: 16px;
    }
    .group {
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-lowest);
    }
    .group__head {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .group__name {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    .group__sub {
      margin: 12px 0 4px;
      font: var(--mat-sys-title-small);
    }
    .group__text {
      margin: 8px 0 0;
      font: var(--mat-sys-body-medium);
    }
    .group__muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .group__list {
      margin: 0;
      padding-left: 1.25rem;
      font: var(--mat-sys-body-medium);
    }
    .chip {
      padding: 0 8px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-secondary-container);
      background: var(--mat-sys-secondary-container);
    }
    .chip--protected {
      color: var(--mat-sys-on-tertiary-container);
      background: var(--mat-sys-tertiary-container);
    }
    .chip--stale {
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
  `,
})
export class CustomerGroupsPageComponent {
  protected readonly store = inject(CustomerGroupsStore);
  protected readonly intentLabel = INTENT_LABEL;
  protected readonly statusLabel = STATUS_LABEL;
  protected readonly errorMessage = genericErrorMessage;
  protected readonly progressText = progressText;
}
