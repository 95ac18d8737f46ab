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
import { baselineText, formatDate, formatDateTime, formatMeasure, formatNumber } from '../format';
import { niceTicks, outlierIndices, timeTicks, valueDomain } from './reading-chart-scale';

/** One reading as the chart shows it. */
export interface ReadingChartPoint {
  id: string;
  value: number;
  observedAt: string;
  /** Shown in the tooltip under the value and date, e.g. "by Priya · From the call log". */
  detail?: string;
}

/** An improvement cycle, to draw its boundaries (days YYYY-MM-DD, both included). */
export interface ReadingChartCycle {
  name: string;
  startsOn: string;
  endsOn: string;
}

const DAY_MS = 24 * 3600 * 1000;
const MARGIN = { top: 22, right: 12, bottom: 26, left: 52 };

/**
 * A measure's readings over time, drawn in SVG: a value axis with the unit, dates along the
 * bottom, the baseline and target as labelled lines, cycle boundaries, and a tooltip per
 * reading (hover or keyboard focus). The scale is robust: a reading far outside the rest is
 * drawn at the edge as a marked outlier instead of squashing the others into a line. Empty and
 * loading states, a caption and a table of the readings as the text alternative.
 */
@Component({
  selector: 'wp-reading-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reading-chart.component.html',
  styleUrls: ['./charts.scss', './reading-chart.component.scss'],
})
export class ReadingChartComponent {
  readonly readings = input.required<readonly ReadingChartPoint[]>();
  /** Null while the measure waits for its first reading to give it a baseline: no line then. */
  readonly baseline = input.required<number | null>();
  readonly target = input.required<number>();
  readonly unit = input('');
  readonly name = input.required<string>();
  readonly cycles = input<readonly ReadingChartCycle[]>([]);
  /** Taller, for the expanded view. */
  readonly expanded = input(false);
  readonly loading = input(false);

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** The drawing's width in CSS pixels: follows the host's width. */
  protected readonly width = signal(320);
  protected readonly height = computed(() => (this.expanded() ? 320 : 190));
  protected readonly margin = MARGIN;
  protected readonly active = signal<string | null>(null);
  protected readonly formatDate = formatDate;
  protected readonly formatNumber = formatNumber;

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const element = this.host.nativeElement;
      const measure = (): void => {
        const width = Math.floor(element.getBoundingClientRect().width);
        if (width > 0) this.width.set(width);
      };
      measure();
      if (typeof ResizeObserver === 'undefined') return;
      const observer = new ResizeObserver(measure);
      observer.observe(element);
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }

  /** Oldest first. */
  protected readonly sorted = computed(() =>
    [...this.readings()].sort((a, b) => a.observedAt.localeCompare(b.observedAt)),
  );
  /** The scale's reference band: baseline to target, or the target alone without a baseline. */
  private readonly band = computed(() => this.baseline() ?? this.target());
  private readonly outliers = computed(() =>
    outlierIndices(
      this.sorted().map((r) => r.value),
      this.band(),
      this.target(),
    ),
  );
  private readonly domain = computed(() =>
    valueDomain(
      this.sorted().map((r) => r.value),
      this.band(),
      this.target(),
      this.outliers(),
    ),
  );
  private readonly timeRange = computed(() => {
    const times = this.sorted().map((r) => Date.parse(r.observedAt));
    const from = Math.min(...times);
    const to = Math.max(...times);
    if (!(to - from > DAY_MS)) return { from: from - 7 * DAY_MS, to: to + 7 * DAY_MS };
    const pad = (to - from) * 0.04;
    return { from: from - pad, to: to + pad };
  });

  protected readonly plot = computed(() => {
    const left = MARGIN.left;
    const right = Math.max(left + 40, this.width() - MARGIN.right);
    const top = MARGIN.top;
    const bottom = this.height() - MARGIN.bottom;
    return { left, right, top, bottom };
  });

  private x(at: number): number {
    const { from, to } = this.timeRange();
    const { left, right } = this.plot();
    return left + ((at - from) / (to - from)) * (right - left);
  }

  private y(value: number): number {
    const { min, max } = this.domain();
    const { top, bottom } = this.plot();
    return bottom - ((value - min) / (max - min)) * (bottom - top);
  }

  protected readonly yTicks = computed(() => {
    const { min, max } = this.domain();
    return niceTicks(min, max, this.expanded() ? 6 : 4).map((value) => ({
      value,
      y: this.y(value),
      label: formatNumber(value),
    }));
  });

  protected readonly xTicks = computed(() => {
    const { from, to } = this.timeRange();
    const { left, right } = this.plot();
    const count = Math.max(2, Math.min(6, Math.floor((right - left) / 90)));
    const long = to - from > 300 * DAY_MS;
    return timeTicks(from, to, count).map((at, i, all) => ({
      x: this.x(at),
      label: long
        ? formatDate(new Date(at).toISOString()).replace(/^\d+ /, '')
        : formatDate(new Date(at).toISOString(), 'UTC', 'short'),
      anchor: i === 0 ? 'start' : i === all.length - 1 ? 'end' : 'middle',
    }));
  });

  /** Baseline and target lines, labelled; the labels step apart when the lines are close. */
  protected readonly references = computed(() => {
    const baseline = this.baseline();
    const targetY = this.y(this.target());
    const target = { kind: 'target', y: targetY, labelY: targetY - 4, label: this.targetLabel() };
    if (baseline === null) return [target];
    const baseY = this.y(baseline);
    const close = Math.abs(baseY - targetY) < 14;
    const targetAbove = targetY <= baseY;
    return [
      {
        kind: 'baseline',
        y: baseY,
        labelY: close && targetAbove ? baseY + 12 : baseY - 4,
        label: `Baseline ${formatMeasure(baseline, this.unit())}`,
      },
      { ...target, labelY: close && !targetAbove ? targetY + 12 : targetY - 4 },
    ];
  });
  private targetLabel(): string {
    return `Target ${formatMeasure(this.target(), this.unit())}`;
  }

  /** The start of each cycle that falls inside the time shown. */
  protected readonly cycleLines = computed(() => {
    const { from, to } = this.timeRange();
    return this.cycles()
      .map((c) => ({ name: c.name, at: Date.parse(`${c.startsOn}T00:00:00Z`) }))
      .filter((c) => c.at > from && c.at < to)
      .map((c) => ({ name: c.name, x: this.x(c.at) }));
  });

  protected readonly points = computed(() => {
    const { top, bottom } = this.plot();
    const { min, max } = this.domain();
    const outliers = this.outliers();
    return this.sorted().map((r, i) => {
      const outlier = outliers.has(i);
      const high = r.value > max;
      const y = outlier ? (high ? top + 6 : bottom - 6) : this.y(r.value);
      const x = this.x(Date.parse(r.observedAt));
      const text = formatMeasure(r.value, this.unit());
      return {
        id: r.id,
        x,
        y,
        outlier,
        high: outlier && high,
        low: outlier && !high && r.value < min,
        text,
        when: formatDateTime(r.observedAt),
        detail: r.detail ?? '',
        label: `${text} on ${formatDateTime(r.observedAt)}${outlier ? ', off the scale' : ''}`,
      };
    });
  });

  /** The line joins the readings in scale; an outlier breaks it rather than pulling it away. */
  protected readonly paths = computed(() => {
    const segments: string[] = [];
    let current: string[] = [];
    for (const p of this.points()) {
      if (p.outlier) {
        if (current.length > 1) segments.push(current.join(' '));
        current = [];
        continue;
      }
      current.push(`${current.length === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`);
    }
    if (current.length > 1) segments.push(current.join(' '));
    return segments;
  });

  protected readonly tooltip = computed(() => {
    const id = this.active();
    const point = this.points().find((p) => p.id === id);
    if (!point) return null;
    const { left, right } = this.plot();
    const flip = point.x > left + (right - left) / 2;
    return { ...point, flip };
  });

  protected trianglePath(x: number, y: number, up: boolean): string {
    const s = 7;
    return up
      ? `M${x},${y - s} L${x + s},${y + s / 2} L${x - s},${y + s / 2} Z`
      : `M${x},${y + s} L${x + s},${y - s / 2} L${x - s},${y - s / 2} Z`;
  }

  protected readonly hasOutliers = computed(() => this.outliers().size > 0);

  protected readonly summary = computed(() => {
    const list = this.sorted();
    const latest = list.at(-1);
    const value = (v: number): string => formatMeasure(v, this.unit());
    const head = `${this.name()}: baseline ${baselineText(this.baseline(), this.unit())}, target ${value(this.target())}`;
    const off = this.outliers().size;
    const outliers = off > 0 ? `; ${off} off the scale, marked with a triangle` : '';
    return latest
      ? `${head}; latest ${value(latest.value)} on ${formatDate(latest.observedAt)} (${list.length} readings${outliers}).`
      : `${head}; no readings yet.`;
  });
}
