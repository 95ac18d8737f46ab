import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AlertListComponent } from '../shared/alerts/alert-list.component';
import { TensionChartComponent } from '../shared/charts/tension-chart.component';
import { genericErrorMessage } from '../shared/problem';
import { LiveUpdatesService } from '../shared/live-updates.service';
import { waitText } from '../shared/format';
import { STATUS_LABEL } from '../shared/vocabulary';
import { STATUS_ORDER, statusBreakdown } from './portfolio-format';
import { PortfolioStore } from './portfolio.store';

/** How many of each long list the page draws; the rest is one click away (Initiatives). */
export { PORTFOLIO_CHART_LIMIT } from './portfolio.store';
export const PORTFOLIO_STAGE_ITEMS_LIMIT = 50;

/**
 * The executive's home: headline figures, customer versus business value (the tension chart),
 * the open and acknowledged tension alerts with their notes, gates waiting and initiatives by stage.
 */
@Component({
  selector: 'wp-portfolio-page',
  imports: [AlertListComponent, RouterLink, TensionChartComponent],
  providers: [PortfolioStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './portfolio-page.component.html',
  styleUrl: './portfolio-page.component.scss',
})
export class PortfolioPageComponent {
  protected readonly store = inject(PortfolioStore);
  /** Any change to an initiative moves the portfolio's figures: refetch, debounced harder. */
  private readonly live = inject(LiveUpdatesService).watch(
    (e) => e.kind !== 'notification' && e.kind !== 'comment',
    () => this.store.reload(),
    { debounceMs: 2000 },
  );
  private readonly router = inject(Router);

  protected readonly statusOrder = STATUS_ORDER;
  protected readonly statusText = STATUS_LABEL;
  protected readonly waitText = waitText;
  protected readonly statusBreakdown = statusBreakdown;

  protected readonly summaryErrorText = computed(() => {
    const error = this.store.summaryError();
    return error ? genericErrorMessage(error) : null;
  });
  /** The tension points the API sent: those that pull apart most (N of `total`). */
  protected readonly points = computed(() => this.store.tension()?.points ?? []);
  protected readonly pointsTotal = computed(() => this.store.tension()?.total ?? 0);
  protected readonly stageItems = computed(() =>
    (this.store.summary()?.items ?? []).slice(0, PORTFOLIO_STAGE_ITEMS_LIMIT),
  );
  protected readonly tensionLabel = computed(() => {
    const cycle = this.store.tension()?.cycle;
    return cycle ? `over ${cycle.name}` : 'now';
  });
  protected readonly errorText = genericErrorMessage;

  protected onCycleChange(event: Event): void {
    this.store.selectCycle((event.target as HTMLSelectElement).value);
  }

  protected openInitiative(id: string): void {
    void this.router.navigate(['/initiatives', id]);
  }
}
