import {
  ChangeDetectionStrategy,
  Component,
  input,
  signal,
  ViewEncapsulation,
} from '@angular/core';
import { BubbleChartComponent, BubbleChartModule, ChartCommonModule } from '@swimlane/ngx-charts';
import type { InitiativeStatus } from '@waypoint/contracts';
import { STATUS_GLYPHS } from './chart-labels';
import type { ClampedIndex } from './tension-chart-scale';

/** An initiative as the chart draws it: indices on the fixed scale, movement, tooltip lines. */
export interface PlottedPoint {
  id: string;
  title: string;
  status: InitiativeStatus;
  /** The team size (the bubble's size). */
  r: number;
  /** Business value index (across) and customer value index (up), clamped to the scale. */
  x: ClampedIndex;
  y: ClampedIndex;
  /** Where it stood when the cycle opened (clamped), or null: no arrow. */
  from: { x: number; y: number } | null;
  tooltip: string[];
}

/** What the marks of one point are, in pixels of the plot area. */
export interface PointMarks {
  point: PlottedPoint;
  cx: number;
  cy: number;
  radius: number;
  glyph: string | null;
  /** The movement arrow, ending at the bubble's rim; null when there is none to draw. */
  arrow: { x1: number; y1: number; x2: number; y2: number } | null;
  clamped: boolean;
}

/** The arrow from (x1, y1) to the rim of a bubble of `radius` at (x2, y2); null when inside it. */
export function arrowTo(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  radius: number,
): { x1: number; y1: number; x2: number; y2: number } | null {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy);
  if (length <= radius + 2) return null;
  const k = (length - radius - 1) / length;
  return { x1, y1, x2: x1 + dx * k, y2: y1 + dy * k };
}

let chartIds = 0;

