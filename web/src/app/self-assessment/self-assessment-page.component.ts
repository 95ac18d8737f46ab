import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import type { SelfAssessmentResponse, SelfAssessmentScore } from '@waypoint/contracts';
import { selfAssessmentStatements } from '@waypoint/domain';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { focusAfterRender } from '../shared/focus-after-render';
import { genericErrorMessage } from '../shared/problem';
import { SelfAssessmentFormComponent } from './self-assessment-form.component';
import { SelfAssessmentResultsComponent } from './self-assessment-results.component';
import { SelfAssessmentStore } from './self-assessment.store';

/**
 * How an assessment is named in the picker, e.g. "2026-Q4, everyone (open)": short enough for a
 * phone's picker to show it whole.
 */
export function assessmentName(a: SelfAssessmentResponse): string {
  const scope = a.department ? a.department.name : 'everyone';
  return `${a.cycle.name}, ${scope} (${a.status === 'open' ? 'open' : 'closed'})`;
}

/** Self-assessment: how customer-centric we are, cycle over cycle (seeds 002 and 004). */
@Component({
  selector: 'wp-self-assessment-page',
  imports: [
    NgTemplateOutlet,
    MatButton,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatProgressBar,
    EmptyStateComponent,
    SelfAssessmentFormComponent,
    SelfAssessmentResultsComponent,
  ],
  providers: [SelfAssessmentStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './self-assessment-page.component.scss',
  template: `
    <div class="sa">
      <h1 class="sa__title">Self-assessment</h1>
      <p class="sa__intro">
        How customer-centric are we becoming? Once per cycle, everyone scores eleven statements: the
        five principles of customer-centric leadership and six attention areas. Answers are
        anonymous, and results show only from five answers.
      </p>

      @if (store.list.isLoading() && !store.list.hasValue()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the self-assessments" />
      } @else if (store.list.error()) {
        <p class="sa__error" role="alert">
          {{ errorMessage(store.list.error()) }}
          <button mat-button type="button" (click)="store.list.reload()">Try again</button>
        </p>
      } @else {
        @if (store.assessments().length === 0) {
          <wp-empty-state
            icon="cycles"
            heading="No self-assessment yet"
            [message]="
              store.canManage()
                ? 'Open one for a cycle below.'
                : 'An executive opens one for each cycle.'
            "
            [headingLevel]="2"
          />
        } @else {
          @let selected = store.selected();
          <mat-form-field class="sa__picker" subscriptSizing="dynamic">
            <mat-label>Assessment</mat-label>
            <mat-select [value]="selected?.id" (selectionChange)="store.chosenId.set($event.value)">
              @for (a of store.assessments(); track a.id) {
                <mat-option [value]="a.id">{{ name(a) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>

          @if (selected) {
            @if (answerFirst()) {
              <ng-container *ngTemplateOutlet="answerCard; context: { $implicit: selected }" />
            }
            <section class="sa__card" aria-labelledby="sa-results">
              <h2 id="sa-results">Results of {{ selected.cycle.name }}</h2>
              @if (store.results.hasValue()) {
                <wp-self-assessment-results
                  [results]="store.results.value()"
                  [version]="selected.questionSetVersion"
                  [axes]="store.radar().axes"
                  [series]="store.radar().series"
                  [templates]="store.templates()"
                  [canPlan]="store.canPlan()"
                />
              } @else if (store.results.error()) {
                <p class="sa__error" role="alert">{{ errorMessage(store.results.error()) }}</p>
              } @else {
                <mat-progress-bar mode="indeterminate" aria-label="Loading the results" />
              }
            </section>
            @if (!answerFirst()) {
              <ng-container *ngTemplateOutlet="answerCard; context: { $implicit: selected }" />
            }
          }
        }

        <ng-template #answerCard let-selected>
          <section class="sa__card" aria-labelledby="sa-answer">
            <h2 id="sa-answer">Your answer</h2>
            @if (selected.status === 'closed') {
              <p>This assessment is closed{{ selected.answered ? '; you answered it.' : '.' }}</p>
            } @else if (!selected.inScope) {
              <p>This assessment asks the people of {{ selected.department?.name }}.</p>
            } @else {
              @if (saved()) {
                <p class="sa__saved" role="status" tabindex="-1">
                  Your answer is saved, anonymously.
                </p>
              }
              @if (answerError()) {
                <p class="sa__error" role="alert">{{ answerError() }}</p>
              }
              @if (selected.answered && !editing()) {
                <p class="sa__answered">
                  You have answered. You can change your answer until the assessment closes.
                </p>
                <button mat-stroked-button type="button" (click)="editing.set(true)">
                  Change my answer
                </button>
              } @else {
                <wp-self-assessment-form
                  [statements]="statements()"
                  [given]="given()"
                  [answered]="selected.answered"
                  [saving]="saving()"
                  (submitted)="answer($event)"
                />
              }
            }
          </section>
        </ng-template>

        @if (store.canManage()) {
          <section class="sa__card" aria-labelledby="sa-manage">
            <h2 id="sa-manage">Open or close</h2>
            @let current = store.selected();
            @if (current?.status === 'open') {
              <p>
                Closing the assessment of {{ current?.cycle?.name }} stops answers, and forgets for
                good who gave which one.
              </p>
              <button mat-stroked-button type="button" [disabled]="saving()" (click)="close()">
                Close this assessment
              </button>
            }
            <div class="sa__open">
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>Cycle</mat-label>
                <mat-select [value]="cycleId()" (selectionChange)="cycleId.set($event.value)">
                  @for (c of store.cycles(); track c.id) {
                    <mat-option [value]="c.id">{{ c.name }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>Who is asked</mat-label>
                <mat-select
                  [value]="departmentId()"
                  (selectionChange)="departmentId.set($event.value)"
                >
                  <mat-option value="">Everyone</mat-option>
                  @for (d of store.departments(); track d.id) {
                    <mat-option [value]="d.id">{{ d.name }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <button
                mat-flat-button
                type="button"
                [disabled]="saving() || !cycleId()"
                (click)="open()"
              >
                Open the assessment
              </button>
            </div>
            @if (manageError()) {
              <p class="sa__error" role="alert">{{ manageError() }}</p>
            }
          </section>
        }
      }
    </div>
  `,
})
export class SelfAssessmentPageComponent {
  protected readonly store = inject(SelfAssessmentStore);
  protected readonly errorMessage = genericErrorMessage;
  protected readonly name = assessmentName;

  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  /** Whether the form of an answer already given is open to change it. */
  protected readonly editing = signal(false);
  /**
   * The form comes first for someone still to answer; otherwise the results do. Decided when an
   * assessment is shown, not again when its answers change: the card someone just answered in
   * stays where it is (with their focus), live counts do not move it.
   */
  protected readonly answerFirst = linkedSignal({
    // A computed: a reloaded list (a new object, the same id) does not count as a new source.
    source: computed(() => this.store.selected()?.id ?? null),
    computation: () => {
      const selected = untracked(this.store.selected);
      return selected?.status === 'open' && selected.inScope && !selected.answered;
    },
  });
  protected readonly answerError = signal<string | null>(null);
  protected readonly manageError = signal<string | null>(null);
  protected readonly cycleId = signal('');
  protected readonly departmentId = signal('');
  private openKey = crypto.randomUUID();
  private readonly focus = focusAfterRender();

  protected readonly statements = computed(() =>
    selfAssessmentStatements(this.store.selected()?.questionSetVersion ?? 0),
  );
  protected readonly given = computed(() =>
    this.store.myAnswer.hasValue() ? this.store.myAnswer.value().scores : [],
  );

  protected async answer(scores: SelfAssessmentScore[]): Promise<void> {
    await this.run(this.answerError, async () => {
      this.saved.set(false);
      await this.store.answer(scores);
      this.saved.set(true);
      this.editing.set(false);
      // The form closes: the confirmation takes its place, and focus.
      this.focus('.sa__saved');
    });
  }

  protected async open(): Promise<void> {
    const departmentId = this.departmentId();
    await this.run(this.manageError, async () => {
      await this.store.open(
        { cycleId: this.cycleId(), ...(departmentId ? { departmentId } : {}) },
        this.openKey,
      );
      this.openKey = crypto.randomUUID();
    });
  }

  /** Closing cannot be undone (who gave which answer is forgotten): asked first. */
  protected async close(): Promise<void> {
    const name = this.store.selected()?.cycle.name ?? '';
    if (
      !confirm(
        `Close the assessment of ${name}? No one can answer it after, and this cannot be undone.`,
      )
    ) {
      return;
    }
    await this.run(this.manageError, () => this.store.close());
  }

  private async run(
    error: ReturnType<typeof signal<string | null>>,
    work: () => Promise<void>,
  ): Promise<void> {
    this.saving.set(true);
    error.set(null);
    try {
      await work();
    } catch (e) {
      error.set(genericErrorMessage(e));
    } finally {
      this.saving.set(false);
    }
  }
}
