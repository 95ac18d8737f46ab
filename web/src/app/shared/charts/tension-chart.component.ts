import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { INITIATIVE_STATUS_VALUES, type TensionPoint } from '@waypoint/contracts';
import { chartEnvironment } from './chart-environment';
import { STATUS_LABEL } from '../vocabulary';
import { STATUS_COLOURS, STATUS_GLYPHS } from './chart-labels';
import { formatTensionTick, movementText, TENSION_SCALE } from './tension-chart-scale';
import { plottedIndexText } from './tension-chart-text';
import { TensionChartViewComponent } from './tension-chart-view.component';

/** What the tension chart needs of an initiative (the contract's TensionPoint fits). */
export type TensionChartPoint = Pick<
  TensionPoint,
  | 'id'
  | 'title'
  | 'status'
  | 'businessIndex'
  | 'customerIndex'
  | 'openingBusinessIndex'
  | 'openingCustomerIndex'
  | 'teamSize'
>;

/** The status legend: every status with its colour and glyph, so "on hold" never reads as "stopped". */
export const TENSION_LEGEND = INITIATIVE_STATUS_VALUES.map((status) => ({
  status,
  label: STATUS_LABEL[status],
  colour: STATUS_COLOURS[status],
  glyph: STATUS_GLYPHS[status],
}));

/**
 * Customer value against business value: one bubble per measured initiative (business value index
 * across, customer value index up, both on fixed axes from -50 % to 150 %; size = team size,
 * colour and glyph = status), an arrow from where it stood when the cycle opened, quadrant guides
 * at 50 %, initiatives without both indices listed below, and a visually hidden table with the
 * same data and the movement in words.
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
  protected readonly indexText = plottedIndexText;
  protected readonly movementText = movementText;
  protected readonly legend = TENSION_LEGEND;
  protected readonly scaleMin = formatTensionTick(TENSION_SCALE.min);
  protected readonly scaleMax = formatTensionTick(TENSION_SCALE.max);

  protected readonly measured = computed(() =>
    this.points().filter((p) => p.businessIndex !== null && p.customerIndex !== null),
  );
  protected readonly unmeasured = computed(() =>
    this.points().filter((p) => p.businessIndex === null || p.customerIndex === null),
  );
  protected readonly anyMovement = computed(() =>
    this.points().some((p) => movementText(p) !== null),
  );
  protected readonly viewInputs = computed(() => ({
    points: this.measured(),
    select: (id: string) => this.pointSelected.emit(id),
  }));

  protected choose(event: Event, id: string): void {
    event.preventDefault();
    this.pointSelected.emit(id);
  }
}
