import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MoneyRoad, PortfolioMoneyResponse } from '@waypoint/contracts';
import { paybackText } from '@waypoint/domain';
import { MoneyApi } from '../api';
import { countText, MoneyPipe } from '../format';
import { LiveUpdatesService } from '../live-updates.service';
import { genericErrorMessage } from '../problem';
import { APPROACH_LABEL, STATUS_LABEL } from '../vocabulary';

/** Width in % of a bar for `value` against the largest of its table (0 for none). */
export function barWidth(value: number, largest: number): number {
  return largest <= 0 || value <= 0 ? 0 : Math.max(2, Math.round((value / largest) * 100));
}

/** "3 initiatives: 1 active, 1 completed, 1 draft" for a road. */
export function roadMixText(road: MoneyRoad): string {
  const parts = Object.entries(road.byStatus)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(
      ([status, n]) => `${n} ${STATUS_LABEL[status as keyof typeof STATUS_LABEL].toLowerCase()}`,
    );
  const count = countText(road.initiatives, 'initiative', 'initiatives', 'No initiatives');
  return parts.length > 0 ? `${count}: ${parts.join(', ')}` : count;
}

/**
 * The money of the portfolio (GET /api/portfolio/money): expected against realised benefit per
 * cycle, by road (with the mix of initiatives on each) and by department, and the payback of each
 * completed initiative. Its own data and live refresh, so a page includes it with one line
 * (the portfolio and the brief show the same figures from the same answer).
 */
@Component({
  selector: 'wp-portfolio-money',
  imports: [MoneyPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './portfolio-money.component.html',
  styleUrl: './portfolio-money.component.scss',
})
export class PortfolioMoneyComponent {
  private readonly api = inject(MoneyApi);
  protected readonly money = httpResource<PortfolioMoneyResponse>(() =>
    this.api.portfolioRequest(),
  );
  protected readonly roadLabel = APPROACH_LABEL;
  protected readonly paybackText = paybackText;
  protected readonly roadMixText = roadMixText;
  protected readonly barWidth = barWidth;

  protected readonly errorText = computed(() => {
    const error = this.money.error();
    return error ? genericErrorMessage(error) : null;
  });
  /** The largest figure of each table, for the bars. */
  protected readonly largest = computed(() => {
    const m = this.money.hasValue() ? this.money.value() : null;
    if (!m) return { cycle: 0, road: 0, initiatives: 0, department: 0 };
    const most = (xs: number[]) => Math.max(0, ...xs);
    return {
      cycle: most(m.cycles.flatMap((c) => [c.expectedMinor, c.realisedMinor])),
      road: most(m.roads.flatMap((r) => [r.expectedMinor, r.realisedMinor])),
      initiatives: most(m.roads.map((r) => r.initiatives)),
      department: most(m.departments.flatMap((d) => [d.expectedMinor, d.realisedMinor])),
    };
  });

  constructor() {
    inject(LiveUpdatesService).watch(
      (event) =>
        event.kind === 'initiative' || event.kind === 'reading' || event.kind === 'measure',
      () => this.money.reload(),
      { destroyRef: inject(DestroyRef) },
    );
  }
}
