import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import {
  ALERT_NOTE_MAX_LENGTH,
  ALERT_NOTE_MIN_LENGTH,
  type AlertIndexStanding,
  type AlertMeasureMove,
  type AlertResponse,
} from '@waypoint/contracts';
import { currencyOfUnit } from '@waypoint/domain';
import { DateTimePipe, formatIndex, formatIndexMove, formatMeasure, formatNumber } from '../format';
import { LiveUpdatesService } from '../live-updates.service';
import { genericErrorMessage } from '../problem';
import { ALERT_KIND_LABEL, ALERT_STATUS_LABEL, SEVERITY_LABEL } from '../vocabulary';
import { AlertListStore } from './alert-list.store';

/** What the person is writing: a note (acknowledge) or a reason (dismiss) for one alert. */
interface Answering {
  alertId: string;
  action: 'acknowledge' | 'dismiss';
}

/** "42% → 30% (-12 points)" for an index of the alert, or "not measured". */
export function indexText(index: AlertIndexStanding): string {
  if (index.opening === null || index.closing === null) return formatIndex(null);
  return `${formatIndex(index.opening)} → ${formatIndex(index.closing)} (${formatIndexMove(index.change)})`;
}

/** "60 → 52 pts (-40 points of progress)", "£6.10 → £5.80 (...)" for one measure behind the alert. */
export function moveText(move: AlertMeasureMove): string {
  const money = currencyOfUnit(move.unit) !== null;
  // Money carries its currency on both ends; another unit is said once, after the closing value.
  const from = money
    ? formatMeasure(move.opening.value, move.unit)
    : formatNumber(move.opening.value);
  const to = formatMeasure(move.closing.value, move.unit);
  const start = move.opening.readingId === null ? `baseline ${from}` : from;
  return `${start} → ${to} (${formatIndexMove(move.progressChange)} of progress)`;
}

/**
 * The open and acknowledged tension alerts, with the notes people gave them: of one initiative
 * (`initiativeId`), or of every initiative the user may read (none given: the portfolio). The
 * owner or sponsor acknowledges an open alert with a note of what they will do; an executive
 * dismisses one with a reason (the API's `can` says who may). Refreshes on live changes.
 */
@Component({
  selector: 'wp-alert-list',
  imports: [DateTimePipe, FormsModule, MatButton, RouterLink],
  providers: [AlertListStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './alert-list.component.html',
  styleUrl: './alert-list.component.scss',
})
export class AlertListComponent {
  protected readonly store = inject(AlertListStore);

  /** The initiative whose alerts to show; null: every initiative (the portfolio). */
  readonly initiativeId = input<string | null>(null);
  /** The cycle whose alerts to show; null: every cycle. */
  readonly cycleId = input<string | null>(null);
  /** The list's heading (a level-2 heading). */
  readonly heading = input('Tension alerts');

  protected readonly kindText = ALERT_KIND_LABEL;
  protected readonly severityText = SEVERITY_LABEL;
  protected readonly statusText = ALERT_STATUS_LABEL;
  protected readonly indexText = indexText;
  protected readonly moveText = moveText;
  protected readonly errorMessage = genericErrorMessage;
  protected readonly minLength = ALERT_NOTE_MIN_LENGTH;
  protected readonly maxLength = ALERT_NOTE_MAX_LENGTH;
  protected readonly headingId = `wp-alerts-${Math.random().toString(36).slice(2, 8)}`;

  protected readonly answering = signal<Answering | null>(null);
  protected readonly busy = signal(false);
  protected readonly answerError = signal<string | null>(null);
  protected text = '';

  constructor() {
    this.store.connect(
      () => this.initiativeId(),
      () => this.cycleId(),
    );
    // A reading, a measure or an alert answered elsewhere may raise, resolve or change alerts.
    inject(LiveUpdatesService).watch(
      (event) =>
        (event.kind === 'alert' || event.kind === 'reading' || event.kind === 'measure') &&
        (this.initiativeId() === null || event.initiativeId === this.initiativeId()),
      () => this.store.reload(),
      { destroyRef: inject(DestroyRef) },
    );
  }

  protected start(alert: AlertResponse, action: Answering['action']): void {
    this.text = '';
    this.answerError.set(null);
    this.answering.set({ alertId: alert.id, action });
  }

  protected cancel(): void {
    this.answering.set(null);
    this.answerError.set(null);
  }

  protected isAnswering(alert: AlertResponse, action: Answering['action']): boolean {
    const now = this.answering();
    return now !== null && now.alertId === alert.id && now.action === action;
  }

  protected async submit(): Promise<void> {
    const now = this.answering();
    const text = this.text.trim();
    if (now === null) return;
    if (text.length < ALERT_NOTE_MIN_LENGTH) {
      this.answerError.set(
        now.action === 'acknowledge'
          ? 'Say in a few words what you will do.'
          : 'Say in a few words why it is dismissed.',
      );
      return;
    }
    this.busy.set(true);
    this.answerError.set(null);
    try {
      if (now.action === 'acknowledge') {
        await this.store.acknowledge(now.alertId, text);
      } else {
        await this.store.dismiss(now.alertId, text);
      }
      this.answering.set(null);
    } catch (error) {
      this.answerError.set(genericErrorMessage(error));
      this.store.reload();
    } finally {
      this.busy.set(false);
    }
  }
}
