import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  MEASURE_NUMBER_LIMIT,
  READING_NOTE_MAX_LENGTH,
  type CreateReadingRequest,
} from '@waypoint/contracts';
import { fieldErrorsOf, genericErrorMessage } from '../shared/problem';
import { MyWorkStore, type MyMeasure } from './my-work.store';

/** Today as YYYY-MM-DD (UTC). */
export function todayIso(now: number = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** The request for a reading observed on `date` (today: now; an earlier day: its noon UTC). */
export function readingRequest(
  value: number,
  date: string,
  note: string,
  now: number = Date.now(),
): CreateReadingRequest {
  const observedAt = date === todayIso(now) ? new Date(now).toISOString() : `${date}T12:00:00.000Z`;
  const trimmed = note.trim();
  return trimmed ? { value, observedAt, note: trimmed } : { value, observedAt };
}

/** The quick "record a reading" form of one measure, inline in My work. */
@Component({
  selector: 'wp-reading-form',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="reading-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field class="reading-form__value">
        <mat-label>Value ({{ measure().unit }})</mat-label>
        <input matInput type="number" formControlName="value" inputmode="decimal" />
        @if (form.controls.value.hasError('required')) {
          <mat-error>Enter the value you observed.</mat-error>
        } @else if (form.controls.value.hasError('min') || form.controls.value.hasError('max')) {
          <mat-error>Enter a value between −{{ limit }} and {{ limit }}.</mat-error>
        } @else if (form.controls.value.hasError('server')) {
          <mat-error>{{ form.controls.value.getError('server') }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field class="reading-form__date">
        <mat-label>Observed on</mat-label>
        <input matInput type="date" formControlName="observedOn" [max]="today" />
        @if (form.controls.observedOn.hasError('required')) {
          <mat-error>Enter the day you observed it.</mat-error>
        } @else if (form.controls.observedOn.hasError('future')) {
          <mat-error>The day cannot be in the future.</mat-error>
        } @else if (form.controls.observedOn.hasError('server')) {
          <mat-error>{{ form.controls.observedOn.getError('server') }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field class="reading-form__note">
        <mat-label>Note (optional)</mat-label>
        <input matInput formControlName="note" [maxlength]="noteMax" />
        <mat-hint align="end">{{ form.controls.note.value.length }} / {{ noteMax }}</mat-hint>
        @if (form.controls.note.hasError('maxlength')) {
          <mat-error>At most {{ noteMax }} characters.</mat-error>
        } @else if (form.controls.note.hasError('server')) {
          <mat-error>{{ form.controls.note.getError('server') }}</mat-error>
        }
      </mat-form-field>
      <div class="reading-form__actions">
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : 'Save reading' }}
        </button>
        <button mat-button type="button" (click)="cancelled.emit()">Cancel</button>
      </div>
      @if (formError()) {
        <p class="reading-form__error" role="alert">{{ formError() }}</p>
      }
    </form>
  `,
  styles: `
    .reading-form {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: flex-start;
      padding-top: 8px;
    }
    .reading-form__value,
    .reading-form__date {
      flex: 1 1 10rem;
    }
    .reading-form__note {
      flex: 2 1 14rem;
    }
    .reading-form__actions {
      display: flex;
      gap: 8px;
      align-items: center;
      min-height: 56px;
    }
    .reading-form__error {
      flex-basis: 100%;
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class ReadingFormComponent {
  private readonly store = inject(MyWorkStore);
  readonly measure = input.required<MyMeasure>();
  readonly saved = output<void>();
  readonly cancelled = output<void>();

  protected readonly limit = MEASURE_NUMBER_LIMIT;
  protected readonly noteMax = READING_NOTE_MAX_LENGTH;
  protected readonly today = todayIso();
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly label = computed(() => this.measure().name);

  readonly form = new FormGroup({
    value: new FormControl<number | null>(null, [
      Validators.required,
      Validators.min(-MEASURE_NUMBER_LIMIT),
      Validators.max(MEASURE_NUMBER_LIMIT),
    ]),
    observedOn: new FormControl(todayIso(), {
      nonNullable: true,
      validators: [
        Validators.required,
        (control) => (control.value && control.value > todayIso() ? { future: true } : null),
      ],
    }),
    note: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(READING_NOTE_MAX_LENGTH)],
    }),
  });

  async submit(): Promise<void> {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { value, observedOn, note } = this.form.getRawValue();
    this.saving.set(true);
    try {
      await this.store.recordReading(
        this.measure().id,
        readingRequest(Number(value), observedOn, note),
      );
      this.saved.emit();
    } catch (error) {
      const fields: Array<[keyof typeof this.form.controls, string]> = [
        ['value', 'value'],
        ['observedOn', 'observedAt'],
        ['note', 'note'],
      ];
      let shown = false;
      for (const [control, field] of fields) {
        const messages = fieldErrorsOf(error, field);
        if (messages.length) {
          this.form.controls[control].setErrors({ server: messages.join(' ') });
          this.form.controls[control].markAsTouched();
          shown = true;
        }
      }
      if (!shown) this.formError.set(genericErrorMessage(error));
    } finally {
      this.saving.set(false);
    }
  }
}
