import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type Color, LineChartModule, ScaleType } from '@swimlane/ngx-charts';
import type { MeasureChartReading } from './measure-chart.component';

const SCHEME: Color = {
  name: 'measure',
  selectable: false,
  group: ScaleType.Ordinal,
  domain: ['#1565c0'],
};

/** The ngx-charts line chart itself (rendered by MeasureChartComponent; not for places). */
@Component({
  selector: 'wp-measure-chart-view',
  imports: [LineChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // ngx-charts sizes itself to its parent element: this host, filling the wrapper's canvas.
  styles: ':host { display: block; width: 100%; height: 100%; }',
  template: `
    <ngx-charts-line-chart
      [results]="series()"
      [scheme]="scheme"
      [xAxis]="!compact()"
      [yAxis]="!compact()"
      [timeline]="false"
      [autoScale]="true"
      [yScaleMin]="range().min"
      [yScaleMax]="range().max"
      [referenceLines]="referenceLines()"
      [showRefLines]="true"
      [showRefLabels]="!compact()"
      [tooltipDisabled]="compact()"
      [animations]="false"
    />
  `,
})
export class MeasureChartViewComponent {
  readonly readings = input.required<readonly MeasureChartReading[]>();
  readonly baseline = input.required<number>();
  readonly target = input.required<number>();
  readonly name = input.required<string>();
  readonly compact = input(false);

  protected readonly scheme = SCHEME;

  protected readonly series = computed(() => [
    {
      name: this.name(),
      series: this.readings().map((r) => ({ name: new Date(r.observedAt), value: r.value })),
    },
  ]);

  protected readonly referenceLines = computed(() => [
    { name: 'Baseline', value: this.baseline() },
    { name: 'Target', value: this.target() },
  ]);

  /** The band from baseline to target always shows, with a little room around the readings. */
  protected readonly range = computed(() => {
    const values = [this.baseline(), this.target(), ...this.readings().map((r) => r.value)];
    const min = Math.min(...values);
    const max = Math.max(...values);
    const pad = (max - min || Math.abs(max) || 1) * 0.1;
    return { min: min - pad, max: max + pad };
  });
}
