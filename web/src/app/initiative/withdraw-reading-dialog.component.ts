import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { ReadingResponse } from '@waypoint/contracts';
import { MeasuresApi } from '../shared/api';
import { formatDateTime, formatMeasure, formatNumber } from '../shared/format';
import { fieldErrorsOf, genericErrorMessage } from '../shared/problem';
import { READING_WITHDRAWAL_REASON_MAX_LENGTH } from './reading-form';

export interface WithdrawReadingDialogData {
  reading: ReadingResponse;
  unit: string;
}

/**
 * Withdraws a reading with a reason: it stays in the history, marked, and stops counting. Closes
 * with the withdrawn reading.
 */
@Component({
  selector: 'wp-withdraw-reading-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatInput,
    MatError,
    MatHint,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let r = data.reading;
    <h2 mat-dialog-title>Withdraw this reading?</h2>
    <form [formGroup]="form" (ngSubmit)="withdraw()" novalidate>
      <mat-dialog-content class="withdraw">
        <p>
          {{ valueText(r.value, data.unit) }} observed {{ dateTime(r.observedAt) }} by
          {{ r.recordedBy.displayName }}.
        </p>
        <p>
          It will stay in the history, marked as withdrawn with your reason, and no longer count in
          progress, value indices or reviews. This cannot be undone.
        </p>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Why it is withdrawn</mat-label>
          <textarea
            matInput
            formControlName="reason"
            rows="2"
            required
            [maxLength]="reasonMax"
          ></textarea>
          <mat-hint align="end">{{ form.controls.reason.value.length }} / {{ reasonMax }}</mat-hint>
          <mat-error>Say why, e.g. “recorded for the wrong measure”.</mat-error>
          @for (e of serverErrors(); track e) {
            <mat-error>{{ e }}</mat-error>
          }
        </mat-form-field>
        @if (formError(); as message) {
          <p class="withdraw__error" role="alert">{{ message }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Keep it</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Withdrawing…' : 'Withdraw reading' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .withdraw p {
      margin: 0 0 8px;
    }
    .withdraw mat-form-field {
      width: 100%;
    }
    .withdraw__error {
      color: var(--mat-sys-error);
    }
  `,
})
export class WithdrawReadingDialogComponent {
  protected readonly data = inject<WithdrawReadingDialogData>(MAT_DIALOG_DATA);
  private readonly ref =
    inject<MatDialogRef<WithdrawReadingDialogComponent, ReadingResponse>>(MatDialogRef);
  private readonly measuresApi = inject(MeasuresApi);

  protected readonly reasonMax = READING_WITHDRAWAL_REASON_MAX_LENGTH;
  protected readonly format = formatNumber;
  /** A value with its unit as the locale writes it ("£5.80", "61%"). */
  protected readonly valueText = formatMeasure;
  protected readonly dateTime = formatDateTime;
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: [
      '',
      [
        Validators.required,
        Validators.pattern(/\S/),
        Validators.maxLength(READING_WITHDRAWAL_REASON_MAX_LENGTH),
      ],
    ],
  });
  protected readonly saving = signal(false);
  private readonly error = signal<unknown>(null);
  protected readonly formError = computed(() => {
    const error = this.error();
    if (!error || fieldErrorsOf(error, 'reason').length > 0) return null;
    return genericErrorMessage(error);
  });

  protected serverErrors(): string[] {
    return fieldErrorsOf(this.error(), 'reason');
  }

  async withdraw(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    try {
      const withdrawn = await this.measuresApi.withdrawReading(this.data.reading, {
        reason: this.form.getRawValue().reason.trim(),
      });
      this.ref.close(withdrawn);
    } catch (error) {
      if (!(error instanceof HttpErrorResponse)) throw error;
      this.error.set(error);
    } finally {
      this.saving.set(false);
    }
  }
}
