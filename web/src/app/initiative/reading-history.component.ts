import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { ReadingResponse } from '@waypoint/contracts';
import { formatDateTime, formatMeasure, formatNumber } from '../shared/format';
import type { ReadingActions } from './reading-actions';

/** A row of the history: the reading, what became of it, and what the viewer may do. */
export interface ReadingHistoryRow {
  reading: ReadingResponse;
  actions: ReadingActions;
}

/**
 * Every reading of a measure, newest observation first: the ones that count, the corrected ones
 * (with the value that replaced them) and the withdrawn ones (with why, by whom, when). Offers
 * Correct and Withdraw where the viewer may.
 */
@Component({
  selector: 'wp-reading-history',
  imports: [MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p>No readings yet.</p>
    } @else {
      <table class="history">
        <caption>
          Readings of
          {{
            name()
          }}, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Observed</th>
            <th scope="col">Value</th>
            <th scope="col">Recorded by</th>
            <th scope="col">Note and evidence</th>
            <th scope="col">Status</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.reading.id) {
            @let r = row.reading;
            <tr
              [class.history__row--void]="r.superseded || r.withdrawal"
              [attr.data-reading]="r.id"
            >
              <td data-label="Observed">{{ dateTime(r.observedAt) }}</td>
              <td data-label="Value" class="history__value">{{ valueText(r.value, unit()) }}</td>
              <td data-label="Recorded by">{{ r.recordedBy.displayName }}</td>
              <td data-label="Note">
                @if (r.note) {
                  {{ r.note }}
                }
                @if (r.evidenceUrl) {
                  <a [href]="r.evidenceUrl" target="_blank" rel="noopener noreferrer">Evidence</a>
                }
              </td>
              <td data-label="Status">
                @if (r.withdrawal; as w) {
                  <span class="history__status history__status--withdrawn">Withdrawn</span>
                  by {{ w.withdrawnBy.displayName }}, {{ dateTime(w.withdrawnAt) }}: “{{
                    w.reason
                  }}”
                } @else if (r.supersededById) {
                  <span class="history__status history__status--corrected">Corrected</span>
                  @if (replacement(r.supersededById); as next) {
                    to {{ valueText(next.value, unit()) }} by
                    {{ next.recordedBy.displayName }}
                  }
                } @else {
                  <span class="history__status">Counts</span>
                  @if (r.supersedesId) {
                    (a correction)
                  }
                }
              </td>
              <td class="history__actions">
                @if (row.actions.correct) {
                  <button
                    mat-stroked-button
                    type="button"
                    [attr.aria-label]="'Correct the reading of ' + dateTime(r.observedAt)"
                    (click)="correct.emit(r)"
                  >
                    Correct
                  </button>
                }
                @if (row.actions.withdraw) {
                  <button
                    mat-button
                    type="button"
                    [attr.aria-label]="'Withdraw the reading of ' + dateTime(r.observedAt)"
                    (click)="withdraw.emit(r)"
                  >
                    Withdraw
                  </button>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .history {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    caption {
      text-align: left;
      font: var(--mat-sys-title-small);
      padding-bottom: 4px;
    }
    th,
    td {
      padding: 6px 8px;
      text-align: left;
      vertical-align: top;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .history__value {
      white-space: nowrap;
      font-weight: 500;
    }
    .history__row--void .history__value {
      text-decoration: line-through;
      color: var(--mat-sys-on-surface-variant);
    }
    .history__status {
      padding: 1px 8px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container-high);
    }
    .history__status--withdrawn {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .history__status--corrected {
      background: #fff4e5;
      color: #7a3e00;
    }
    .history__actions {
      white-space: nowrap;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    @media (max-width: 640px) {
      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      tr {
        display: block;
        padding: 8px 0;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      td {
        display: block;
        padding: 2px 0;
        border: 0;
      }
      td[data-label]::before {
        content: attr(data-label) ': ';
        color: var(--mat-sys-on-surface-variant);
      }
      .history__actions {
        white-space: normal;
      }
    }
  `,
})
export class ReadingHistoryComponent {
  readonly rows = input.required<readonly ReadingHistoryRow[]>();
  readonly unit = input('');
  readonly name = input.required<string>();
  readonly correct = output<ReadingResponse>();
  readonly withdraw = output<ReadingResponse>();

  protected readonly format = formatNumber;
  /** A value with its unit as the locale writes it ("£5.80", "61%"). */
  protected readonly valueText = formatMeasure;
  protected readonly dateTime = formatDateTime;
  private readonly byId = computed(
    () => new Map(this.rows().map((row) => [row.reading.id, row.reading])),
  );

  protected replacement(id: string): ReadingResponse | undefined {
    return this.byId().get(id);
  }
}
