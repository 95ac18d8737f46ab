import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MoneyPipe } from '../format';

/** One line of a money table: what it is about, and its expected and realised benefit. */
export interface MoneyTableRow {
  key: string;
  label: string;
  /** A line under the label (a road's mix of initiatives). */
  labelNote?: string;
  /** A count drawn as a bar under the label, against the largest of the table. */
  count?: number;
  expectedMinor: number;
  /** Null: nothing realised (shown as no value). */
  realisedMinor: number | null;
  /** How the realised figure was found, under it. */
  realisedNote?: string;
  /** The evidence of an amount entered by hand, linked under the realised figure. */
  evidenceUrl?: string;
}

/** Width in % of a bar for `value` against the largest of its table (0 for none). */
export function barWidth(value: number, largest: number): number {
  return largest <= 0 || value <= 0 ? 0 : Math.max(2, Math.round((value / largest) * 100));
}

/**
 * A table of expected against realised benefit, one row per cycle, road or department (the
 * initiative's money and the portfolio's): the amounts in the organisation's currency, with bars
 * against the largest amount of the table when `bars`, a line saying so when there are no rows,
 * and a total when one is given.
 */
@Component({
  selector: 'wp-money-table',
  imports: [MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './money-table.component.html',
  styleUrl: './money-table.component.scss',
})
export class MoneyTableComponent {
  /** Says what the table holds, for screen readers. */
  readonly caption = input.required<string>();
  /** The heading of the first column: Cycle, Road, Department. */
  readonly heading = input.required<string>();
  readonly currency = input.required<string>();
  readonly rows = input.required<readonly MoneyTableRow[]>();
  readonly bars = input(false);
  /** The line shown when there are no rows (none: an empty body). */
  readonly empty = input<string | null>(null);
  readonly total = input<{
    label: string;
    expectedMinor: number;
    realisedMinor: number | null;
  } | null>(null);

  protected readonly barWidth = barWidth;
  /** The largest amount and count of the rows, for the bars. */
  protected readonly largest = computed(() => {
    const rows = this.rows();
    return {
      amount: Math.max(0, ...rows.flatMap((r) => [r.expectedMinor, r.realisedMinor ?? 0])),
      count: Math.max(0, ...rows.map((r) => r.count ?? 0)),
    };
  });
  /** A realised column with words in it takes the room it needs; else the columns are even. */
  protected readonly explained = computed(() =>
    this.rows().some((r) => r.realisedNote !== undefined),
  );
}
