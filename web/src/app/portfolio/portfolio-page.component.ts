import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { PortfolioMoneyComponent } from '../shared/money/portfolio-money.component';
import { AlertListComponent } from '../shared/alerts/alert-list.component';
import { TensionChartComponent } from '../shared/charts/tension-chart.component';
import { genericErrorMessage } from '../shared/problem';
import { LiveUpdatesService } from '../shared/live-updates.service';
import { waitText } from '../shared/format';
import { STATUS_LABEL } from '../shared/vocabulary';
import {
  ALERTS_ANCHOR,
  cycleScope,
  PORTFOLIO_LINKS,
  STATUS_ORDER,
  statusBreakdown,
  statusParts,
  TODAY_SCOPE,
} from './portfolio-format';
import { PORTFOLIO_NOW, PortfolioStore } from './portfolio.store';

/** How many of each long list the page draws; the rest is one click away (Initiatives). */
export { PORTFOLIO_CHART_LIMIT } from './portfolio.store';
export const PORTFOLIO_STAGE_ITEMS_LIMIT = 50;

/**
 * The executive's home: headline figures, customer versus business value (the tension chart),
 * the open and acknowledged tension alerts with their notes, gates waiting and initiatives by
 * stage. The cycle picker (`?cycle=`, kept on reload) drives every figure that depends on a
 * cycle, and each card says what it covers; every figure links to the list behind it.
 */
@Component({
  selector: 'wp-portfolio-page',
  imports: [AlertListComponent, PortfolioMoneyComponent, RouterLink, TensionChartComponent],
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
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);
  private readonly cycleParam = toSignal(
    this.route.queryParamMap.pipe(map((params) => params.get('cycle'))),
    { initialValue: this.route.snapshot.queryParamMap.get('cycle') },
  );

  protected readonly now = PORTFOLIO_NOW;
  protected readonly links = PORTFOLIO_LINKS;
  protected readonly alertsAnchor = ALERTS_ANCHOR;
  protected readonly todayScope = TODAY_SCOPE;
  protected readonly cycleScope = cycleScope;
  protected readonly statusOrder = STATUS_ORDER;
  protected readonly statusText = STATUS_LABEL;
  protected readonly waitText = waitText;
  protected readonly statusBreakdown = statusBreakdown;
  protected readonly statusParts = statusParts;

  constructor() {
    this.store.connect(() => this.cycleParam() ?? null);
  }

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
    const name = this.store.cycleName();
    return name ? `over ${name}, with each initiative's move since it opened` : 'now';
  });
  protected readonly tensionScope = computed(() => cycleScope(this.store.cycleName()));
  /** The Tension alerts card's target: the alerts panel of this page, for the same cycle. */
  protected readonly alertsHref = computed(() => {
    const cycle = this.cycleParam();
    return this.router.serializeUrl(
      this.router.createUrlTree(['/portfolio'], {
        queryParams: cycle ? { cycle } : {},
        fragment: ALERTS_ANCHOR,
      }),
    );
  });
  protected readonly errorText = genericErrorMessage;

  /** The picked cycle goes into the address (`?cycle=`), which the store follows. */
  protected onCycleChange(event: Event): void {
    const cycle = (event.target as HTMLSelectElement).value;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { cycle },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  /** Scrolls to the alerts panel and gives it the focus (the router does not scroll to anchors). */
  protected goToAlerts(event: MouseEvent): void {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    const panel = this.document.getElementById(ALERTS_ANCHOR);
    panel?.scrollIntoView({ block: 'start' });
    panel?.focus({ preventScroll: true });
  }

  protected openInitiative(id: string): void {
    void this.router.navigate(['/initiatives', id]);
  }
}
