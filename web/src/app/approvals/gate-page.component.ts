import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { DecideGateRequest } from '@waypoint/contracts';
import { AuthStore } from '../auth/auth.store';
import { AlertListComponent } from '../shared/alerts/alert-list.component';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { genericErrorMessage, httpStatusOf } from '../shared/problem';
import { LiveUpdatesService } from '../shared/live-updates.service';
import { DecisionConfirmationStore } from './approvals-list.store';
import { outcomeLabel, STEP_STATUS_LABEL } from '../shared/vocabulary';
import { DecisionFormComponent } from './decision-form.component';
import { GateMeasureComponent } from './gate-measure.component';
import { GateStore } from './gate.store';
import { DayPipe, DateTimePipe } from '../shared/format';

/**
 * One submitted gate (`/approvals/:milestoneId`): its frozen evidence snapshot, the earlier
 * decisions and open conditions, and the decision form.
 */
@Component({
  selector: 'wp-gate-page',
  imports: [
    DayPipe,
    AlertListComponent,
    DateTimePipe,
    DecisionFormComponent,
    EmptyStateComponent,
    GateMeasureComponent,
    MatButton,
    MatProgressBar,
    RouterLink,
  ],
  providers: [GateStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'wp-approvals-page' },
  templateUrl: './gate-page.component.html',
  styleUrl: './approvals.scss',
})
export class GatePageComponent {
  protected readonly store = inject(GateStore);
  /** Decided or resubmitted by someone else meanwhile: show it without a reload. */
  private readonly live = inject(LiveUpdatesService).watch(
    (e) =>
      (e.kind === 'milestone' || e.kind === 'decision') &&
      e.initiativeId === this.store.milestone()?.initiativeId,
    () => this.store.reload(),
  );
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly confirmations = inject(DecisionConfirmationStore);

  protected readonly outcomeLabel = outcomeLabel;
  protected readonly stepStatuses = Object.entries(STEP_STATUS_LABEL) as [
    keyof typeof STEP_STATUS_LABEL,
    string,
  ][];
  protected readonly errorMessage = genericErrorMessage;
  protected readonly notFound = computed(() => httpStatusOf(this.store.error()) === 404);

  /** The signed-in user submitted this gate: someone else decides it. */
  protected readonly ownGate = computed(() => {
    const submitter = this.store.submission()?.submittedBy.id;
    return submitter !== undefined && submitter === this.auth.user()?.id;
  });
  protected readonly stepsDone = computed(() => this.store.snapshot()?.steps.byStatus.done ?? 0);
  protected async decide(request: DecideGateRequest): Promise<void> {
    const milestone = this.store.milestone();
    const decision = await this.store.decide(request);
    if (!decision || !milestone) return;
    this.confirmations.set({
      initiativeTitle: this.store.initiativeTitle() ?? 'the initiative',
      milestoneTitle: milestone.title,
      outcomeLabel: outcomeLabel(decision.outcome),
    });
    await this.router.navigateByUrl('/approvals');
  }
}
