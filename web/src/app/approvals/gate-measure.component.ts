import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Page, ReadingResponse, SnapshotMeasure } from '@waypoint/contracts';
import { MeasureChartComponent } from '../shared/charts/measure-chart.component';
import { MeasuresApi } from '../shared/api';
import { BaselinePipe, DayPipe, MeasureValuePipe, progressText } from '../shared/format';
import { PERSPECTIVE_LABEL } from '../shared/vocabulary';

/**
 * One measure on the gate page: for a linked one, baseline, target, the latest reading and its
 * progress as frozen at submission, and the readings observed up to then; for one the submitter
 * did not link, the same as it stands now, flagged. Counter-measure pairs are named.
 */
@Component({
  selector: 'wp-gate-measure',
  imports: [BaselinePipe, DayPipe, MeasureValuePipe, MeasureChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './gate-measure.component.html',
  styleUrl: './approvals.scss',
})
export class GateMeasureComponent {
  readonly measure = input.required<SnapshotMeasure>();
  /** When the snapshot was taken: later readings are not part of the evidence. */
  readonly takenAt = input.required<string>();
  /** Linked to the gate by the submitter; otherwise shown as it stands now, flagged. */
  readonly linked = input(true);
  /** The business measure this customer measure is paired with. */
  readonly counterMeasure = input<string | null>(null);
  /** The customer measures this one is the counter-measure of. */
  readonly counterMeasureOf = input<readonly string[]>([]);
  readonly customerGroup = input<string | null>(null);

  private readonly measuresApi = inject(MeasuresApi);
  private readonly page = httpResource<Page<ReadingResponse>>(() =>
    this.measuresApi.readingsRequest(this.measure().id, { sort: 'observedAt', limit: 200 }),
  );

  protected readonly readingsLoading = computed(
    () => this.page.isLoading() && !this.page.hasValue(),
  );
  protected readonly readingsError = computed(() => this.page.error() ?? null);
  /** The effective readings observed up to the snapshot, oldest first. */
  readonly readings = computed<ReadingResponse[]>(() => {
    if (!this.page.hasValue()) return [];
    const until = Date.parse(this.takenAt());
    return this.page
      .value()
      .items.filter((r) => !r.superseded && !r.withdrawal && Date.parse(r.observedAt) <= until)
      .sort((a, b) => Date.parse(a.observedAt) - Date.parse(b.observedAt));
  });
  protected readonly progressText = progressText;
  protected readonly perspectiveText = computed(
    () => PERSPECTIVE_LABEL[this.measure().perspective],
  );
  protected readonly directionText = computed(() => {
    switch (this.measure().direction) {
      case 'higher_is_better':
        return 'higher is better';
      case 'lower_is_better':
        return 'lower is better';
      default:
        return 'closest to target is best';
    }
  });
}
