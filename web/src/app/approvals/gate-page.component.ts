import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { CommentResponse, DecideGateRequest, MilestoneState } from '@waypoint/contracts';
import { AuthStore } from '../auth/auth.store';
import { AlertListComponent } from '../shared/alerts/alert-list.component';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { genericErrorMessage, httpStatusOf } from '../shared/problem';
import { LiveUpdatesService } from '../shared/live-updates.service';
import { DecisionConfirmationStore } from './approvals-list.store';
import { MILESTONE_STATE_LABEL, outcomeLabel, STEP_STATUS_LABEL } from '../shared/vocabulary';
import { DecisionFormComponent } from './decision-form.component';
import { GateMeasureComponent } from './gate-measure.component';
import { GateStore } from './gate.store';
import {
  countText,
  DayPipe,
  DateTimePipe,
  formatIndex,
  formatIndexMove,
  waitText,
} from '../shared/format';

/**
 * One submitted gate (`/approvals/:milestoneId`), the whole picture for the decider: the
 * submitter's note, the initiative's value indices and their change over the cycle, its frozen
 * evidence with every measure of the initiative (linked ones first, counter-measures paired), open
 * tension alerts, earlier decisions and their conditions, comments, and the decision form.
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
  /** No such gate: an unknown id (404) or one that cannot be an id at all (400). */
  protected readonly notFound = computed(() =>
    [400, 404].includes(httpStatusOf(this.store.error()) ?? 0),
  );

  /** The signed-in user submitted this gate: someone else decides it. */
  protected readonly ownGate = computed(() => {
    const submitter = this.store.submission()?.submittedBy.id;
    return submitter !== undefined && submitter === this.auth.user()?.id;
  });
  protected readonly stepsDone = computed(() => this.store.snapshot()?.steps.byStatus.done ?? 0);
  protected readonly stepsTotal = computed(() =>
    countText(this.store.snapshot()?.steps.total ?? 0, 'step'),
  );
  /** Readings of a measure not linked to the gate are shown up to now. */
  protected readonly now = new Date().toISOString();
  protected readonly indexText = formatIndex;
  protected readonly changeText = formatIndexMove;
  protected readonly stateLabel = (state: MilestoneState): string =>
    MILESTONE_STATE_LABEL[state].toLowerCase();

  /** "2 of 3 measures linked to this gate by the submitter." */
  protected readonly measuresSummary = computed(() => {
    const views = this.store.measures();
    const linked = views.filter((v) => v.linked).length;
    if (views.length === 0) return '';
    if (linked === views.length) {
      return linked === 1
        ? 'The initiative has one measure; the submitter linked it to this gate.'
        : `The submitter linked all ${countText(linked, 'measure')} of the initiative to this gate.`;
    }
    return `${linked} of the initiative's ${countText(views.length, 'measure')} linked to this gate by the submitter; the others are shown as they stand now.`;
  });

  /** How long the gate has waited for a decision, while it waits. */
  protected readonly waitingFor = computed(() => {
    const submittedAt = this.store.submission()?.submittedAt;
    if (!this.store.waiting() || !submittedAt) return null;
    return waitText((Date.now() - Date.parse(submittedAt)) / 3_600_000);
  });

  /** Where a comment was left, when not on the initiative itself: "on this gate", "on a step". */
  protected commentPlace(comment: CommentResponse): string | null {
    switch (comment.targetType) {
      case 'initiative':
        return null;
      case 'milestone':
        return comment.targetId === this.store.milestoneId() ? 'on this gate' : 'on another gate';
      case 'step':
        return 'on a step';
    }
  }
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
