import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import {
  CYCLE_REVIEW_TEXT_MAX_LENGTH,
  REVIEW_DECISION_VALUES,
  type CycleReviewResponse,
  type CycleValue,
  type PutCycleReviewRequest,
  type ReviewDecision,
} from '@waypoint/contracts';
import { decisionProblem, today } from '@waypoint/domain';
import { AuthStore } from '../auth/auth.store';
import { ReviewsApi } from '../shared/api';
import { formatDate, formatMeasure, formatNumber, formatPercent } from '../shared/format';
import { fieldErrorsOf, genericErrorMessage, isPreconditionFailed } from '../shared/problem';
import { REVIEW_DECISION_LABEL } from '../shared/vocabulary';
import { InitiativeDetailStore } from './initiative-detail.store';

/** What each decision means, under its label. */
const DECISION_HINT: Record<ReviewDecision, string> = {
  adopt: 'It works: make it the way we work.',
  adapt: 'Keep going with changes for the next cycle.',
  abandon: 'Stop: it did not bring the change we predicted.',
};

type TextField = 'intent' | 'predictedChange' | 'learnings' | 'nextIntent';

/**
 * The cycle reviews of an initiative: the owner writes the plan-do-check-act review of the
 * current cycle beside the change measured from the readings, and decides adopt, adapt or
 * abandon; earlier reviews below.
 */
@Component({
  selector: 'wp-cycle-reviews',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatHint,
    MatProgressBar,
    MatRadioGroup,
    MatRadioButton,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './cycle-reviews.component.html',
  styleUrl: './cycle-reviews.component.scss',
})
export class CycleReviewsComponent {
  protected readonly store = inject(InitiativeDetailStore);
  private readonly auth = inject(AuthStore);
  private readonly reviewsApi = inject(ReviewsApi);

  protected readonly decisions = REVIEW_DECISION_VALUES;
  protected readonly decisionLabel = REVIEW_DECISION_LABEL;
  protected readonly decisionHint = DECISION_HINT;
  protected readonly textMax = CYCLE_REVIEW_TEXT_MAX_LENGTH;
  protected readonly percent = formatPercent;
  protected readonly format = formatNumber;
  /** A value with its unit as the locale writes it ("£5.80", "61%"). */
  protected readonly valueText = formatMeasure;
  protected readonly day = (iso: string) => formatDate(iso);
  private readonly today = today();

  /** The owner (or an admin) writes the review. */
  protected readonly canWrite = computed(() => {
    const user = this.auth.user();
    const initiative = this.store.initiative.hasValue() ? this.store.initiative.value() : null;
    return !!user && !!initiative && (user.role === 'admin' || initiative.owner.id === user.id);
  });

  /** The cycle running today, with the value indices measured over it and the one before. */
  protected readonly current = computed(() => {
    if (!this.store.value.hasValue()) return null;
    const cycles = this.store.value.value().cycles;
    const index = cycles.findIndex(
      (c) => c.cycle.startsOn <= this.today && this.today <= c.cycle.endsOn,
    );
    if (index < 0) return null;
    const now = cycles[index];
    const previous: CycleValue | null = index > 0 ? (cycles[index - 1] ?? null) : null;
    return now ? { ...now, previous } : null;
  });

  /** The review of the current cycle, once written. */
  protected readonly review = computed<CycleReviewResponse | null>(() => {
    const cycle = this.current()?.cycle;
    return cycle ? (this.store.reviews().find((r) => r.cycle.id === cycle.id) ?? null) : null;
  });
  protected readonly earlier = computed(() => {
    const cycle = this.current()?.cycle;
    return this.store.reviews().filter((r) => r.cycle.id !== cycle?.id);
  });

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    intent: ['', [Validators.maxLength(CYCLE_REVIEW_TEXT_MAX_LENGTH)]],
    predictedChange: ['', [Validators.maxLength(CYCLE_REVIEW_TEXT_MAX_LENGTH)]],
    learnings: ['', [Validators.maxLength(CYCLE_REVIEW_TEXT_MAX_LENGTH)]],
    nextIntent: ['', [Validators.maxLength(CYCLE_REVIEW_TEXT_MAX_LENGTH)]],
    decision: this.fb.control<ReviewDecision | ''>(''),
  });
  protected readonly textFields: ReadonlyArray<{ name: TextField; label: string; hint: string }> = [
    { name: 'intent', label: 'Plan: intent for this cycle', hint: 'What we set out to change.' },
    {
      name: 'predictedChange',
      label: 'Plan: predicted change',
      hint: 'What the measures should show, e.g. “wait down from 31 to 25 min”.',
    },
    { name: 'learnings', label: 'Check: learnings', hint: 'What the measured change taught us.' },
    { name: 'nextIntent', label: 'Act: next intent', hint: 'What the next cycle sets out to do.' },
  ];

  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly stale = signal(false);
  private readonly error = signal<unknown>(null);
  protected readonly decisionError = signal<string | null>(null);
  protected readonly formError = computed(() => {
    const error = this.error();
    if (!error) return null;
    if (fieldErrorsOf(error, 'decision').length > 0) return null;
    return genericErrorMessage(error);
  });

  constructor() {
    // The form shows the review as last read (after a save or a live change too).
    effect(() => {
      const review = this.review();
      untracked(() => {
        this.form.reset({
          intent: review?.intent ?? '',
          predictedChange: review?.predictedChange ?? '',
          learnings: review?.learnings ?? '',
          nextIntent: review?.nextIntent ?? '',
          decision: review?.decision ?? '',
        });
      });
    });
  }

  protected serverDecisionErrors(): string[] {
    return fieldErrorsOf(this.error(), 'decision');
  }

  async save(): Promise<void> {
    const current = this.current();
    const initiativeId = this.store.id();
    if (!current || !initiativeId || this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const raw = this.form.getRawValue();
    const decision = raw.decision === '' ? null : raw.decision;
    const problem = decisionProblem(current.cycle, decision, this.today);
    this.decisionError.set(problem);
    if (problem) return;
    const request: PutCycleReviewRequest = {
      intent: raw.intent.trim(),
      predictedChange: raw.predictedChange.trim(),
      learnings: raw.learnings.trim(),
      nextIntent: raw.nextIntent.trim(),
      decision,
    };
    this.saving.set(true);
    this.saved.set(false);
    this.stale.set(false);
    this.error.set(null);
    try {
      await this.reviewsApi.put(initiativeId, current.cycle.id, request, this.review());
      this.saved.set(true);
      this.store.reviewsPage.reload();
      this.store.historyPage.reload();
    } catch (error) {
      if (!(error instanceof HttpErrorResponse)) throw error;
      if (isPreconditionFailed(error)) this.stale.set(true);
      else this.error.set(error);
    } finally {
      this.saving.set(false);
    }
  }

  protected reloadStale(): void {
    this.stale.set(false);
    this.store.reviewsPage.reload();
  }
}