/** Below this width (px) the tooltip spans the chart instead of sitting beside the bubble. */
const NARROW_CHART = 480;

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
 * ngx-charts' bubble chart with what the tension chart needs on top: quadrant guides at 50 % with
 * the quadrants' names, opaque outlined bubbles with a status glyph (the non-colour cue), an
 * arrow from where each initiative stood when the cycle opened, a dashed ring on a bubble drawn
 * at the edge of the fixed scale, a short label beside each bubble, and its own tooltip: each
 * bubble is a button that shows the tooltip while it has the pointer or the focus, and hides it
 * as soon as either leaves (ngx-charts' own tooltip lingers; it is disabled).
 */
@Component({
  selector: 'wp-tension-bubble-chart',
  imports: [ChartCommonModule, BubbleChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  styles: `
    wp-tension-bubble-chart {
      position: relative;
      display: block;
    }
    .wp-tension .circle {
      fill-opacity: 0.9;
      stroke: #fff;
      stroke-width: 2px;
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
    .wp-tension__trail {
      stroke: #374151;
      stroke-width: 2px;
      fill: none;
    }
    .wp-tension__origin {
      fill: #fff;
      stroke: #374151;
      stroke-width: 1.5px;
    }
    .wp-tension__glyph {
      fill: none;
      stroke: #fff;
      stroke-width: 2.5px;
      stroke-linecap: round;
      stroke-linejoin: round;
      pointer-events: none;
    }
    .wp-tension__clamped {
      fill: none;
      stroke: #111827;
      stroke-width: 1.5px;
      stroke-dasharray: 3 3;
      pointer-events: none;
    }
    .wp-tension__hit {
      fill: transparent;
      cursor: pointer;
      outline: none;
    }
    .wp-tension__hit:focus-visible {
      stroke: #111827;
      stroke-width: 3px;
    }
    .wp-tension__tooltip {
      position: absolute;
      z-index: 2;
      width: max-content;
      max-width: 280px;
      padding: 6px 10px;
      border-radius: 4px;
      background: #1f2937;
      color: #fff;
      font-size: 0.8125rem;
      line-height: 1.35;
      pointer-events: none;
      box-shadow: 0 2px 6px rgba(0, 0, 0, 0.25);
    }
    .wp-tension__tooltip--span {
      width: auto;
      max-width: none;
    }
    .wp-tension__tooltip p {
      margin: 0;
    }
    .wp-tension__tooltip p:first-child {
      font-weight: 600;
    }
  `,
  template: `
    <ngx-charts-chart [view]="[width, height]" [showLegend]="false" [animations]="false">
      <svg:defs>
        <svg:marker
          [attr.id]="markerId"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <svg:path d="M 0 0 L 10 5 L 0 10 z" fill="#374151" />
        </svg:marker>
      </svg:defs>
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
          aria-hidden="true"
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
          aria-hidden="true"
          (dimensionsChanged)="updateYAxisWidth($event)"
        />
        <svg:g aria-hidden="true">
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
        </svg:g>
        @let all = marks();
        <svg:g aria-hidden="true">
          @for (m of all; track m.point.id) {
            @if (m.arrow; as a) {
              <svg:circle class="wp-tension__origin" [attr.cx]="a.x1" [attr.cy]="a.y1" r="3" />
              <svg:line
                class="wp-tension__trail"
                [attr.x1]="a.x1"
                [attr.y1]="a.y1"
                [attr.x2]="a.x2"
                [attr.y2]="a.y2"
                [attr.marker-end]="'url(#' + markerId + ')'"
              />
            }
          }
        </svg:g>
        <svg:g aria-hidden="true">
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
              [tooltipDisabled]="true"
            />
          }
          @for (m of all; track m.point.id) {
            @if (m.glyph; as glyph) {
              <svg:path
                class="wp-tension__glyph"
                [attr.d]="glyph"
                [attr.transform]="glyphTransform(m)"
                vector-effect="non-scaling-stroke"
              />
            }
            @if (m.clamped) {
              <svg:circle
                class="wp-tension__clamped"
                [attr.cx]="m.cx"
                [attr.cy]="m.cy"
                [attr.r]="m.radius + 4"
              />
            }
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
        @for (m of all; track m.point.id) {
          <svg:circle
            class="wp-tension__hit"
            role="button"
            tabindex="0"
            [attr.data-id]="m.point.id"
            [attr.aria-label]="m.point.tooltip.join('. ')"
            [attr.cx]="m.cx"
            [attr.cy]="m.cy"
            [attr.r]="m.radius"
            (mouseenter)="show(m)"
            (mouseleave)="hide(m)"
            (focus)="show(m)"
            (blur)="hide(m)"
            (click)="choose(m)"
            (keydown.enter)="choose(m)"
            (keydown.space)="$event.preventDefault(); choose(m)"
            (keydown.escape)="hide(m)"
          />
        }
      </svg:g>
    </ngx-charts-chart>
    @if (tip(); as t) {
      <div
        class="wp-tension__tooltip"
        [class.wp-tension__tooltip--span]="t.left !== null && t.right !== null"
        aria-hidden="true"
        [style.left.px]="t.left"
        [style.right.px]="t.right"
        [style.top.px]="t.top"
        [style.transform]="t.transform"
      >
        @for (line of t.point.tooltip; track $index) {
          <p>{{ line }}</p>
        }
      </div>
    }
  `,
})
export class TensionBubbleChartComponent extends BubbleChartComponent {
  /** The points as the chart draws them (PlottedPoint); `results` carries the same as series. */
  readonly plotted = input<readonly PlottedPoint[]>([]);

  protected readonly markerId = `wp-tension-arrow-${++chartIds}`;
  /** The point whose tooltip shows, and where (px in this host). */
  protected readonly tip = signal<{
    point: PlottedPoint;
    top: number;
    left: number | null;
    right: number | null;
    transform: string;
  } | null>(null);

  /** Recomputed on every change detection pass: the scales change with the size. */
  protected marks(): PointMarks[] {
    const x = this.xScale as Scale | undefined;
    const y = this.yScale as Scale | undefined;
    const r = this.rScale as Scale | undefined;
    if (!x || !y || !r || !this.dims) return [];
    return this.plotted().map((point) => {
      const cx = x(point.x.value);
      const cy = y(point.y.value);
      const radius = r(point.r);
      return {
        point,
        cx,
        cy,
        radius,
        glyph: STATUS_GLYPHS[point.status],
        arrow: point.from ? arrowTo(x(point.from.x), y(point.from.y), cx, cy, radius) : null,
        clamped: point.x.clamped !== null || point.y.clamped !== null,
      };
    });
  }

  protected glyphTransform(m: PointMarks): string {
    return `translate(${m.cx},${m.cy}) scale(${Math.min(m.radius * 0.75, 9)})`;
  }

  protected show(m: PointMarks): void {
    const x = (this.dims?.xOffset ?? 0) + m.cx;
    const y = this.margin[0] + m.cy;
    // Above the bubble when there is room for a few lines, else below it.
    const above = y - m.radius > 90;
    const top = above ? y - m.radius - 6 : y + m.radius + 6;
    const vertical = above ? '-100%' : '0';
    if (this.width < NARROW_CHART) {
      // A phone: the tooltip spans the chart's width, so none of it is cut off at a side.
      this.tip.set({
        point: m.point,
        top,
        left: 8,
        right: 8,
        transform: `translateY(${vertical})`,
      });
      return;
    }
    // Beside the bubble, growing away from the nearer side edge so it stays inside the chart.
    const onRight = m.cx > (this.dims?.width ?? 0) / 2;
    this.tip.set({
      point: m.point,
      top,
      left: onRight ? null : x - m.radius,
      right: onRight ? this.width - x - m.radius : null,
      transform: `translateY(${vertical})`,
    });
  }

  protected hide(m: PointMarks): void {
    if (this.tip()?.point.id === m.point.id) this.tip.set(null);
  }

  protected choose(m: PointMarks): void {
    this.tip.set(null);
    this.select.emit({ name: m.point.title, extra: { id: m.point.id } });
  }

  /** Recomputed on every change detection pass: the scales change with the size. */
  protected labels(): BubbleLabel[] {
    const items: LabelInput[] = this.marks().map((m) => ({
      key: m.point.id,
      text: shortName(m.point.title),
      cx: m.cx,
      cy: m.cy,
      r: m.radius,
    }));
    return placeLabels(items, this.dims?.width ?? 0);
  }
}
