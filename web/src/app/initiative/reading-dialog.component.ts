import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { MeasureResponse, ReadingResponse } from '@waypoint/contracts';
import { type ImplausibleReading, readingPlausibility } from '@waypoint/domain';
import { MeasuresApi } from '../shared/api';
import { baselineText, formatDateTime, formatMeasure, formatNumber } from '../shared/format';
import { DialogFrameComponent } from '../shared/dialog/dialog-frame.component';
import { FormSubmission } from '../shared/dialog/form-submission';
import { fieldErrorsOf } from '../shared/problem';
import {
  evidenceErrorText,
  httpUrlValidator,
  notInFutureValidator,
  observedAtErrorText,
  parseReadingValue,
  READING_EVIDENCE_URL_MAX_LENGTH,
  READING_NOTE_MAX_LENGTH,
  readingValueValidator,
  toLocalInput,
  valueErrorText,
} from './reading-form';

export interface ReadingDialogData {
  measure: MeasureResponse;
  /** The values of the measure's readings that count (the one corrected left out). */
  history: readonly number[];
  /** The reading to correct: the new one supersedes it. */
  correcting?: ReadingResponse;
}

const FIELDS = ['value', 'observedAt', 'note', 'evidenceUrl'] as const;

/** The question asked before an implausible value is saved. */
export function plausibilityQuestion(
  measure: Pick<MeasureResponse, 'name' | 'unit'>,
  value: number,
  problem: ImplausibleReading,
): string {
  const typed = formatMeasure(value, measure.unit);
  switch (problem.kind) {
    case 'wrong_sign':
      return `${typed} is below zero, and ${measure.name} cannot be negative.`;
    case 'far_outside':
      return `${typed} is far ${problem.side} anything ${measure.name} has seen so far (${formatMeasure(
        problem.low,
        measure.unit,
      )} to ${formatMeasure(problem.high, measure.unit)}, baseline and target included).`;
  }
}

/**
 * The one reading form: records a reading of a measure, or corrects one (a new reading that
 * supersedes it). A value far outside what the measure has seen, or negative where it cannot be,
 * asks "Are you sure?" before it is saved. Closes with the reading saved.
 */
