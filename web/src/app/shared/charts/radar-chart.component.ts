import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { formatNumber } from '../format';
import { chartEnvironment } from './chart-environment';
import { RadarChartViewComponent } from './radar-chart-view.component';

/** One line of a radar chart: a value per axis, in the order of the axes (null: none). */
export interface RadarSeries {
  name: string;
  values: readonly (number | null)[];
}

/** Current first, then earlier ones in grey. */
const COLORS = ['#1565c0', '#757575', '#bdbdbd'];

/**
 * A radar (polar) chart of a few series over the same axes, e.g. this cycle's and the previous
 * cycle's scores per area, with a legend and a table as the text alternative (hidden until a
 * screen reader or the keyboard reaches it).
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
  protected readonly viewInputs = computed(() => ({
    axes: this.axes(),
    series: this.series(),
    colors: COLORS.slice(0, this.series().length),
    max: this.max(),
  }));

  protected format(value: number | null | undefined): string {
    return formatNumber(value, 1);
  }
}
