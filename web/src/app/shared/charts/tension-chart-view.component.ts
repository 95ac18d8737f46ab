import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type Color, ScaleType } from '@swimlane/ngx-charts';
import { INITIATIVE_STATUS_VALUES, type InitiativeStatus } from '@waypoint/contracts';
import { STATUS_LABEL } from '../vocabulary';
import { STATUS_COLOURS } from './chart-labels';
import { type PlottedPoint, TensionBubbleChartComponent } from './tension-bubble-chart.component';
import {
  clampIndex,
  formatTensionTick,
  TENSION_SCALE,
  TENSION_TICKS,
  tensionMovement,
} from './tension-chart-scale';
import type { TensionChartPoint } from './tension-chart.component';
import { tensionTooltip } from './tension-chart-text';

interface BubbleItem {
  name: string;
  x: number;
  y: number;
  r: number;
  extra: { id: string };
}

/** The points with both indices, placed on the fixed scale, with their movement and tooltip. */
export function plotPoints(points: readonly TensionChartPoint[]): PlottedPoint[] {
  const plotted: PlottedPoint[] = [];
  for (const p of points) {
    if (p.businessIndex === null || p.customerIndex === null) continue;
    const movement = tensionMovement(p);
    plotted.push({
      id: p.id,
      title: p.title,
      status: p.status,
      r: Math.max(1, p.teamSize),
      x: clampIndex(p.businessIndex),
      y: clampIndex(p.customerIndex),
      from: movement
        ? {
            x: clampIndex(movement.business.from).value,
            y: clampIndex(movement.customer.from).value,
          }
        : null,
      tooltip: tensionTooltip(p),
    });
  }
  return plotted;
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
      [plotted]="plotted()"
      [scheme]="scheme()"
      [xAxis]="true"
      [yAxis]="true"
      [showXAxisLabel]="true"
      [showYAxisLabel]="true"
      xAxisLabel="Business value index"
      yAxisLabel="Customer value index"
      [xScaleMin]="scale.min"
      [xScaleMax]="scale.max"
      [yScaleMin]="scale.min"
      [yScaleMax]="scale.max"
      [xAxisTicks]="ticks"
      [yAxisTicks]="ticks"
      [xAxisTickFormatting]="formatTick"
      [yAxisTickFormatting]="formatTick"
      [showGridLines]="true"
      [autoScale]="false"
      [roundDomains]="false"
      [minRadius]="8"
      [maxRadius]="22"
      [animations]="false"
      [tooltipDisabled]="true"
      (select)="onSelect($event)"
    />
  `,
})
export class TensionChartViewComponent {
  readonly points = input.required<readonly TensionChartPoint[]>();
  readonly select = input.required<(id: string) => void>();

  /** The fixed axes (tension-chart-scale.ts): the same for every cycle. */
  protected readonly scale = TENSION_SCALE;
  protected readonly ticks = [...TENSION_TICKS];
  protected readonly formatTick = formatTensionTick;

  protected readonly plotted = computed(() => plotPoints(this.points()));

  /** One series per status, in the statuses' order, with the indices clamped to the scale. */
  protected readonly series = computed(() => {
    const byStatus = new Map<InitiativeStatus, BubbleItem[]>();
    for (const p of this.plotted()) {
      const items = byStatus.get(p.status) ?? [];
      items.push({ name: p.title, x: p.x.value, y: p.y.value, r: p.r, extra: { id: p.id } });
      byStatus.set(p.status, items);
    }
    return INITIATIVE_STATUS_VALUES.filter((s) => byStatus.has(s)).map((s) => ({
      name: STATUS_LABEL[s],
      series: byStatus.get(s) ?? [],
    }));
  });

  protected readonly scheme = computed<Color>(() => {
    const shown = new Set(this.plotted().map((p) => p.status));
    const domain = INITIATIVE_STATUS_VALUES.filter((s) => shown.has(s)).map(
      (s) => STATUS_COLOURS[s],
    );
    return { name: 'status', selectable: true, group: ScaleType.Ordinal, domain };
  });

  protected onSelect(event: unknown): void {
    const id = (event as { extra?: { id?: string } } | null)?.extra?.id;
    if (id) this.select()(id);
  }
}
