import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { KPI_CLASS_VALUES, type KpiClass } from '@waypoint/contracts';
import { EmptyStateComponent } from '../shared/empty-state.component';
import {
  BaselinePipe,
  DayPipe,
  formatIndexMove,
  MeasureValuePipe,
  progressText,
} from '../shared/format';
import { MoreButtonComponent } from '../shared/more-button.component';
import { genericErrorMessage } from '../shared/problem';
import { KPI_CLASS_LABEL, PERSPECTIVE_LABEL } from '../shared/vocabulary';
import { type KpiClassChoice, KpiReviewStore } from './kpi-review.store';

const KPI_CLASS_HINT: Record<KpiClass, string> = {
  customer_centric: 'Measures that improve when customers are better off.',
  neutral: 'Measures that say nothing about the customer on their own.',
  customer_toxic: 'Measures that can improve while customers are worse off: pair or replace them.',
};

/** KPI review: the measures by class, with their progress, staleness and counter-measure. */
@Component({
  selector: 'wp-kpi-review-page',
  imports: [
    BaselinePipe,
    RouterLink,
    DayPipe,
    MeasureValuePipe,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    EmptyStateComponent,
    MoreButtonComponent,
  ],
  providers: [KpiReviewStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="kpi">
      <h1 class="kpi__title">KPI review</h1>
      <p class="kpi__import">
        Readings kept in a spreadsheet?
        <a routerLink="/import">Import readings from a spreadsheet</a>
      </p>
      @if (store.summary.isLoading() && !store.summary.hasValue()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the KPI review" />
      } @else if (store.summary.error()) {
        <p class="kpi__error" role="alert">
          {{ errorMessage(store.summary.error()) }}
          <button mat-button type="button" (click)="store.reload()">Try again</button>
        </p>
      } @else if (store.summary.hasValue() && store.summary.value().kpiReview.measures > 0) {
        @let summary = store.summary.value().kpiReview;
        <section class="kpi__card" aria-labelledby="kpi-summary">
          <h2 id="kpi-summary">Summary</h2>
          <dl class="kpi__figures">
            <div>
              <dt>Measures</dt>
              <dd>{{ summary.measures }}</dd>
            </div>
            @for (kpiClass of classes; track kpiClass) {
              <div>
                <dt>{{ classLabel[kpiClass] }}</dt>
                <dd>{{ summary.byClass[kpiClass] }}</dd>
              </div>
            }
            <div>
              <dt>Counter-measure pairs</dt>
              <dd>{{ summary.counterMeasurePairs }}</dd>
            </div>
            <div>
              <dt>Customer measures without a counter</dt>
              <dd>{{ summary.customerMeasuresWithoutCounter }}</dd>
            </div>
          </dl>
        </section>

        <section class="kpi__card" aria-labelledby="kpi-measures">
          <h2 id="kpi-measures">
            {{ heading() }}
            @if (store.measures.hasValue()) {
              ({{ store.measures.total() }})
            }
          </h2>
          <div class="kpi__filters">
            <mat-form-field class="kpi__class" subscriptSizing="dynamic">
              <mat-label>KPI class</mat-label>
              <mat-select [value]="store.kpiClass()" (selectionChange)="choose($event.value)">
                <mat-option value="all">All classes ({{ summary.measures }})</mat-option>
                @for (kpiClass of classes; track kpiClass) {
                  <mat-option [value]="kpiClass">
                    {{ classLabel[kpiClass] }} ({{ summary.byClass[kpiClass] }})
                  </mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-checkbox
              [checked]="store.staleOnly()"
              (change)="store.staleOnly.set($event.checked)"
            >
              Only stale measures
            </mat-checkbox>
            <mat-checkbox
              [checked]="store.worseningOnly()"
              (change)="store.worseningOnly.set($event.checked)"
            >
              Only measures worsening this cycle
            </mat-checkbox>
          </div>
          @if (hint(); as hint) {
            <p class="kpi__hint">{{ hint }}</p>
          }
          @if (store.measures.isLoading() && !store.measures.hasValue()) {
            <mat-progress-bar mode="indeterminate" aria-label="Loading the measures" />
          } @else if (store.measures.error() && !store.measures.hasValue()) {
            <p class="kpi__error" role="alert">
              {{ errorMessage(store.measures.error()) }}
              <button mat-button type="button" (click)="store.measures.reload()">Try again</button>
            </p>
          } @else if (store.measures.items().length === 0) {
            <p class="kpi__muted">
              {{ emptyText() }}
            </p>
          } @else {
            <ul class="kpi__list">
              @for (row of store.measures.items(); track row.id) {
                <li class="kpi__row">
                  <div class="kpi__head">
                    <span class="kpi__name">{{ row.name }}</span>
                    @if (row.stale) {
                      <span class="kpi__warn">Stale</span>
                    }
                    @if (row.cycleChange?.worsening) {
                      <span class="kpi__warn">Worsening</span>
                    }
                  </div>
                  <span class="kpi__meta">
                    <a [routerLink]="['/initiatives', row.initiative.id]">{{
                      row.initiative.title
                    }}</a>
                    · {{ perspectiveLabel[row.perspective] }}
                    @if (store.kpiClass() === 'all') {
                      · {{ classLabel[row.kpiClass] }}
                    }
                  </span>
                  <span class="kpi__meta">
                    @if (row.latestReading; as latest) {
                      {{ latest.value | measureValue: row.unit }} on
                      {{ latest.observedAt | day }} (baseline
                      {{ row.baseline | baseline: row.unit }}, target
                      {{ row.target | measureValue: row.unit }}): {{ percent(row.progress) }} of the
                      way
                    } @else {
                      No reading yet (baseline {{ row.baseline | baseline: row.unit }}, target
                      {{ row.target | measureValue: row.unit }})
                    }
                  </span>
                  @if (row.cycleChange; as change) {
                    <span class="kpi__meta">
                      {{ change.cycle.name }}:
                      @if (change.opening !== null && change.closing !== null) {
                        from {{ change.opening | measureValue: row.unit }} to
                        {{ change.closing | measureValue: row.unit }},
                        {{ move(change.progressChange) }}
                      } @else {
                        not measured in this cycle
                      }
                    </span>
                  }
                  @if (row.counterMeasure; as counter) {
                    <span class="kpi__meta">
                      Counter-measure: {{ counter.name }},
                      {{
                        row.counterMeasureProgress === null
                          ? percent(null)
                          : percent(row.counterMeasureProgress) + ' of the way'
                      }}
                    </span>
                  }
                </li>
              }
            </ul>
            <wp-more-button [list]="store.measures" noun="measure" />
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
    .kpi__import {
      margin: -8px 0 16px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
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
    .kpi__filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
      margin: 8px 0;
    }
    .kpi__class {
      width: min(100%, 20rem);
    }
    .kpi__row {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-body-medium);
    }
    .kpi__head {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: baseline;
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
  `,
})
export class KpiReviewPageComponent {
  protected readonly store = inject(KpiReviewStore);
  protected readonly classes = KPI_CLASS_VALUES;
  protected readonly classLabel = KPI_CLASS_LABEL;
  protected readonly perspectiveLabel = PERSPECTIVE_LABEL;
  protected readonly errorMessage = genericErrorMessage;
  protected readonly percent = progressText;
  protected readonly move = formatIndexMove;

  protected readonly emptyText = computed(() => {
    if (this.store.worseningOnly()) return 'No measure here is worsening this cycle.';
    return this.store.staleOnly() ? 'No stale measure here.' : 'No measure in this class.';
  });

  constructor() {
    // `?stale=true` (the portfolio's Stale measures card): open with only the stale measures.
    if (inject(ActivatedRoute).snapshot.queryParamMap.get('stale') === 'true') {
      this.store.staleOnly.set(true);
    }
  }

  protected readonly heading = computed(() => {
    const kpiClass = this.store.kpiClass();
    return kpiClass === 'all' ? 'All measures' : `${KPI_CLASS_LABEL[kpiClass]} measures`;
  });
  protected readonly hint = computed(() => {
    const kpiClass = this.store.kpiClass();
    return kpiClass === 'all' ? null : KPI_CLASS_HINT[kpiClass];
  });

  protected choose(kpiClass: KpiClassChoice): void {
    this.store.kpiClass.set(kpiClass);
  }
}