@Component({
  selector: 'wp-reading-dialog',
  imports: [
    ReactiveFormsModule,
    DialogFrameComponent,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatError,
    MatHint,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let m = data.measure;
    <form [formGroup]="form" (ngSubmit)="save(false)" novalidate>
      <wp-dialog-frame
        [title]="title"
        [submitLabel]="data.correcting ? 'Save correction' : 'Record reading'"
        busyLabel="Saving…"
        [busy]="saving()"
        [blocked]="question() !== null"
        [error]="submission.message()"
      >
        <div class="reading-dialog">
          @if (data.correcting; as c) {
            <p class="reading-dialog__was">
              Correcting {{ valueText(c.value, m.unit) }} observed {{ dateTime(c.observedAt) }}, by
              {{ c.recordedBy.displayName }}. The corrected reading stays in the history.
            </p>
          } @else {
            <p class="reading-dialog__was">
              Baseline {{ baselineText(m.baseline, m.unit) }}, target
              {{ valueText(m.target, m.unit) }}.
            </p>
          }
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Value ({{ m.unit }})</mat-label>
            <input
              matInput
              type="text"
              inputmode="decimal"
              autocomplete="off"
              formControlName="value"
              #valueInput
              required
              (input)="question.set(null)"
            />
            <mat-error>{{ valueError() }}</mat-error>
            @for (e of submission.fieldErrors('value'); track e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Observed on (date and time)</mat-label>
            <input
              matInput
              type="datetime-local"
              formControlName="observedAt"
              required
              [max]="maxObservedAt"
            />
            <mat-error>{{ observedAtError() }}</mat-error>
            @for (e of submission.fieldErrors('observedAt'); track e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ data.correcting ? 'What was wrong (note)' : 'Note' }}</mat-label>
            <textarea matInput formControlName="note" rows="2" [maxLength]="noteMax"></textarea>
            <mat-hint align="end">{{ form.controls.note.value.length }} / {{ noteMax }}</mat-hint>
            @if (form.controls.note.hasError('required')) {
              <mat-error>Say what was wrong with the reading, e.g. “typed 64 for 6.4”.</mat-error>
            }
            @for (e of submission.fieldErrors('note'); track e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Evidence link</mat-label>
            <input matInput type="url" formControlName="evidenceUrl" [maxLength]="urlMax" />
            <mat-hint>Where the value can be checked, e.g. https://reports.example.com/q4</mat-hint>
            <mat-error>{{ evidenceError() }}</mat-error>
            @for (e of submission.fieldErrors('evidenceUrl'); track e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          @if (question(); as q) {
            <div class="reading-dialog__question" role="alert">
              <p><strong>Are you sure?</strong> {{ q }}</p>
              <div class="reading-dialog__answers">
                <button mat-flat-button type="button" (click)="save(true)" [disabled]="saving()">
                  Yes, save it
                </button>
                <button mat-stroked-button type="button" (click)="changeValue()">
                  No, change the value
                </button>
              </div>
            </div>
          }
        </div>
      </wp-dialog-frame>
    </form>
  `,
  styles: `
    .reading-dialog {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .reading-dialog__was {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .reading-dialog__question {
      padding: 12px;
      border-radius: var(--mat-sys-corner-small);
      border-left: 4px solid #b45309;
      background: #fff4e5;
      color: #3b2300;
    }
    .reading-dialog__question p {
      margin: 0 0 8px;
    }
    .reading-dialog__answers {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class ReadingDialogComponent {
  protected readonly data = inject<ReadingDialogData>(MAT_DIALOG_DATA);
  private readonly ref =
    inject<MatDialogRef<ReadingDialogComponent, ReadingResponse>>(MatDialogRef);
  private readonly measuresApi = inject(MeasuresApi);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly title = `${this.data.correcting ? 'Correct' : 'Record'} a reading of ${
    this.data.measure.name
  }`;
  private readonly valueInput = viewChild<ElementRef<HTMLInputElement>>('valueInput');
  protected readonly noteMax = READING_NOTE_MAX_LENGTH;
  protected readonly urlMax = READING_EVIDENCE_URL_MAX_LENGTH;
  protected readonly maxObservedAt = toLocalInput(new Date());
  protected readonly format = formatNumber;
  /** A value with its unit as the locale writes it ("£5.80", "61%"). */
  protected readonly valueText = formatMeasure;
  protected readonly baselineText = baselineText;
  protected readonly dateTime = formatDateTime;

  protected readonly form = this.fb.group({
    value: this.fb.control(this.data.correcting ? String(this.data.correcting.value) : '', [
      Validators.required,
      readingValueValidator,
    ]),
    observedAt: this.fb.control(
      toLocalInput(this.data.correcting ? new Date(this.data.correcting.observedAt) : new Date()),
      [Validators.required, notInFutureValidator()],
    ),
    note: this.fb.control('', [
      Validators.maxLength(READING_NOTE_MAX_LENGTH),
      ...(this.data.correcting ? [Validators.required] : []),
    ]),
    evidenceUrl: this.fb.control(this.data.correcting?.evidenceUrl ?? '', [
      Validators.maxLength(READING_EVIDENCE_URL_MAX_LENGTH),
      httpUrlValidator,
    ]),
  });

  /** The "Are you sure?" question waiting for an answer, if any. */
  protected readonly question = signal<string | null>(null);
  protected readonly submission = new FormSubmission(FIELDS, 'Check the fields marked.');
  protected readonly saving = this.submission.busy;
  // The error texts are read from the controls at each change detection (typing, blur, submit).
  protected valueError(): string | null {
    const example =
      this.data.measure.latestReading?.value ??
      this.data.measure.baseline ??
      this.data.measure.target;
    return valueErrorText(this.form.controls.value.errors, example);
  }
  protected observedAtError(): string | null {
    return observedAtErrorText(this.form.controls.observedAt.errors);
  }
  protected evidenceError(): string | null {
    return evidenceErrorText(
      this.form.controls.evidenceUrl.errors,
      this.form.controls.evidenceUrl.value,
    );
  }
  protected changeValue(): void {
    this.question.set(null);
    this.valueInput()?.nativeElement.focus();
  }

  /** Saves the reading; an implausible value first asks, unless `confirmed`. */
  async save(confirmed: boolean): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const raw = this.form.getRawValue();
    const value = parseReadingValue(raw.value);
    if (value === null) return;
    if (!confirmed) {
      const problem = readingPlausibility(this.data.measure, this.data.history, value);
      if (problem) {
        this.question.set(plausibilityQuestion(this.data.measure, value, problem));
        return;
      }
    }
    this.question.set(null);
    const request = {
      value,
      // Left as shown: the moment it is saved, or for a correction the corrected reading's own
      // moment to the millisecond (the field shows it to the minute only).
      observedAt: this.form.controls.observedAt.pristine
        ? (this.data.correcting?.observedAt ?? new Date().toISOString())
        : new Date(raw.observedAt).toISOString(),
      ...(raw.note.trim() ? { note: raw.note.trim() } : {}),
      ...(raw.evidenceUrl.trim() ? { evidenceUrl: raw.evidenceUrl.trim() } : {}),
    };
    await this.submission.run(
      async () => {
        const saved = this.data.correcting
          ? await this.measuresApi.correctReading(this.data.correcting, request)
          : await this.measuresApi.recordReading(this.data.measure.id, request);
        this.ref.close(saved);
      },
      (error) => {
        for (const field of FIELDS) {
          if (fieldErrorsOf(error, field).length > 0) {
            this.form.controls[field].setErrors({ server: true });
            this.form.controls[field].markAsTouched();
          }
        }
      },
    );
  }
}
