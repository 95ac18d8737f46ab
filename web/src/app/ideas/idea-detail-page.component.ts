import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { IDEA_REASON_MAX_LENGTH, type IdeaDetailResponse } from '@waypoint/contracts';
import { inBothGainCorner } from '@waypoint/domain';
import { AuthStore } from '../auth/auth.store';
import { focusAfterRender } from '../shared/focus-after-render';
import { formatDate, formatNumber, meTooText } from '../shared/format';
import { LiveUpdatesService } from '../shared/live-updates.service';
import { genericErrorMessage } from '../shared/problem';
import { IDEA_STATUS_LABEL } from '../shared/vocabulary';
import { IdeaDetailStore } from './idea-detail.store';
import { estimatesText } from './idea-text';

/** One idea: what hurts and why, who backs it ("me too"), and the managers' triage. */
@Component({
  selector: 'wp-idea-detail-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatHint,
    MatProgressBar,
  ],
  providers: [IdeaDetailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './idea-detail-page.component.html',
  styleUrl: './idea-detail-page.component.scss',
})
export class IdeaDetailPageComponent {
  /** The route's :id. */
  readonly id = input.required<string>();
  protected readonly store = inject(IdeaDetailStore);
  private readonly auth = inject(AuthStore);
  private readonly live = inject(LiveUpdatesService).watch(
    (e) => e.kind === 'idea',
    () => this.store.reload(),
  );

  protected readonly statusLabel = IDEA_STATUS_LABEL;
  protected readonly agreeText = meTooText;
  protected readonly date = formatDate;
  protected readonly number = formatNumber;
  protected readonly estimates = estimatesText;
  protected readonly bothGain = inBothGainCorner;
  protected readonly reasonMax = IDEA_REASON_MAX_LENGTH;

  protected readonly idea = computed<IdeaDetailResponse | null>(() =>
    this.store.idea.hasValue() ? this.store.idea.value() : null,
  );
  protected readonly canTriage = computed(() => {
    const role = this.auth.role();
    return role === 'manager' || role === 'admin';
  });
  /** Whether I may still say "me too": open, not mine, not said yet. */
  protected readonly canMeToo = computed(() => {
    const idea = this.idea();
    return (
      idea !== null &&
      idea.status === 'open' &&
      !idea.meTooMine &&
      idea.submittedBy.id !== this.auth.user()?.id
    );
  });

  protected evidence = '';
  protected reason = '';
  protected mergeInto = '';
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly done = signal<string | null>(null);
  protected readonly localError = signal<string | null>(null);
  private meTooKey = crypto.randomUUID();
  private readonly focus = focusAfterRender();

  constructor() {
    effect(() => this.store.id.set(this.id()));
  }

  protected errorText(error: unknown): string {
    return genericErrorMessage(error);
  }

  protected async meToo(): Promise<void> {
    await this.act(async () => {
      await this.store.meToo(this.evidence.trim(), this.meTooKey);
      this.meTooKey = crypto.randomUUID();
      this.evidence = '';
      return 'Thank you: your "me too" is counted.';
    });
  }

  protected async decline(idea: IdeaDetailResponse): Promise<void> {
    if (!this.reason.trim()) {
      this.localError.set('Say why it is declined: the submitter will read it.');
      return;
    }
    await this.act(async () => {
      await this.store.decline(idea, this.reason.trim());
      return 'Declined. The submitter is told the reason.';
    });
  }

  protected async merge(idea: IdeaDetailResponse): Promise<void> {
    if (!this.mergeInto) {
      this.localError.set('Choose the idea to keep.');
      return;
    }
    await this.act(async () => {
      await this.store.merge(idea, this.mergeInto);
      return 'Merged: the people who agreed with it now count for the idea kept.';
    });
  }

  private async act(work: () => Promise<string>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.localError.set(null);
    this.done.set(null);
    try {
      this.done.set(await work());
      this.store.reload();
      // The form used may be gone (a "me too" is said once, a triaged idea has none): the
      // message takes focus.
      this.focus('.idea-page__done');
    } catch (error) {
      if (!(error instanceof HttpErrorResponse)) throw error;
      this.error.set(error);
      this.focus('.idea-page__error');
    } finally {
      this.busy.set(false);
    }
  }
}
