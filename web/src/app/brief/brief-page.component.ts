import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  ViewEncapsulation,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  INITIATIVE_STATUS_VALUES,
  KPI_CLASS_VALUES,
  REVIEW_DECISION_VALUES,
} from '@waypoint/contracts';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { MoreButtonComponent } from '../shared/more-button.component';
import { genericErrorMessage, httpStatusOf } from '../shared/problem';
import {
  countText,
  BaselinePipe,
  DateTimePipe,
  DayPipe,
  formatMeasure,
  formatPercent,
  MeasureValuePipe,
} from '../shared/format';
import {
  ALERT_KIND_LABEL,
  KPI_CLASS_LABEL,
  MILESTONE_STATE_LABEL,
  NO_VALUE,
  REVIEW_DECISION_LABEL,
  SEVERITY_LABEL,
  STATUS_LABEL,
  PERSPECTIVE_LABEL,
} from '../shared/vocabulary';
import { InitiativeMoneyComponent } from '../initiative/initiative-money.component';
import { PortfolioMoneyComponent } from '../shared/money/portfolio-money.component';
import { BriefStore } from './brief.store';

/**
 * Brief: a printable one-page brief of the portfolio (`/brief`) or of one initiative
 * (`/brief/initiatives/:id`) for a cycle. Printing hides the shell and the controls.
 */
@Component({
  selector: 'wp-brief-page',
  imports: [
    BaselinePipe,
    DayPipe,
    MeasureValuePipe,
    DateTimePipe,
    RouterLink,
    MatButton,
    MatIcon,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatProgressBar,
    EmptyStateComponent,
    MoreButtonComponent,
    InitiativeMoneyComponent,
    PortfolioMoneyComponent,
  ],
  providers: [BriefStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Print rules must reach the shell (toolbar, navigation), so these styles are not scoped;
  // every selector starts with a brief- class or sits in @media print.
  encapsulation: ViewEncapsulation.None,
  templateUrl: './brief-page.component.html',
  styleUrl: './brief-page.component.scss',
})
export class BriefPageComponent {
  protected readonly store = inject(BriefStore);
  /** The initiative, from the route `/brief/initiatives/:id`. */
  readonly id = input<string | undefined>(undefined);

  protected readonly statusLabel = STATUS_LABEL;
  protected readonly milestoneLabel = MILESTONE_STATE_LABEL;
  protected readonly kpiLabel = KPI_CLASS_LABEL;
  protected readonly decisionLabel = REVIEW_DECISION_LABEL;
  protected readonly alertLabel = ALERT_KIND_LABEL;
  protected readonly severityLabel = SEVERITY_LABEL;
  protected readonly statuses = INITIATIVE_STATUS_VALUES;
  protected readonly kpiClasses = KPI_CLASS_VALUES;
  protected readonly decisions = REVIEW_DECISION_VALUES;
  protected readonly percent = formatPercent;
  protected readonly count = countText;
  protected readonly measureText = formatMeasure;
  protected readonly perspectiveLabel = PERSPECTIVE_LABEL;
  protected readonly noValue = NO_VALUE;
  protected readonly errorMessage = genericErrorMessage;

  protected readonly cycleName = computed(() => {
    const id = this.store.cycleId();
    const cycles = this.store.cycles.hasValue() ? this.store.cycles.value() : [];
    return cycles.find((c) => c.id === id)?.name ?? 'now';
  });

  protected readonly forbidden = computed(() => httpStatusOf(this.store.portfolio.error()) === 403);

  constructor() {
    this.store.useInitiative(() => this.id() ?? null);
  }

  print(): void {
    window.print();
  }
}
