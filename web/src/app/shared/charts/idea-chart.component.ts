import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { IDEA_ESTIMATE_MAX, type IdeaResponse } from '@waypoint/contracts';
import { BOTH_GAIN_IN_WORDS, inBothGainCorner } from '@waypoint/domain';
import { ideaEffortLabel } from '../vocabulary';
import { chartEnvironment } from './chart-environment';
import { IDEA_CHART_COLOURS, IdeaChartViewComponent } from './idea-chart-view.component';

/** What the prioritisation chart needs of an idea. */
export type IdeaChartPoint = Pick<
  IdeaResponse,
  'id' | 'title' | 'customerImpact' | 'businessValue' | 'effort' | 'priority'
>;

/**
 * The prioritisation chart: one bubble per idea, business value across, customer impact up (both
 * 0-10), bigger for less effort; the ideas in the both-gain corner (libs/domain) in green. A
 * caption says how to read it, and a visually hidden list holds the same data.
 */
@Component({
  selector: 'wp-idea-chart',
  imports: [NgComponentOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './charts.scss',
  template: `
    <figure class="chart">
      @if (loading() && points().length === 0) {
        <p class="chart__state" role="status">Loading the chart…</p>
      } @else if (points().length === 0) {
        <p class="chart__state">No open ideas to place yet.</p>
      } @else {
        <div class="chart__canvas chart__canvas--ideas" aria-hidden="true">
          <ng-container
            *ngComponentOutlet="view; inputs: viewInputs(); environmentInjector: environment"
          />
        </div>
        <ul class="chart__legend">
          <li>
            <span class="chart__swatch" [style.background]="colours.bothGain"></span
            >{{ bothGainWords }}
          </li>
          <li><span class="chart__swatch" [style.background]="colours.other"></span>Other ideas</li>
          <li>Bigger bubble: less effort.</li>
        </ul>
        <div class="chart__alt">
          <p>Open ideas: customer impact, business value and effort</p>
          <ul>
            @for (p of points(); track p.id) {
              <li>
                {{ p.title }}: customer impact {{ p.customerImpact }} of {{ max }}, business value
                {{ p.businessValue }} of {{ max }}, effort {{ effortLabel(p.effort)
                }}{{ bothGain(p) ? '; both gain' : '' }}.
              </li>
            }
          </ul>
        </div>
      }
      <figcaption class="chart__caption">
        Each open idea placed by the business value (across) and customer impact (up) its submitter
        estimated. The top right corner is where customers and the business both gain.
      </figcaption>
    </figure>
  `,
})
export class IdeaChartComponent {
  readonly points = input.required<readonly IdeaChartPoint[]>();
  readonly loading = input(false);
  readonly pointSelected = output<string>();

  protected readonly view = IdeaChartViewComponent;
  protected readonly environment = chartEnvironment();
  protected readonly colours = IDEA_CHART_COLOURS;
  protected readonly bothGainWords = BOTH_GAIN_IN_WORDS;
  protected readonly effortLabel = (effort: number): string =>
    ideaEffortLabel(effort).toLowerCase();
  protected readonly max = IDEA_ESTIMATE_MAX;
  protected readonly bothGain = inBothGainCorner;
  protected readonly viewInputs = computed(() => ({
    points: this.points(),
    select: (id: string) => this.pointSelected.emit(id),
  }));
}
