import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { BubbleChartModule, type Color, ScaleType } from '@swimlane/ngx-charts';
import { inBothGainCorner } from '@waypoint/domain';
import type { IdeaChartPoint } from './idea-chart.component';

/** The colours of the two groups of bubbles: the both-gain corner, and the rest. */
export const IDEA_CHART_COLOURS = { bothGain: '#1b7f3b', other: '#5c6bc0' } as const;
export const BOTH_GAIN_SERIES = 'Both gain';
export const OTHER_SERIES = 'Other ideas';

/** The ngx-charts bubble chart itself (rendered by IdeaChartComponent; not for places). */
@Component({
  selector: 'wp-idea-chart-view',
  imports: [BubbleChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: ':host { display: block; width: 100%; height: 100%; }',
  template: `
    <ngx-charts-bubble-chart
      [results]="series()"
      [scheme]="scheme()"
      [xAxis]="true"
      [yAxis]="true"
      [showXAxisLabel]="true"
      [showYAxisLabel]="true"
      xAxisLabel="Business value (0-10)"
      yAxisLabel="Customer impact (0-10)"
      [xScaleMin]="-0.5"
      [xScaleMax]="10.5"
      [yScaleMin]="-0.5"
      [yScaleMax]="10.5"
      [xAxisTicks]="ticks"
      [yAxisTicks]="ticks"
      [showGridLines]="true"
      [autoScale]="false"
      [roundDomains]="false"
      [minRadius]="6"
      [maxRadius]="18"
      [animations]="false"
      (select)="onSelect($event)"
    />
  `,
})
export class IdeaChartViewComponent {
  readonly points = input.required<readonly IdeaChartPoint[]>();
  readonly select = input.required<(id: string) => void>();
  protected readonly ticks = [0, 2, 4, 6, 8, 10];

  /** Two series: the both-gain corner first, so its colour is the first of the scheme. */
  protected readonly series = computed(() => {
    const item = (p: IdeaChartPoint) => ({
      name: p.title,
      x: p.businessValue,
      y: p.customerImpact,
      // Less effort, bigger bubble: the quick wins stand out.
      r: 6 - p.effort,
      extra: { id: p.id },
    });
    const both = this.points().filter((p) => inBothGainCorner(p));
    const others = this.points().filter((p) => !inBothGainCorner(p));
    return [
      ...(both.length > 0 ? [{ name: BOTH_GAIN_SERIES, series: both.map(item) }] : []),
      ...(others.length > 0 ? [{ name: OTHER_SERIES, series: others.map(item) }] : []),
    ];
  });

  protected readonly scheme = computed<Color>(() => ({
    name: 'ideas',
    selectable: true,
    group: ScaleType.Ordinal,
    domain: this.series().map((s) =>
      s.name === BOTH_GAIN_SERIES ? IDEA_CHART_COLOURS.bothGain : IDEA_CHART_COLOURS.other,
    ),
  }));

  protected onSelect(event: unknown): void {
    const id = (event as { extra?: { id?: string } } | null)?.extra?.id;
    if (id) this.select()(id);
  }
}
