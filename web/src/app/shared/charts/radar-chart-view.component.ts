import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type Color, PolarChartModule, ScaleType } from '@swimlane/ngx-charts';
import type { RadarSeries } from './radar-chart.component';

/** The ngx-charts polar chart itself (rendered by RadarChartComponent; not for places). */
@Component({
  selector: 'wp-radar-chart-view',
  imports: [PolarChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // ngx-charts sizes itself to its parent element: this host, filling the wrapper's canvas.
  styles: ':host { display: block; width: 100%; height: 100%; }',
  template: `
    <ngx-charts-polar-chart
      [results]="results()"
      [scheme]="scheme()"
      [xAxis]="true"
      [yAxis]="false"
      [showGridLines]="true"
      [yAxisMinScale]="max()"
      [roundDomains]="false"
      [labelTrim]="false"
      [rangeFillOpacity]="0.12"
      [tooltipDisabled]="true"
      [animations]="false"
    />
  `,
})
export class RadarChartViewComponent {
  readonly axes = input.required<readonly string[]>();
  readonly series = input.required<readonly RadarSeries[]>();
  readonly colors = input.required<readonly string[]>();
  readonly max = input.required<number>();

  protected readonly scheme = computed<Color>(() => ({
    name: 'radar',
    selectable: false,
    group: ScaleType.Ordinal,
    domain: [...this.colors()],
  }));

  protected readonly results = computed(() =>
    this.series().map((line) => ({
      name: line.name,
      series: this.axes().map((axis, i) => ({ name: axis, value: line.values[i] ?? 0 })),
    })),
  );
}
