import { ChangeDetectionStrategy, Component, inject, type Signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import type { MeasureResponse, ReadingResponse } from '@waypoint/contracts';
import {
  type ReadingChartCycle,
  type ReadingChartPoint,
  ReadingChartComponent,
} from '../shared/charts/reading-chart.component';
import { type ReadingHistoryRow, ReadingHistoryComponent } from './reading-history.component';

/** What the expanded view shows and does: the measure card's own state, shared live. */
export interface MeasureReadingsDialogData {
  measure: Signal<MeasureResponse>;
  points: Signal<ReadingChartPoint[]>;
  cycles: Signal<ReadingChartCycle[]>;
  rows: Signal<ReadingHistoryRow[]>;
  loading: Signal<boolean>;
  canRecord: Signal<boolean>;
  /** A line saying what was just done ("Reading corrected."), if anything. */
  status: Signal<string | null>;
  record(): void;
  correct(reading: ReadingResponse): void;
  withdraw(reading: ReadingResponse): void;
}

/** The expanded view of a measure: a large chart and the table of every reading. */
@Component({
  selector: 'wp-measure-readings-dialog',
  imports: [
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    ReadingChartComponent,
    ReadingHistoryComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let m = data.measure();
    <h2 mat-dialog-title>{{ m.name }}</h2>
    <mat-dialog-content class="expanded">
      <wp-reading-chart
        [readings]="data.points()"
        [baseline]="m.baseline"
        [target]="m.target"
        [unit]="m.unit"
        [name]="m.name"
        [cycles]="data.cycles()"
        [expanded]="true"
        [loading]="data.loading()"
      />
      @if (data.status(); as s) {
        <p class="expanded__status" role="status" tabindex="-1">{{ s }}</p>
      }
      <wp-reading-history
        [rows]="data.rows()"
        [unit]="m.unit"
        [name]="m.name"
        (correct)="data.correct($event)"
        (withdraw)="data.withdraw($event)"
      />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (data.canRecord()) {
        <button mat-stroked-button type="button" (click)="data.record()">Record a reading</button>
      }
      <button mat-flat-button type="button" mat-dialog-close>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .expanded {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .expanded__status {
      margin: 0;
      color: var(--mat-sys-primary);
    }
  `,
})
export class MeasureReadingsDialogComponent {
  protected readonly data = inject<MeasureReadingsDialogData>(MAT_DIALOG_DATA);
}
