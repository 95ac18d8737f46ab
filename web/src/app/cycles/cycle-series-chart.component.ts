import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { type Color, LineChartModule, ScaleType } from '@swimlane/ngx-charts';
import { formatPercent } from '../shared/format';

/** One line of the chart: a name and a value per category (null: no value there). */
export interface CycleSeriesLine {
  name: string;
  values: Array<number | null>;
}

/** The ngx-charts data of the lines: only the points that have a value. */
export function toChartSeries(categories: readonly string[], lines: readonly CycleSeriesLine[]) {
  return lines.map((line) => ({
    name: line.name,
    series: categories
      .map((category, i) => ({ name: category, value: line.values[i] ?? null }))
      .filter((point): point is { name: string; value: number } => point.value !== null),
  }));
}

/**
 * A line chart of values per cycle (e.g. the customer and business index of each cycle), with a
 * loading and an empty state and a visually hidden table as its text alternative. Values are
 * fractions shown as percentages.
 */
@Component({
  selector: 'wp-cycle-series-chart',
  imports: [LineChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="series-chart">
      @if (loading()) {
        <div class="series-chart__placeholder" role="status">Loading the chart…</div>
      } @else if (empty()) {
        <div class="series-chart__placeholder">{{ emptyMessage() }}</div>
      } @else {
        <div class="series-chart__plot" aria-hidden="true">
          @if (width() > 0) {
            <ngx-charts-line-chart
              [view]="[width(), height()]"
              [results]="data()"
              [scheme]="scheme"
              [xAxis]="true"
              [yAxis]="true"
              [legend]="false"
              [showXAxisLabel]="false"
              [showYAxisLabel]="false"
              [autoScale]="false"
              [yScaleMin]="yMin()"
              [yScaleMax]="yMax()"
              [yAxisTickFormatting]="tick"
              [animations]="false"
              [tooltipDisabled]="true"
            />
          }
        </div>
        <ul class="series-chart__legend" aria-hidden="true">
          @for (line of lines(); track line.name; let i = $index) {
            <li>
              <span class="series-chart__swatch" [style.background]="scheme.domain[i % 4]"></span>
              {{ line.name }}
            </li>
          }
        </ul>
        <div class="series-chart__table">
          <table>
            <caption>
              {{
                label()
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">Cycle</th>
                @for (line of lines(); track line.name) {
                  <th scope="col">{{ line.name }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (category of categories(); track category; let i = $index) {
                <tr>
                  <th scope="row">{{ category }}</th>
                  @for (line of lines(); track line.name) {
                    <td>{{ format(line.values[i]) }}</td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
      <figcaption class="series-chart__caption">{{ label() }}</figcaption>
    </figure>
  `,
  styles: `
    :host {
      display: block;
    }
    .series-chart {
      margin: 0;
    }
    .series-chart__plot {
      width: 100%;
      min-height: 1px;
    }
    .series-chart__placeholder {
      display: grid;
      place-items: center;
      min-height: 160px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
      border: 1px dashed var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
    }
    .series-chart__legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin: 4px 0 0;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-small);
    }
    .series-chart__swatch {
      display: inline-block;
      width: 12px;
      height: 12px;
      margin-right: 4px;
      border-radius: 2px;
      vertical-align: middle;
    }
    .series-chart__caption {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    /* A block wrapper hides the table: a table ignores width and overflow, so a hidden table
       itself would still widen the page. */
    .series-chart__table {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
})
export class CycleSeriesChartComponent {
  /** The cycles, oldest first (the x axis). */
  readonly categories = input.required<readonly string[]>();
  /** The lines, each with one value per category. */
  readonly lines = input.required<readonly CycleSeriesLine[]>();
  /** What the chart shows, for people who cannot see it. */
  readonly label = input.required<string>();
  readonly loading = input(false);
  readonly height = input(220);
  readonly emptyMessage = input('Nothing to show yet.');

  protected readonly scheme: Color = {
    name: 'waypoint',
    selectable: false,
    group: ScaleType.Ordinal,
    domain: ['#1f5fa8', '#b3261e', '#2e7d32', '#7b1fa2'],
  };

  protected readonly width = signal(0);
  protected readonly data = computed(() => toChartSeries(this.categories(), this.lines()));
  protected readonly empty = computed(() => this.data().every((line) => line.series.length === 0));
  private readonly values = computed(() =>
    this.lines().flatMap((line) => line.values.filter((v): v is number => v !== null)),
  );
  protected readonly yMin = computed(() => Math.min(0, ...this.values()));
  protected readonly yMax = computed(() => Math.max(1, ...this.values()));
  protected readonly tick = (value: number) => formatPercent(value);
  protected readonly format = formatPercent;

  constructor() {
    const host = inject(ElementRef<HTMLElement>).nativeElement as HTMLElement;
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const measure = () => this.width.set(Math.max(0, Math.floor(host.clientWidth)));
      measure();
      if (typeof ResizeObserver === 'undefined') return;
      const observer = new ResizeObserver(() => measure());
      observer.observe(host);
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }
}
