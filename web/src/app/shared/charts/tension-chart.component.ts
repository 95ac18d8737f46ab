import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { TensionPoint } from '@waypoint/contracts';
import { chartEnvironment } from './chart-environment';
import { formatIndex } from '../format';
import { STATUS_LABEL } from '../vocabulary';
import { STATUS_COLOURS } from './chart-labels';
import { TensionChartViewComponent } from './tension-chart-view.component';

/** What the tension chart needs of an initiative (the contract's TensionPoint fits). */
export type TensionChartPoint = Pick<
  TensionPoint,
  'id' | 'title' | 'status' | 'businessIndex' | 'customerIndex' | 'teamSize'
>;

/**
 * Customer value against business value: one bubble per measured initiative (business value index
 * across, customer value index up, size = team size, colour = status), quadrant guides at 0.5,
 * initiatives without both indices listed below, and a visually hidden table with the same data.
 */
@Component({
  selector: 'wp-tension-chart',
  imports: [NgComponentOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tension-chart.component.html',
  styleUrl: './charts.scss',
})
export class TensionChartComponent {
  readonly points = input.required<readonly TensionChartPoint[]>();
  readonly loading = input(false);
  /** The id of the initiative whose bubble (or table link) was chosen. */
  readonly pointSelected = output<string>();

  protected readonly view = TensionChartViewComponent;
  protected readonly environment = chartEnvironment();
  protected readonly statusLabels = STATUS_LABEL;
  protected readonly formatIndex = formatIndex;

  protected readonly measured = computed(() =>
    this.points().filter((p) => p.businessIndex !== null && p.customerIndex !== null),
  );
  protected readonly unmeasured = computed(() =>
    this.points().filter((p) => p.businessIndex === null || p.customerIndex === null),
  );
  protected readonly legend = computed(() => {
    const statuses = new Set(this.measured().map((p) => p.status));
    return [...statuses].map((s) => ({ label: STATUS_LABEL[s], colour: STATUS_COLOURS[s] }));
  });
  protected readonly viewInputs = computed(() => ({
    points: this.measured(),
    select: (id: string) => this.pointSelected.emit(id),
  }));

  protected choose(event: Event, id: string): void {
    event.preventDefault();
    this.pointSelected.emit(id);
  }
}
