import { ChangeDetectionStrategy, Component, input, ViewEncapsulation } from '@angular/core';
import { ChartCommonModule, LineChartComponent, LineChartModule } from '@swimlane/ngx-charts';

type Scale = (value: number | Date) => number;

/**
 * ngx-charts' line chart with the baseline-to-target band shaded, the baseline and target drawn as
 * labelled lines (also when the axes are hidden), and a dot on every reading, so that a single
 * reading still shows.
 */
@Component({
  selector: 'wp-measure-band-chart',
  imports: [ChartCommonModule, LineChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  styles: `
    .wp-band__area {
      fill: #2e7d32;
      fill-opacity: 0.12;
    }
    .wp-band__line {
      stroke-width: 1.5px;
      stroke-dasharray: 5 3;
    }
    .wp-band__line--baseline {
      stroke: #6b7280;
    }
    .wp-band__line--target {
      stroke: #2e7d32;
    }
    .wp-band__label {
      font-size: 11px;
      fill: #374151;
      paint-order: stroke;
      stroke: #fff;
      stroke-width: 3px;
    }
    .wp-band__dot {
      fill: #1565c0;
      stroke: #fff;
      stroke-width: 1.5px;
    }
  `,
  template: `
    <ngx-charts-chart [view]="[width, height]" [showLegend]="false" [animations]="false">
      <svg:defs>
        <svg:clipPath [attr.id]="clipPathId">
          <svg:rect
            [attr.width]="dims.width + 10"
            [attr.height]="dims.height + 10"
            [attr.transform]="'translate(-5, -5)'"
          />
        </svg:clipPath>
      </svg:defs>
      <svg:g [attr.transform]="transform" class="line-chart chart">
        @let y = scaleY();
        @let yb = y(baseline());
        @let yt = y(target());
        <svg:rect
          class="wp-band__area"
          x="0"
          [attr.y]="yb < yt ? yb : yt"
          [attr.width]="dims.width"
          [attr.height]="yb < yt ? yt - yb : yb - yt"
        />
        @if (xAxis) {
          <svg:g
            ngx-charts-x-axis
            [xScale]="xScale"
            [dims]="dims"
            [showGridLines]="showGridLines"
            [trimTicks]="trimXAxisTicks"
            [rotateTicks]="rotateXAxisTicks"
            [maxTickLength]="maxXAxisTickLength"
            [tickFormatting]="xAxisTickFormatting"
            [ticks]="xAxisTicks"
            (dimensionsChanged)="updateXAxisHeight($event)"
          />
        }
        @if (yAxis) {
          <svg:g
            ngx-charts-y-axis
            [yScale]="yScale"
            [dims]="dims"
            [showGridLines]="showGridLines"
            [trimTicks]="trimYAxisTicks"
            [maxTickLength]="maxYAxisTickLength"
            [tickFormatting]="yAxisTickFormatting"
            [ticks]="yAxisTicks"
            (dimensionsChanged)="updateYAxisWidth($event)"
          />
        }
        <svg:line
          class="wp-band__line wp-band__line--baseline"
          x1="0"
          [attr.x2]="dims.width"
          [attr.y1]="yb"
          [attr.y2]="yb"
        />
        <svg:line
          class="wp-band__line wp-band__line--target"
          x1="0"
          [attr.x2]="dims.width"
          [attr.y1]="yt"
          [attr.y2]="yt"
        />
        @if (bandLabels()) {
          <svg:text
            class="wp-band__label"
            [attr.x]="dims.width - 4"
            [attr.y]="yb + (yb > yt ? 13 : -4)"
            text-anchor="end"
          >
            Baseline {{ baseline() }}
          </svg:text>
          <svg:text
            class="wp-band__label"
            [attr.x]="dims.width - 4"
            [attr.y]="yt + (yt > yb ? 13 : -4)"
            text-anchor="end"
          >
            Target {{ target() }}
          </svg:text>
        }
        <svg:g [attr.clip-path]="clipPath">
          @for (series of results; track series.name) {
            <svg:g
              ngx-charts-line-series
              [xScale]="xScale"
              [yScale]="yScale"
              [colors]="colors"
              [data]="series"
              [activeEntries]="activeEntries"
              [scaleType]="scaleType"
              [curve]="curve"
              [rangeFillOpacity]="rangeFillOpacity"
              [hasRange]="hasRange"
              [animations]="false"
            />
          }
          @if (!tooltipDisabled) {
            <svg:g (mouseleave)="hideCircles()">
              <svg:g
                ngx-charts-tooltip-area
                [dims]="dims"
                [xSet]="xSet"
                [xScale]="xScale"
                [yScale]="yScale"
                [results]="results"
                [colors]="colors"
                [tooltipDisabled]="tooltipDisabled"
                (hover)="updateHoveredVertical($event)"
              />
            </svg:g>
          }
        </svg:g>
        @for (dot of dots(); track $index) {
          <svg:circle
            class="wp-band__dot"
            [attr.cx]="dot.x"
            [attr.cy]="dot.y"
            [attr.r]="dotRadius()"
          />
        }
      </svg:g>
    </ngx-charts-chart>
  `,
})
export class MeasureBandChartComponent extends LineChartComponent {
  readonly baseline = input.required<number>();
  readonly target = input.required<number>();
  /** Writes "Baseline n" and "Target n" beside the lines. */
  readonly bandLabels = input(true);
  readonly dotRadius = input(4);

  protected scaleY(): Scale {
    const y = this.yScale as Scale | undefined;
    return y ?? (() => 0);
  }

  /** A dot per reading, where the line passes. */
  protected dots(): { x: number; y: number }[] {
    const x = this.xScale as Scale | undefined;
    const y = this.yScale as Scale | undefined;
    if (!x || !y) return [];
    const series = (this.results ?? []) as { series: { name: Date; value: number }[] }[];
    return series.flatMap((s) => s.series.map((d) => ({ x: x(d.name), y: y(d.value) })));
  }
}
