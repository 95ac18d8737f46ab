import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Page, Payback, WinMeasure, WinResponse } from '@waypoint/contracts';
import { paybackText } from '@waypoint/domain';
import { MoneyApi } from '../shared/api';
import { DayPipe, formatMeasure, formatMoneyMinor } from '../shared/format';
import { LiveUpdatesService } from '../shared/live-updates.service';
import { genericErrorMessage } from '../shared/problem';
import { APPROACH_LABEL, PERSPECTIVE_LABEL } from '../shared/vocabulary';

/** How many wins the page lists (latest first). */
export const WINS_LIMIT = 100;

/** "48% → 78%", or "4,200 → not read since" without an after. */
export function beforeAfter(m: WinMeasure): string {
  return `${formatMeasure(m.before, m.unit)} → ${m.after === null ? 'no reading' : formatMeasure(m.after, m.unit)}`;
}

/** "£43,000 realised against a one-off cost of £18,000. Paid back in 4.2 months (expected 3 months)." */
export function moneyText(w: WinResponse): string {
  const { currency, realisedMinor, oneOffCostMinor, payback } = w.money;
  const realised = `${formatMoneyMinor(realisedMinor, currency)} realised`;
  const cost =
    oneOffCostMinor === null
      ? ''
      : ` against a one-off cost of ${formatMoneyMinor(oneOffCostMinor, currency)}`;
  return `${realised}${cost}.${payback ? ` ${paybackText(payback)}.` : ''}`;
}

const paybackWords = (p: Payback | null): string => (p ? `${paybackText(p)}.` : '');

/**
 * The money today, where it says something other than the snapshot of the day the win was
 * published: "£70,000 realised so far. Paid back in 3.4 months (expected 3.3 months)." Null when
 * it says the same, or when the reader may not see the initiative's money (no `now`).
 */
export function moneyNowText(w: WinResponse): string | null {
  const now = w.now;
  if (!now) return null;
  const same =
    now.realisedMinor === w.money.realisedMinor &&
    paybackWords(now.payback) === paybackWords(w.money.payback);
  if (same) return null;
  const realised = `${formatMoneyMinor(now.realisedMinor, w.money.currency)} realised so far.`;
  return [realised, paybackWords(now.payback)].filter(Boolean).join(' ');
}

/**
 * Wins (seed 000: celebrate the wins): every published win, for everyone signed in, latest
 * first: the before and after of its measures, its money and what was learned, with a link to
 * its printable note for customers.
 */
@Component({
  selector: 'wp-wins-page',
  imports: [DayPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './wins-page.component.html',
  styleUrl: './wins-page.component.scss',
})
export class WinsPageComponent {
  private readonly api = inject(MoneyApi);
  protected readonly wins = httpResource<Page<WinResponse>>(() =>
    this.api.winsRequest({ limit: WINS_LIMIT }),
  );
  protected readonly roadLabel = APPROACH_LABEL;
  protected readonly perspectiveLabel = PERSPECTIVE_LABEL;
  protected readonly beforeAfter = beforeAfter;
  protected readonly moneyText = moneyText;
  protected readonly moneyNowText = moneyNowText;
  protected readonly errorText = computed(() => {
    const error = this.wins.error();
    return error ? genericErrorMessage(error) : null;
  });

  constructor() {
    inject(LiveUpdatesService).watch(
      (event) => event.kind === 'initiative',
      () => this.wins.reload(),
      { destroyRef: inject(DestroyRef), debounceMs: 2000 },
    );
  }
}
