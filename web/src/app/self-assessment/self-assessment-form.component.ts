import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  linkedSignal,
  output,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import {
  SELF_ASSESSMENT_COMMENT_MAX_LENGTH,
  SELF_ASSESSMENT_SCORE_MAX,
  SELF_ASSESSMENT_SCORE_MIN,
  type SelfAssessmentArea,
  type SelfAssessmentScore,
} from '@waypoint/contracts';
import type { SelfAssessmentStatement } from '@waypoint/domain';

const POINTS = Array.from(
  { length: SELF_ASSESSMENT_SCORE_MAX - SELF_ASSESSMENT_SCORE_MIN + 1 },
  (_, i) => SELF_ASSESSMENT_SCORE_MIN + i,
);

/** My answer: each statement scored 1 (not at all) to 5 (fully), with an optional comment. */
@Component({
  selector: 'wp-self-assessment-form',
  imports: [MatButton, MatFormField, MatLabel, MatInput, MatRadioGroup, MatRadioButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './self-assessment-page.component.scss',
  template: `
    <form class="sa-form" (submit)="send($event)">
      <p class="sa-form__scale">
        Score each statement from 1 (not at all true of us) to 5 (fully true of us).
      </p>
      <ol class="sa-form__list">
        @for (s of statements(); track s.area) {
          <li class="sa-form__item">
            <p class="sa-form__title" [id]="'sa-title-' + s.area">{{ s.title }}</p>
            <p class="sa-form__statement" [id]="'sa-statement-' + s.area">{{ s.statement }}</p>
            <mat-radio-group
              class="sa-form__points"
              [attr.aria-labelledby]="'sa-title-' + s.area"
              [attr.aria-describedby]="'sa-statement-' + s.area"
              [value]="scores().get(s.area)"
              (change)="score(s.area, $event.value)"
            >
              @for (n of points; track n) {
                <mat-radio-button [value]="n">{{ n }}</mat-radio-button>
              }
            </mat-radio-group>
            <mat-form-field class="sa-form__comment" subscriptSizing="dynamic">
              <mat-label>Comment (optional)</mat-label>
              <textarea
                matInput
                [attr.aria-label]="'Comment on ' + s.title + ' (optional)'"
                rows="1"
                [maxLength]="commentMax"
                [value]="comments().get(s.area) ?? ''"
                (input)="comment(s.area, $any($event.target).value)"
              ></textarea>
            </mat-form-field>
          </li>
        }
      </ol>
      <div class="sa-form__actions">
        <button mat-flat-button type="submit" [disabled]="saving() || !complete()">
          {{ answered() ? 'Change my answer' : 'Send my answer' }}
        </button>
        @if (!complete()) {
          <span class="sa-form__hint">{{ missing() }} to score</span>
        }
      </div>
    </form>
  `,
})
export class SelfAssessmentFormComponent {
  readonly statements = input.required<readonly SelfAssessmentStatement[]>();
  /** My answer so far (empty: none). */
  readonly given = input<readonly SelfAssessmentScore[]>([]);
  readonly answered = input(false);
  readonly saving = input(false);
  readonly submitted = output<SelfAssessmentScore[]>();

  protected readonly points = POINTS;
  protected readonly commentMax = SELF_ASSESSMENT_COMMENT_MAX_LENGTH;

  protected readonly scores = linkedSignal<ReadonlyMap<SelfAssessmentArea, number>>(
    () => new Map(this.given().map((s) => [s.area, s.score])),
  );
  protected readonly comments = linkedSignal<ReadonlyMap<SelfAssessmentArea, string>>(
    () => new Map(this.given().map((s) => [s.area, s.comment ?? ''])),
  );
  protected readonly missing = computed(() => {
    const left = this.statements().filter((s) => !this.scores().has(s.area)).length;
    return left === 1 ? '1 statement' : `${left} statements`;
  });
  protected readonly complete = computed(() =>
    this.statements().every((s) => this.scores().has(s.area)),
  );

  protected score(area: SelfAssessmentArea, value: number): void {
    this.scores.update((map) => new Map(map).set(area, value));
  }

  protected comment(area: SelfAssessmentArea, value: string): void {
    this.comments.update((map) => new Map(map).set(area, value));
  }

  protected send(event: Event): void {
    event.preventDefault();
    if (!this.complete()) return;
    this.submitted.emit(
      this.statements().map((s) => {
        const comment = this.comments().get(s.area)?.trim();
        return {
          area: s.area,
          score: this.scores().get(s.area) ?? 0,
          ...(comment ? { comment } : {}),
        };
      }),
    );
  }
}
