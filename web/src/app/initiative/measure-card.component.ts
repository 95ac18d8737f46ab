import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import type { MeasureResponse, Page, ReadingResponse } from '@waypoint/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../auth/auth.store';
import { MeasuresApi } from '../shared/api';
import {
  type ReadingChartCycle,
  type ReadingChartPoint,
  ReadingChartComponent,
} from '../shared/charts/reading-chart.component';
import { baselineText, formatMeasure, formatNumber } from '../shared/format';
import { LiveUpdatesService } from '../shared/live-updates.service';
import { InitiativeDetailStore } from './initiative-detail.store';
import {
  type MeasureReadingsDialogData,
  MeasureReadingsDialogComponent,
} from './measure-readings-dialog.component';
import { openMeasureEditor } from './measure-editor-dialog.component';
import { readingActions } from './reading-actions';
import { type ReadingDialogData, ReadingDialogComponent } from './reading-dialog.component';
import type { ReadingHistoryRow } from './reading-history.component';
import {
  type WithdrawReadingDialogData,
  WithdrawReadingDialogComponent,
} from './withdraw-reading-dialog.component';

const DIALOG = { width: '640px', maxWidth: '95vw' } as const;

/**
 * One measure: its chart, progress and staleness; "Record a reading" opens the reading dialog,
 * "Readings" the expanded view (a large chart and the table of readings, with Correct and
 * Withdraw).
 */
