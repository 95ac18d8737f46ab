import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import {
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { MeasureResponse, Page, ReadingResponse } from '@waypoint/contracts';
import { MeasuresApi } from '../shared/api';
import { fieldErrorsOf, genericErrorMessage } from '../shared/problem';
import { LiveUpdatesService } from '../shared/live-updates.service';
import { InitiativeDetailStore } from './initiative-detail.store';
import {
  httpUrlValidator,
  notInFutureValidator,
  READING_EVIDENCE_URL_MAX_LENGTH,
  READING_NOTE_MAX_LENGTH,
  readingValueValidator,
  toLocalInput,
} from './reading-form';
import { MeasureChartComponent } from '../shared/charts/measure-chart.component';

/** One measure: chart, progress, staleness and the "Record a reading" form. */
@Component({
  selector: 'wp-measure-card',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatError,
    MatHint,
    MeasureChartComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let m = measure();
    <article class="measure" [attr.aria-labelledby]="'measure-' + m.id">
      <h3 class="measure__name" [id]="'measure-' + m.id">{{ m.name }}</h3>
      <p class="measure__meta">
        <span class="chip">{{ m.perspective === 'customer' ? 'Customer' : 'Business' }}</span>
        <span>Baseline {{ m.baseline }} {{ m.unit }} → target {{ m.target }} {{ m.unit }}</span>
        @if (m.stale) {
          <span class="badge badge--stale">Stale: no recent reading</span>
        } @else {
          <span class="badge">Up to date</span>
        }
      </p>
      <p class="measure__meta">
        Latest:
        @if (m.latestReading; as r) {
          <strong>{{ r.value }} {{ m.unit }}</strong>
        } @else {
          no reading yet
        }
        @if (progressPercent() !== null) {
          · {{ progressPercent() }}% of the way to target
        }
      </p>
      <wp-measure-chart
        [readings]="chartReadings()"
        [baseline]="m.baseline"
        [target]="m.target"
        [unit]="m.unit"
        [name]="m.name"
        [compact]="true"
        [loading]="readings.isLoading()"
      />

      @if (canRecord()) {
        <form
          class="reading-form"
          [formGroup]="form"
          #formDir="ngForm"
          (ngSubmit)="submit(formDir)"
          novalidate
        >
          <h4 class="reading-form__title">Record a reading</h4>
          <mat-form-field>
            <mat-label>Value ({{ m.unit }})</mat-label>
            <input matInput type="number" step="any" formControlName="value" required />
            @if (form.controls.value.hasError('required')) {
              <mat-error>Enter the value you observed.</mat-error>
            } @else if (form.controls.value.invalid) {
              <mat-error>Enter a number within the allowed range.</mat-error>
            }
            @for (e of serverErrors('value'); track e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>Observed at</mat-label>
            <input
              matInput
              type="datetime-local"
              formControlName="observedAt"
              required
              [max]="maxObservedAt"
            />
            @if (form.controls.observedAt.hasError('required')) {
              <mat-error>Enter when it was observed.</mat-error>
            } @else if (form.controls.observedAt.hasError('future')) {
              <mat-error>A reading cannot be observed in the future.</mat-error>
            }
            @for (e of serverErrors('observedAt'); track e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>Note</mat-label>
            <textarea matInput formControlName="note" rows="2" [maxLength]="noteMax"></textarea>
            <mat-hint align="end">{{ form.controls.note.value.length }} / {{ noteMax }}</mat-hint>
            @for (e of serverErrors('note'); track e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>Evidence link</mat-label>
            <input matInput type="url" formControlName="evidenceUrl" [maxLength]="urlMax" />
            <mat-hint>http or https</mat-hint>
            @if (form.controls.evidenceUrl.invalid) {
              <mat-error>Enter an http or https link.</mat-error>
            }
            @for (e of serverErrors('evidenceUrl'); track e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          @if (formError(); as message) {
            <p class="form-error" role="alert">{{ message }}</p>
          }
          @if (saved()) {
            <p class="form-ok" role="status">Reading recorded.</p>
          }
          <div>
            <button mat-flat-button type="submit" [disabled]="saving()">
              {{ saving() ? 'Recording…' : 'Record reading' }}
            </button>
          </div>
        </form>
      }

      @if (readingList().length > 0) {
        <details class="readings">
          <summary>All readings ({{ readingList().length }})</summary>
          <ul>
            @for (r of readingList(); track r.id) {
              <li>
                {{ r.value }} {{ m.unit }} — {{ r.observedAt.slice(0, 16).replace('T', ' ') }} by
                {{ r.recordedBy.displayName }}
                @if (r.note) {
                  — {{ r.note }}
                }
              </li>
            }
          </ul>
        </details>
      }
    </article>
  `,
  styleUrl: './measure-card.scss',
})
export class MeasureCardComponent {
  private readonly store = inject(InitiativeDetailStore);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly measure = input.required<MeasureResponse>();
  /** Whether the signed-in user may record readings (the owner or a team member). */
  readonly canRecord = input(false);

  protected readonly noteMax = READING_NOTE_MAX_LENGTH;
  protected readonly urlMax = READING_EVIDENCE_URL_MAX_LENGTH;
  protected readonly maxObservedAt = toLocalInput(new Date());

  /** Only the id: a fresh copy of the same measure (after a reading) must not refetch. */
  private readonly measureId = computed(() => this.measure().id);
  private readonly measuresApi = inject(MeasuresApi);
  protected readonly readings = httpResource<Page<ReadingResponse>>(() =>
    this.measuresApi.readingsRequest(this.measureId(), { limit: 200, sort: '-observedAt' }),
  );
  /** Readings recorded by someone else show up without a reload. */
  private readonly liveReadings = inject(LiveUpdatesService).watch(
    (e) => e.kind === 'reading' && e.initiativeId === this.measure().initiativeId,
    () => this.readings.reload(),
  );
  protected readonly readingList = computed(() =>
    this.readings.hasValue() ? this.readings.value().items.filter((r) => !r.superseded) : [],
  );
  /** Oldest first, for the chart. */
  protected readonly chartReadings = computed(() =>
    [...this.readingList()].reverse().map((r) => ({ value: r.value, observedAt: r.observedAt })),
  );
  protected readonly progressPercent = computed(() => {
    const p = this.measure().progress;
    return p === null ? null : Math.round(p * 100);
  });

  protected readonly form = this.fb.group({
    value: this.fb.control<number | null>(null, [Validators.required, readingValueValidator]),
    observedAt: this.fb.control(toLocalInput(new Date()), [
      Validators.required,
      notInFutureValidator(),
    ]),
    note: this.fb.control('', [Validators.maxLength(READING_NOTE_MAX_LENGTH)]),
    evidenceUrl: this.fb.control('', [
      Validators.maxLength(READING_EVIDENCE_URL_MAX_LENGTH),
      httpUrlValidator,
    ]),
  });

  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  private readonly error = signal<unknown>(null);
  protected readonly formError = computed(() => {
    const error = this.error();
    if (!error) return null;
    const fields = ['value', 'observedAt', 'note', 'evidenceUrl'];
    if (fields.some((f) => fieldErrorsOf(error, f).length > 0)) return 'Check the fields marked.';
    return genericErrorMessage(error);
  });

  protected serverErrors(field: string): string[] {
    return fieldErrorsOf(this.error(), field);
  }

  async submit(formDir?: FormGroupDirective): Promise<void> {
    this.saved.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const raw = this.form.getRawValue();
    this.saving.set(true);
    this.error.set(null);
    try {
      await this.store.recordReading(this.measure().id, {
        value: Number(raw.value),
        // Left as shown ("now" when the page opened, to the minute): the moment it is recorded,
        // so a reading taken just after a gate started counts for that gate.
        observedAt: (this.form.controls.observedAt.pristine
          ? new Date()
          : new Date(raw.observedAt)
        ).toISOString(),
        ...(raw.note.trim() ? { note: raw.note.trim() } : {}),
        ...(raw.evidenceUrl.trim() ? { evidenceUrl: raw.evidenceUrl.trim() } : {}),
      });
      const fresh = {
        value: null,
        observedAt: toLocalInput(new Date()),
        note: '',
        evidenceUrl: '',
      };
      if (formDir) formDir.resetForm(fresh);
      else this.form.reset(fresh);
      this.saved.set(true);
      this.readings.reload();
    } catch (error) {
      if (!(error instanceof HttpErrorResponse)) throw error;
      this.error.set(error);
      for (const field of ['value', 'observedAt', 'note', 'evidenceUrl'] as const) {
        if (fieldErrorsOf(error, field).length > 0) {
          this.form.controls[field].setErrors({ server: true });
          this.form.controls[field].markAsTouched();
        }
      }
    } finally {
      this.saving.set(false);
    }
  }
}
