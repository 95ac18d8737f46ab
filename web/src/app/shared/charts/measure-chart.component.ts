import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { chartEnvironment } from './chart-environment';
import { baselineText, countText, formatDate, formatMeasure } from '../format';
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
  /** Null while the measure waits for its first reading to give it a baseline. */
  readonly baseline = input.required<number | null>();
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
    // Without a baseline yet, the band shrinks to the target (the compact view draws no labels).
    baseline: this.baseline() ?? this.target(),
    target: this.target(),
    name: this.name(),
    compact: this.compact(),
  }));
  protected readonly summary = computed(() => {
    const list = this.sorted();
    const value = (v: number): string => formatMeasure(v, this.unit());
    const latest = list.at(-1);
    const head = `${this.name()}: baseline ${baselineText(this.baseline(), this.unit())}, target ${value(this.target())}`;
    return latest
      ? `${head}; latest ${value(latest.value)} on ${formatDate(latest.observedAt)} (${countText(list.length, 'reading')}).`
      : `${head}; no readings yet.`;
  });
}