@Component({
  selector: 'wp-measure-card',
  imports: [MatButton, ReadingChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let m = measure();
    <article class="measure" [attr.aria-labelledby]="'measure-' + m.id">
      <h3 class="measure__name" [id]="'measure-' + m.id">{{ m.name }}</h3>
      <p class="measure__meta">
        <span class="chip">{{ m.perspective === 'customer' ? 'Customer' : 'Business' }}</span>
        <span
          >Baseline {{ baselineText(m.baseline, m.unit) }} → target
          {{ valueText(m.target, m.unit) }}</span
        >
        @if (m.stale) {
          <span class="badge badge--stale">Stale: no recent reading</span>
        } @else {
          <span class="badge">Up to date</span>
        }
      </p>
      <p class="measure__meta">
        Latest:
        @if (m.latestReading; as r) {
          <strong>{{ valueText(r.value, m.unit) }}</strong>
        } @else {
          no reading yet
        }
        @if (progressPercent() !== null) {
          · {{ progressPercent() }}% of the way to target
        }
      </p>
      <wp-reading-chart
        [readings]="points()"
        [baseline]="m.baseline"
        [target]="m.target"
        [unit]="m.unit"
        [name]="m.name"
        [cycles]="cycles()"
        [loading]="readings.isLoading() && !readings.hasValue()"
      />
      @if (status(); as s) {
        <p class="form-ok" role="status">{{ s }}</p>
      }
      <div class="measure__actions">
        @if (canRecord()) {
          <button mat-flat-button type="button" (click)="record()">Record a reading</button>
        }
        <button
          mat-stroked-button
          type="button"
          [attr.aria-label]="'All readings of ' + m.name"
          (click)="expand()"
        >
          Readings ({{ allReadings().length }})
        </button>
        @if (canEdit()) {
          <button mat-button type="button" [attr.aria-label]="'Change ' + m.name" (click)="edit()">
            Change
          </button>
        }
      </div>
    </article>
  `,
  styleUrl: './measure-card.scss',
})
export class MeasureCardComponent {
  private readonly store = inject(InitiativeDetailStore);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);

  readonly measure = input.required<MeasureResponse>();
  /** Whether the signed-in user may record readings (the owner or a team member). */
  readonly canRecord = input(false);
  /** Whether the signed-in user may change the plan's measures (the owner or an admin). */
  readonly canEdit = input(false);

  protected readonly format = formatNumber;
  /** A value with its unit as the locale writes it ("£5.80", "61%"). */
  protected readonly valueText = formatMeasure;
  protected readonly baselineText = baselineText;
  protected readonly status = signal<string | null>(null);

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
  /** Every reading, newest observation first: those that count, corrected and withdrawn ones. */
  protected readonly allReadings = computed(() =>
    this.readings.hasValue() ? this.readings.value().items : [],
  );
  /** The readings that count. */
  private readonly effective = computed(() =>
    this.allReadings().filter((r) => !r.superseded && !r.withdrawal),
  );
  protected readonly points = computed<ReadingChartPoint[]>(() =>
    this.effective().map((r) => ({
      id: r.id,
      value: r.value,
      observedAt: r.observedAt,
      detail: [`by ${r.recordedBy.displayName}`, r.note].filter(Boolean).join(' · '),
    })),
  );
  protected readonly cycles = computed<ReadingChartCycle[]>(() =>
    this.store.value.hasValue() ? this.store.value.value().cycles.map((c) => c.cycle) : [],
  );
  private readonly rows = computed<ReadingHistoryRow[]>(() => {
    const initiative = this.store.initiative.hasValue() ? this.store.initiative.value() : null;
    const user = this.auth.user();
    const viewer = user ? { id: user.id, role: user.role } : null;
    return this.allReadings().map((reading) => ({
      reading,
      actions: initiative
        ? readingActions(reading, initiative, viewer)
        : { correct: false, withdraw: false },
    }));
  });
  protected readonly progressPercent = computed(() => {
    const p = this.measure().progress;
    return p === null ? null : Math.round(p * 100);
  });

  /** Opens the reading dialog; a recorded reading reloads what is computed from readings. */
  async record(): Promise<void> {
    this.status.set(null);
    await this.openReadingDialog(undefined);
  }

  /** The measure editor; a saved change says so here. */
  async edit(): Promise<void> {
    const saved = await openMeasureEditor(this.dialog, this.store, this.measure());
    if (saved) this.status.set('Measure saved.');
  }

  /** The expanded view: a large chart and the table of readings. */
  expand(): void {
    this.openExpanded('dialog');
  }

  /**
   * One dialog at a time: an action of the expanded view closes it, opens its own dialog, and
   * then brings the expanded view back with the focus on what happened (or on the view itself).
   */
  private openExpanded(autoFocus: string): void {
    const then = (action: () => Promise<unknown>) => (): void =>
      void (async () => {
        ref.close();
        await firstValueFrom(ref.afterClosed());
        await action();
        this.openExpanded(this.status() ? '.expanded__status' : 'dialog');
      })();
    const data: MeasureReadingsDialogData = {
      measure: this.measure,
      points: this.points,
      cycles: this.cycles,
      rows: this.rows,
      loading: this.readings.isLoading,
      canRecord: this.canRecord,
      status: this.status,
      record: then(() => this.openReadingDialog(undefined)),
      correct: (reading) => then(() => this.openReadingDialog(reading))(),
      withdraw: (reading) => then(() => this.openWithdrawDialog(reading))(),
    };
    const ref = this.dialog.open(MeasureReadingsDialogComponent, {
      data,
      width: '960px',
      maxWidth: '95vw',
      autoFocus,
    });
  }

  private async openReadingDialog(correcting: ReadingResponse | undefined): Promise<void> {
    const history = this.effective()
      .filter((r) => r.id !== correcting?.id)
      .map((r) => r.value);
    const ref = this.dialog.open<ReadingDialogComponent, ReadingDialogData, ReadingResponse>(
      ReadingDialogComponent,
      { ...DIALOG, data: { measure: this.measure(), history, correcting } },
    );
    const saved = await firstValueFrom(ref.afterClosed());
    if (saved) this.changed(correcting ? 'Reading corrected.' : 'Reading recorded.');
  }

  private async openWithdrawDialog(reading: ReadingResponse): Promise<void> {
    const ref = this.dialog.open<
      WithdrawReadingDialogComponent,
      WithdrawReadingDialogData,
      ReadingResponse
    >(WithdrawReadingDialogComponent, { ...DIALOG, data: { reading, unit: this.measure().unit } });
    const withdrawn = await firstValueFrom(ref.afterClosed());
    if (withdrawn) this.changed('Reading withdrawn.');
  }

  private changed(message: string): void {
    this.status.set(message);
    this.readings.reload();
    this.store.readingsChanged();
  }
}
