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
import { MoneyTableComponent, type MoneyTableRow } from './money-table.component';

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
  imports: [MoneyPipe, MoneyTableComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './portfolio-money.component.html',
  styleUrl: './portfolio-money.component.scss',
})
export class PortfolioMoneyComponent {
  private readonly api = inject(MoneyApi);
  protected readonly money = httpResource<PortfolioMoneyResponse>(() =>
    this.api.portfolioRequest(),
  );
  protected readonly paybackText = paybackText;

  protected readonly errorText = computed(() => {
    const error = this.money.error();
    return error ? genericErrorMessage(error) : null;
  });
  /** The rows of the tables by cycle, road and department. */
  protected readonly tables = computed(() => {
    const m = this.money.hasValue() ? this.money.value() : null;
    const amounts = (x: { expectedMinor: number; realisedMinor: number }) => ({
      expectedMinor: x.expectedMinor,
      realisedMinor: x.realisedMinor,
    });
    return {
      cycles: (m?.cycles ?? []).map(
        (c): MoneyTableRow => ({ key: c.cycle.id, label: c.cycle.name, ...amounts(c) }),
      ),
      roads: (m?.roads ?? []).map(
        (r): MoneyTableRow => ({
          key: r.road,
          label: APPROACH_LABEL[r.road],
          labelNote: roadMixText(r),
          count: r.initiatives,
          ...amounts(r),
        }),
      ),
      departments: (m?.departments ?? []).map(
        (d): MoneyTableRow => ({
          key: d.department?.id ?? '',
          label: d.department?.name ?? 'No department',
          ...amounts(d),
        }),
      ),
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
