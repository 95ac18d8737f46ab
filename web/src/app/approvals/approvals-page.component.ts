import { ChangeDetectionStrategy, Component, inject, OnDestroy } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { genericErrorMessage } from '../shared/problem';
import { LiveUpdatesService } from '../shared/live-updates.service';
import { ApprovalsListStore, DecisionConfirmationStore } from './approvals-list.store';
import { DayPipe, waitText } from '../shared/format';
import { PlansWaitingComponent } from './plans-waiting.component';

/**
 * Approvals: all that waits for me. The submitted gates waiting for my decision, oldest first,
 * and the plans proposed to me as sponsor, waiting for my acceptance.
 */
@Component({
  selector: 'wp-approvals-page',
  imports: [
    DayPipe,
    EmptyStateComponent,
    MatButton,
    MatProgressBar,
    PlansWaitingComponent,
    RouterLink,
  ],
  providers: [ApprovalsListStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'wp-approvals-page' },
  templateUrl: './approvals-page.component.html',
  styleUrl: './approvals.scss',
})
export class ApprovalsPageComponent implements OnDestroy {
  protected readonly store = inject(ApprovalsListStore);
  /** A gate submitted or decided elsewhere shows up (or goes) without a reload. */
  private readonly live = inject(LiveUpdatesService).watch(
    (e) => e.kind === 'milestone' || e.kind === 'decision' || e.kind === 'initiative',
    () => this.store.reload(),
  );
  private readonly confirmations = inject(DecisionConfirmationStore);
  protected readonly confirmation = this.confirmations.confirmation;
  protected readonly waitingText = waitText;
  protected readonly errorMessage = genericErrorMessage;

  protected dismiss(): void {
    this.confirmations.clear();
  }

  ngOnDestroy(): void {
    this.confirmations.clear();
  }
}
