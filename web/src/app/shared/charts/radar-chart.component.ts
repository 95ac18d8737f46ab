import { BreakpointObserver } from '@angular/cdk/layout';
import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';
import { formatNumber } from '../format';
import { chartEnvironment } from './chart-environment';
import { RadarChartViewComponent } from './radar-chart-view.component';

/** One line of a radar chart: a value per axis, in the order of the axes (null: none). */
export interface RadarSeries {
  name: string;
  values: readonly (number | null)[];
}

/** Below this width the axes are numbered, with a key under the chart (names do not fit). */
const NARROW = '(max-width: 599.98px)';

/** Current first, then earlier ones in grey. */
const COLORS = ['#1565c0', '#757575', '#bdbdbd'];

/**
 * A radar (polar) chart of a few series over the same axes, e.g. this cycle's and the previous
 * cycle's scores per area, with a legend and a table as the text alternative (hidden until a
 * screen reader or the keyboard reaches it). On a phone the axes are numbered and named in a key.
 */
@Component({
  selector: 'wp-radar-chart',
  imports: [NgComponentOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './charts.scss',
  template: `
    @if (loading()) {
      <p class="chart__state" role="status">Loading the chart…</p>
    } @else if (series().length === 0) {
      <p class="chart__state">{{ empty() }}</p>
    } @else {
      <figure class="chart">
        <div class="chart__canvas chart__canvas--radar" aria-hidden="true">
          <ng-container
            *ngComponentOutlet="view; inputs: viewInputs(); environmentInjector: environment"
          />
        </div>
        @if (narrow()) {
          <ol class="chart__key" aria-hidden="true">
            @for (axis of axes(); track axis) {
              <li>{{ axis }}</li>
            }
          </ol>
        }
        <ul class="chart__legend" aria-hidden="true">
          @for (line of series(); track line.name; let i = $index) {
            <li>
              <span class="chart__swatch" [style.background]="colors[i]"></span>{{ line.name }}
            </li>
          }
        </ul>
        <figcaption class="chart__hidden">{{ label() }}</figcaption>
        <div class="chart__alt">
          <table class="chart__table">
            <caption>
              {{
                label()
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ axisName() }}</th>
                @for (line of series(); track line.name) {
                  <th scope="col">{{ line.name }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (axis of axes(); track axis; let a = $index) {
                <tr>
                  <th scope="row">{{ axis }}</th>
                  @for (line of series(); track line.name) {
                    <td>{{ format(line.values[a]) }}</td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      </figure>
    }
  `,
})
export class RadarChartComponent {
  readonly axes = input.required<readonly string[]>();
  readonly series = input.required<readonly RadarSeries[]>();
  /** The outer ring's value (the scale runs from 0). */
  readonly max = input.required<number>();
  /** What the chart shows, for the caption and the table. */
  readonly label = input.required<string>();
  /** The heading of the table's first column, e.g. "Area". */
  readonly axisName = input('Axis');
  readonly empty = input('Nothing to show yet');
  readonly loading = input(false);

  protected readonly view = RadarChartViewComponent;
  protected readonly environment = chartEnvironment();
  protected readonly colors = COLORS;
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly viewInputs = computed(() => ({
    axes: this.narrow() ? this.axes().map((_, i) => String(i + 1)) : this.axes(),
    series: this.series(),
    colors: COLORS.slice(0, this.series().length),
    max: this.max(),
  }));

  protected format(value: number | null | undefined): string {
    return formatNumber(value, 1);
  }
}
