import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { KpiClass } from '@waypoint/contracts';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { progressText } from '../shared/format';
import { genericErrorMessage } from '../shared/problem';
import { KPI_CLASS_LABEL } from '../shared/vocabulary';
import { KpiReviewStore } from './kpi-review.store';

const KPI_CLASS_HINT: Record<KpiClass, string> = {
  customer_centric: 'Measures that improve when customers are better off.',
  neutral: 'Measures that say nothing about the customer on their own.',
  customer_toxic: 'Measures that can improve while customers are worse off: pair or replace them.',
};

/** KPI review: measures by class, counter-measure pairs, and warnings. */
@Component({
  selector: 'wp-kpi-review-page',
  imports: [RouterLink, MatButton, MatProgressBar, EmptyStateComponent],
  providers: [KpiReviewStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="kpi">
      <h1 class="kpi__title">KPI review</h1>
      @if (store.review.isLoading() && !store.review.hasValue()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the KPI review" />
      } @else if (store.review.error()) {
        <p class="kpi__error" role="alert">
          {{ errorMessage(store.review.error()) }}
          <button mat-button type="button" (click)="store.review.reload()">Try again</button>
        </p>
      } @else if (store.review.hasValue() && store.review.value().summary.measures > 0) {
        @let review = store.review.value();
        <section class="kpi__card" aria-labelledby="kpi-summary">
          <h2 id="kpi-summary">Summary</h2>
          <dl class="kpi__figures">
            <div>
              <dt>Measures</dt>
              <dd>{{ review.summary.measures }}</dd>
            </div>
            @for (group of review.groups; track group.kpiClass) {
              <div>
                <dt>{{ classLabel[group.kpiClass] }}</dt>
                <dd>{{ review.summary.byClass[group.kpiClass] }}</dd>
              </div>
            }
            <div>
              <dt>Counter-measure pairs</dt>
              <dd>{{ review.summary.counterMeasurePairs }}</dd>
            </div>
            <div>
              <dt>Customer measures without a counter</dt>
              <dd>{{ review.summary.customerMeasuresWithoutCounter }}</dd>
            </div>
          </dl>
        </section>

        @for (group of review.groups; track group.kpiClass) {
          <section class="kpi__card" [attr.aria-labelledby]="'kpi-' + group.kpiClass">
            <h2 [id]="'kpi-' + group.kpiClass">
              {{ classLabel[group.kpiClass] }} ({{ group.rows.length }})
            </h2>
            <p class="kpi__hint">{{ classHint[group.kpiClass] }}</p>
            @if (group.rows.length === 0) {
              <p class="kpi__muted">No measure in this class.</p>
            } @else {
              <ul class="kpi__list">
                @for (row of group.rows; track row.id) {
                  <li class="kpi__row">
                    <span class="kpi__name">{{ row.name }}</span>
                    <span class="kpi__meta">
                      <a [routerLink]="['/initiatives', row.initiativeId]">{{
                        row.initiativeTitle
                      }}</a>
                      · {{ row.perspective }} · {{ percent(row.progress) }}
                    </span>
                    @if (row.stale) {
                      <span class="kpi__warn">Stale</span>
                    }
                    @if (row.worsening) {
                      <span class="kpi__warn">Worsening</span>
                    }
                  </li>
                }
              </ul>
            }
          </section>
        }

        <section class="kpi__card" aria-labelledby="kpi-pairs">
          <h2 id="kpi-pairs">Counter-measure pairs</h2>
          @if (review.pairs.length === 0) {
            <p class="kpi__muted">No customer measure has a counter-measure yet.</p>
          } @else {
            <div
              class="kpi__table-wrap"
              tabindex="0"
              role="region"
              aria-label="Counter-measure pairs"
            >
              <table class="kpi__table">
                <caption class="kpi__hidden">
                  Customer measures and the business measure that must not get worse
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Customer measure</th>
                    <th scope="col">Counter-measure</th>
                    <th scope="col">Initiative</th>
                  </tr>
                </thead>
                <tbody>
                  @for (pair of review.pairs; track pair.customer.id) {
                    <tr>
                      <td>
                        {{ pair.customer.name }} ({{ percent(pair.customer.progress) }})
                        @if (pair.customer.worsening) {
                          <span class="kpi__warn">Worsening</span>
                        }
                      </td>
                      <td>
                        {{ pair.counter?.name ?? pair.customer.counterMeasure?.name }}
                        @if (pair.counter; as counter) {
                          ({{ percent(counter.progress) }})
                          @if (counter.worsening) {
                            <span class="kpi__warn">Worsening</span>
                          }
                        }
                      </td>
                      <td>{{ pair.customer.initiativeTitle }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        </section>
      } @else {
        <wp-empty-state
          icon="kpi-review"
          heading="No measures to review yet"
          message="Once initiatives define measures, they are reviewed here by class."
          [headingLevel]="2"
        />
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .kpi {
      max-width: 1100px;
      margin: 0 auto;
      padding: 16px;
    }
    .kpi__title {
      margin: 0 0 16px;
      font: var(--mat-sys-headline-medium);
    }
    .kpi__error {
      color: var(--mat-sys-error);
    }
    .kpi__card {
      margin-bottom: 16px;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-lowest);
    }
    .kpi__card h2 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-large);
    }
    .kpi__hint,
    .kpi__muted {
      margin: 0 0 8px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .kpi__figures {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
      gap: 8px 16px;
      margin: 0;
    }
    .kpi__figures dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .kpi__figures dd {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    .kpi__list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .kpi__row {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: baseline;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-body-medium);
    }
    .kpi__name {
      font: var(--mat-sys-title-small);
    }
    .kpi__meta {
      color: var(--mat-sys-on-surface-variant);
    }
    .kpi__warn {
      padding: 0 8px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
    .kpi__table-wrap {
      overflow-x: auto;
    }
    .kpi__table {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    .kpi__table th,
    .kpi__table td {
      padding: 6px 8px;
      text-align: left;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .kpi__hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
})
export class KpiReviewPageComponent {
  protected readonly store = inject(KpiReviewStore);
  protected readonly classLabel = KPI_CLASS_LABEL;
  protected readonly classHint = KPI_CLASS_HINT;
  protected readonly errorMessage = genericErrorMessage;
  protected readonly percent = progressText;
}
