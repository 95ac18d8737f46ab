import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { chartEnvironment } from './chart-environment';
import { formatDate } from '../format';
import { MeasureChartViewComponent } from './measure-chart-view.component';

export interface MeasureChartReading {
  value: number;
  observedAt: string;
}

/**
 * A measure's readings over time against its baseline and target (reference lines), with a
 * visually hidden table (date, value) as the text alternative. `compact` draws a small
 * sparkline-like version without axes for evidence cards.
 */
@Component({
  selector: 'wp-measure-chart',
  imports: [NgComponentOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './measure-chart.component.html',
  styleUrl: './charts.scss',
})
export class MeasureChartComponent {
  readonly readings = input.required<readonly MeasureChartReading[]>();
  readonly baseline = input.required<number>();
  readonly target = input.required<number>();
  readonly unit = input('');
  readonly name = input.required<string>();
  readonly compact = input(false);
  readonly loading = input(false);

  protected readonly view = MeasureChartViewComponent;
  protected readonly environment = chartEnvironment();
  protected readonly formatDate = formatDate;

  /** Oldest first. */
  protected readonly sorted = computed(() =>
    [...this.readings()].sort((a, b) => a.observedAt.localeCompare(b.observedAt)),
  );
  protected readonly viewInputs = computed(() => ({
    readings: this.sorted(),
    baseline: this.baseline(),
    target: this.target(),
    name: this.name(),
    compact: this.compact(),
  }));
  protected readonly summary = computed(() => {
    const list = this.sorted();
    const unit = this.unit() ? ` ${this.unit()}` : '';
    const latest = list.at(-1);
    const head = `${this.name()}: baseline ${this.baseline()}${unit}, target ${this.target()}${unit}`;
    return latest
      ? `${head}; latest ${latest.value}${unit} on ${formatDate(latest.observedAt)} (${list.length} readings).`
      : `${head}; no readings yet.`;
  });
}
