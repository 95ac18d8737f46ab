import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { ReadingResponse } from '@waypoint/contracts';
import { MeasuresApi } from '../shared/api';
import { formatDateTime, formatMeasure, formatNumber } from '../shared/format';
import { DialogFrameComponent } from '../shared/dialog/dialog-frame.component';
import { FormSubmission } from '../shared/dialog/form-submission';
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
    DialogFrameComponent,
    MatFormField,
    MatLabel,
    MatInput,
    MatError,
    MatHint,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let r = data.reading;
    <form [formGroup]="form" (ngSubmit)="withdraw()" novalidate>
      <wp-dialog-frame
        title="Withdraw this reading?"
        submitLabel="Withdraw reading"
        busyLabel="Withdrawing…"
        cancelLabel="Keep it"
        [busy]="submission.busy()"
        [error]="submission.message()"
      >
        <div class="withdraw">
          <p>
            {{ valueText(r.value, data.unit) }} observed {{ dateTime(r.observedAt) }} by
            {{ r.recordedBy.displayName }}.
          </p>
          <p>
            It will stay in the history, marked as withdrawn with your reason, and no longer count
            in progress, value indices or reviews. This cannot be undone.
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
            <mat-hint align="end"
              >{{ form.controls.reason.value.length }} / {{ reasonMax }}</mat-hint
            >
            <mat-error>Say why, e.g. “recorded for the wrong measure”.</mat-error>
            @for (e of submission.fieldErrors('reason'); track e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
        </div>
      </wp-dialog-frame>
    </form>
  `,
  styles: `
    .withdraw p {
      margin: 0 0 8px;
    }
    .withdraw mat-form-field {
      width: 100%;
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
  protected readonly submission = new FormSubmission(['reason']);

  async withdraw(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    await this.submission.run(async () => {
      const withdrawn = await this.measuresApi.withdrawReading(this.data.reading, {
        reason: this.form.getRawValue().reason.trim(),
      });
      this.ref.close(withdrawn);
    });
  }
}
