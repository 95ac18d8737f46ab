import { ChangeDetectionStrategy, Component, ViewEncapsulation } from '@angular/core';
import { BubbleChartComponent, BubbleChartModule, ChartCommonModule } from '@swimlane/ngx-charts';

/** A bubble label placed beside its bubble, nudged so labels do not overlap. */
export interface BubbleLabel {
  key: string;
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

interface LabelInput {
  key: string;
  text: string;
  cx: number;
  cy: number;
  r: number;
}

type Scale = (value: number) => number;

const LINE = 14;
const CHAR = 6.6;

/** Shortens an initiative's title for a bubble label: whole words, at most `max` characters. */
export function shortName(title: string, max = 22): string {
  if (title.length <= max) return title;
  let short = '';
  for (const word of title.split(/\s+/)) {
    if ((short ? short.length + 1 : 0) + word.length > max - 1) break;
    short = short ? `${short} ${word}` : word;
  }
  return `${short || title.slice(0, max - 1)}…`;
}

/**
 * Places a label to the right of each bubble (to the left near the right edge), and moves a label
 * down by a line while it would overlap one already placed (at most a few lines).
 */
export function placeLabels(items: readonly LabelInput[], width: number): BubbleLabel[] {
  const placed: { x0: number; x1: number; y: number }[] = [];
  const out: BubbleLabel[] = [];
  for (const item of [...items].sort((a, b) => a.cy - b.cy || a.cx - b.cx)) {
    const w = item.text.length * CHAR;
    const right = item.cx + item.r + 4 + w <= width;
    const anchor = right ? 'start' : 'end';
    const x = right ? item.cx + item.r + 4 : item.cx - item.r - 4;
    const x0 = right ? x : x - w;
    const x1 = right ? x + w : x;
    let y = item.cy + 4;
    for (let tries = 0; tries < 4; tries++) {
      const clash = placed.some((p) => p.x0 < x1 && x0 < p.x1 && Math.abs(p.y - y) < LINE);
      if (!clash) break;
      y += LINE;
    }
    placed.push({ x0, x1, y });
    out.push({ key: item.key, text: item.text, x, y, anchor });
  }
  return out;
}

/**
 * ngx-charts' bubble chart with what the tension chart needs on top: quadrant guides at 0.5 with
 * the quadrants' names, opaque outlined bubbles, and a short label beside each bubble.
 */
@Component({
  selector: 'wp-tension-bubble-chart',
  imports: [ChartCommonModule, BubbleChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  styles: `
    .wp-tension .circle {
      fill-opacity: 0.85;
      stroke: #fff;
      stroke-width: 2px;
    }
    .wp-tension .circle:hover {
      fill-opacity: 1;
    }
    .wp-tension__guide {
      stroke: #5f6368;
      stroke-width: 1.5px;
      stroke-dasharray: 6 4;
    }
    .wp-tension__quadrant {
      font-size: 11px;
      font-weight: 600;
      fill: #4b5563;
      letter-spacing: 0.02em;
      text-transform: uppercase;
    }
    .wp-tension__label {
      font-size: 12px;
      fill: #1f2937;
      paint-order: stroke;
      stroke: #fff;
      stroke-width: 3px;
      stroke-linejoin: round;
      pointer-events: none;
    }
  `,
  template: `
    <ngx-charts-chart [view]="[width, height]" [showLegend]="false" [animations]="false">
      <svg:g [attr.transform]="transform" class="bubble-chart chart wp-tension">
        <svg:g
          ngx-charts-x-axis
          [showGridLines]="showGridLines"
          [dims]="dims"
          [xScale]="xScale"
          [showLabel]="showXAxisLabel"
          [labelText]="xAxisLabel"
          [trimTicks]="trimXAxisTicks"
          [rotateTicks]="rotateXAxisTicks"
          [maxTickLength]="maxXAxisTickLength"
          [tickFormatting]="xAxisTickFormatting"
          [ticks]="xAxisTicks"
          (dimensionsChanged)="updateXAxisHeight($event)"
        />
        <svg:g
          ngx-charts-y-axis
          [showGridLines]="showGridLines"
          [yScale]="yScale"
          [dims]="dims"
          [showLabel]="showYAxisLabel"
          [labelText]="yAxisLabel"
          [trimTicks]="trimYAxisTicks"
          [maxTickLength]="maxYAxisTickLength"
          [tickFormatting]="yAxisTickFormatting"
          [ticks]="yAxisTicks"
          (dimensionsChanged)="updateYAxisWidth($event)"
        />
        @let gx = xScale(0.5);
        @let gy = yScale(0.5);
        <svg:line
          class="wp-tension__guide"
          [attr.x1]="gx"
          [attr.x2]="gx"
          y1="0"
          [attr.y2]="dims.height"
        />
        <svg:line
          class="wp-tension__guide"
          x1="0"
          [attr.x2]="dims.width"
          [attr.y1]="gy"
          [attr.y2]="gy"
        />
        <svg:text class="wp-tension__quadrant" x="6" y="14">Customer first</svg:text>
        <svg:text class="wp-tension__quadrant" [attr.x]="dims.width - 6" y="14" text-anchor="end">
          Both gain
        </svg:text>
        <svg:text class="wp-tension__quadrant" x="6" [attr.y]="dims.height - 6">Rethink</svg:text>
        <svg:text
          class="wp-tension__quadrant"
          [attr.x]="dims.width - 6"
          [attr.y]="dims.height - 6"
          text-anchor="end"
        >
          Business first
        </svg:text>
        @for (series of data; track series.name) {
          <svg:g
            ngx-charts-bubble-series
            [xScale]="xScale"
            [yScale]="yScale"
            [rScale]="rScale"
            [xScaleType]="xScaleType"
            [yScaleType]="yScaleType"
            [xAxisLabel]="xAxisLabel"
            [yAxisLabel]="yAxisLabel"
            [colors]="colors"
            [data]="series"
            [activeEntries]="activeEntries"
            [tooltipDisabled]="tooltipDisabled"
            (select)="onClick($event, series)"
            (activate)="onActivate($event)"
            (deactivate)="onDeactivate($event)"
          />
        }
        @for (label of labels(); track label.key) {
          <svg:text
            class="wp-tension__label"
            [attr.x]="label.x"
            [attr.y]="label.y"
            [attr.text-anchor]="label.anchor"
          >
            {{ label.text }}
          </svg:text>
        }
      </svg:g>
    </ngx-charts-chart>
  `,
})
export class TensionBubbleChartComponent extends BubbleChartComponent {
  /** Recomputed on every change detection pass: the scales change with the size. */
  protected labels(): BubbleLabel[] {
    const x = this.xScale as Scale | undefined;
    const y = this.yScale as Scale | undefined;
    const r = this.rScale as Scale | undefined;
    if (!x || !y || !r || !this.dims) return [];
    const items: LabelInput[] = [];
    for (const series of this.data ?? []) {
      for (const d of series.series) {
        items.push({
          key: `${series.name} ${String(d.name)}`,
          text: shortName(String(d.name)),
          cx: x(Number(d.x)),
          cy: y(Number(d.y)),
          r: r(Number(d.r) || 1),
        });
      }
    }
    return placeLabels(items, this.dims.width);
  }
}
