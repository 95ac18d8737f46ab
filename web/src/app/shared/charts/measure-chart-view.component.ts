import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type Color, ScaleType } from '@swimlane/ngx-charts';
import { MeasureBandChartComponent } from './measure-band-chart.component';
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
  imports: [MeasureBandChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // ngx-charts sizes itself to its parent element: this host, filling the wrapper's canvas.
  styles: ':host { display: block; width: 100%; height: 100%; }',
  template: `
    <wp-measure-band-chart
      [results]="series()"
      [scheme]="scheme"
      [xAxis]="!compact()"
      [yAxis]="!compact()"
      [timeline]="false"
      [autoScale]="true"
      [xScaleMin]="timeRange().min"
      [xScaleMax]="timeRange().max"
      [yScaleMin]="range().min"
      [yScaleMax]="range().max"
      [baseline]="baseline()"
      [target]="target()"
      [bandLabels]="!compact()"
      [dotRadius]="compact() ? 3 : 4"
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

  /** With a single reading, a week either side of it, so the point sits in the middle. */
  protected readonly timeRange = computed(() => {
    const list = this.readings();
    const only = list.length === 1 ? list[0] : undefined;
    // ngx-charts reads 0 as "not set": the readings' own extent.
    if (!only) return { min: 0, max: 0 };
    const at = new Date(only.observedAt).getTime();
    const week = 7 * 24 * 3600 * 1000;
    return { min: at - week, max: at + week };
  });

  /** The band from baseline to target always shows, with a little room around the readings. */
  protected readonly range = computed(() => {
    const values = [this.baseline(), this.target(), ...this.readings().map((r) => r.value)];
    const min = Math.min(...values);
    const max = Math.max(...values);
    const pad = (max - min || Math.abs(max) || 1) * 0.1;
    return { min: min - pad, max: max + pad };
  });
}
