import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { genericErrorMessage } from '../shared/problem';
import { CycleSeriesChartComponent } from './cycle-series-chart.component';
import { CyclesStore } from './cycles.store';

/** Cycles: the portfolio's and each initiative's value index per cycle, and review decisions. */
@Component({
  selector: 'wp-cycles-page',
  imports: [RouterLink, MatButton, MatProgressBar, EmptyStateComponent, CycleSeriesChartComponent],
  providers: [CyclesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="cycles">
      <h1 class="cycles__title">Cycles</h1>
      <p class="cycles__intro">
        How customer and business value moved, cycle over cycle (0% is the baseline, 100% the
        target), and what the cycle reviews decided.
      </p>
      @if (store.series.isLoading() && !store.series.hasValue()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the cycles" />
      } @else if (store.series.error()) {
        <p class="cycles__error" role="alert">
          {{ errorMessage(store.series.error()) }}
          <button mat-button type="button" (click)="store.series.reload()">Try again</button>
        </p>
      } @else if (store.cycleNames().length === 0) {
        <wp-empty-state
          icon="cycles"
          heading="No cycle has started yet"
          message="Once the first improvement cycle starts, its value indices appear here."
          [headingLevel]="2"
        />
      } @else {
        <section class="cycles__card" aria-labelledby="cycles-portfolio">
          <h2 id="cycles-portfolio">Portfolio</h2>
          <wp-cycle-series-chart
            [categories]="store.cycleNames()"
            [lines]="store.portfolio()"
            label="The portfolio's customer and business index per cycle"
          />
        </section>

        <section class="cycles__card" aria-labelledby="cycles-decisions">
          <h2 id="cycles-decisions">Review decisions</h2>
          <div
            class="cycles__table-wrap"
            tabindex="0"
            role="region"
            aria-label="Review decisions per cycle"
          >
            <table class="cycles__table">
              <caption class="cycles__hidden">
                Adopt, adapt and abandon decisions per cycle
              </caption>
              <thead>
                <tr>
                  <th scope="col">Cycle</th>
                  <th scope="col">Adopt</th>
                  <th scope="col">Adapt</th>
                  <th scope="col">Abandon</th>
                  <th scope="col">Reviews decided</th>
                </tr>
              </thead>
              <tbody>
                @for (row of store.decisions(); track row.cycle) {
                  <tr>
                    <th scope="row">{{ row.cycle }}</th>
                    <td>{{ row.adopt }}</td>
                    <td>{{ row.adapt }}</td>
                    <td>{{ row.abandon }}</td>
                    <td>{{ row.total }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </section>

        <section aria-labelledby="cycles-initiatives">
          <h2 id="cycles-initiatives" class="cycles__section-title">Initiatives</h2>
          @if (store.initiatives().length === 0) {
            <p>No initiative has readings in a cycle yet.</p>
          }
          <div class="cycles__grid">
            @for (initiative of store.initiatives(); track initiative.id) {
              <section class="cycles__card" [attr.aria-labelledby]="'cycles-i-' + initiative.id">
                <h3 [id]="'cycles-i-' + initiative.id" class="cycles__initiative">
                  <a [routerLink]="['/initiatives', initiative.id]">{{ initiative.title }}</a>
                </h3>
                <wp-cycle-series-chart
                  [categories]="store.cycleNames()"
                  [lines]="initiative.lines"
                  [height]="160"
                  [label]="'Customer and business index per cycle of ' + initiative.title"
                  emptyMessage="No readings in any cycle yet."
                />
              </section>
            }
          </div>
        </section>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .cycles {
      max-width: 1200px;
      margin: 0 auto;
      padding: 16px;
    }
    .cycles__title {
      margin: 0 0 8px;
      font: var(--mat-sys-headline-medium);
    }
    .cycles__intro {
      margin: 0 0 16px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .cycles__error {
      color: var(--mat-sys-error);
    }
    .cycles__card {
      margin-bottom: 16px;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-lowest);
      min-width: 0;
    }
    .cycles__card h2,
    .cycles__section-title {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
    .cycles__initiative {
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    .cycles__grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr));
      gap: 16px;
    }
    .cycles__grid .cycles__card {
      margin: 0;
    }
    .cycles__table-wrap {
      overflow-x: auto;
    }
    .cycles__table {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    .cycles__table th,
    .cycles__table td {
      padding: 6px 8px;
      text-align: left;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .cycles__hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
})
export class CyclesPageComponent {
  protected readonly store = inject(CyclesStore);
  protected readonly errorMessage = genericErrorMessage;
}
