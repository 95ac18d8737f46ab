import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type Color, ScaleType } from '@swimlane/ngx-charts';
import { STATUS_LABEL } from '../vocabulary';
import { STATUS_COLOURS } from './chart-labels';
import { TensionBubbleChartComponent } from './tension-bubble-chart.component';
import type { TensionChartPoint } from './tension-chart.component';

interface BubbleItem {
  name: string;
  x: number;
  y: number;
  r: number;
  extra: { id: string };
}

/** The ngx-charts bubble chart itself (rendered by TensionChartComponent; not for places). */
@Component({
  selector: 'wp-tension-chart-view',
  imports: [TensionBubbleChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // ngx-charts sizes itself to its parent element: this host, filling the wrapper's canvas.
  styles: ':host { display: block; width: 100%; height: 100%; }',
  template: `
    <wp-tension-bubble-chart
      [results]="series()"
      [scheme]="scheme()"
      [xAxis]="true"
      [yAxis]="true"
      [showXAxisLabel]="true"
      [showYAxisLabel]="true"
      xAxisLabel="Business value index"
      yAxisLabel="Customer value index"
      [xScaleMin]="domain().min"
      [xScaleMax]="domain().max"
      [yScaleMin]="domain().min"
      [yScaleMax]="domain().max"
      [xAxisTicks]="ticks()"
      [yAxisTicks]="ticks()"
      [xAxisTickFormatting]="formatTick"
      [yAxisTickFormatting]="formatTick"
      [showGridLines]="true"
      [autoScale]="false"
      [roundDomains]="false"
      [minRadius]="8"
      [maxRadius]="22"
      [animations]="false"
      (select)="onSelect($event)"
    />
  `,
})
export class TensionChartViewComponent {
  readonly points = input.required<readonly TensionChartPoint[]>();
  readonly select = input.required<(id: string) => void>();

  protected readonly series = computed(() => {
    const byStatus = new Map<string, BubbleItem[]>();
    for (const p of this.points()) {
      if (p.businessIndex === null || p.customerIndex === null) continue;
      const label = STATUS_LABEL[p.status];
      const items = byStatus.get(label) ?? [];
      items.push({
        name: p.title,
        x: p.businessIndex,
        y: p.customerIndex,
        r: Math.max(1, p.teamSize),
        extra: { id: p.id },
      });
      byStatus.set(label, items);
    }
    return [...byStatus].map(([name, series]) => ({ name, series }));
  });

  protected readonly scheme = computed<Color>(() => {
    const domain = this.series().map(
      (s) =>
        STATUS_COLOURS[
          (Object.keys(STATUS_LABEL) as Array<keyof typeof STATUS_LABEL>).find(
            (k) => STATUS_LABEL[k] === s.name,
          ) ?? 'draft'
        ],
    );
    return { name: 'status', selectable: true, group: ScaleType.Ordinal, domain };
  });

  /** 0..1 (baseline..target), widened when an index lies outside. */
  protected readonly domain = computed(() => {
    const values = this.points().flatMap((p) => [p.businessIndex ?? 0, p.customerIndex ?? 0]);
    const min = Math.min(0, ...values);
    const max = Math.max(1, ...values);
    return { min: Math.floor(min * 4) / 4 - (min < 0 ? 0.05 : 0), max: Math.ceil(max * 4) / 4 };
  });

  /** Ticks every 0.5 (0, 0.5, 1, ...): the grid lines at 0.5 are the quadrant guides. */
  protected readonly ticks = computed(() => {
    const { min, max } = this.domain();
    const ticks: number[] = [];
    for (let t = Math.ceil(min * 2) / 2; t <= max + 1e-9; t += 0.5) ticks.push(+t.toFixed(1));
    return ticks;
  });

  protected readonly formatTick = (value: number): string => value.toFixed(1);

  protected onSelect(event: unknown): void {
    const id = (event as { extra?: { id?: string } } | null)?.extra?.id;
    if (id) this.select()(id);
  }
}
