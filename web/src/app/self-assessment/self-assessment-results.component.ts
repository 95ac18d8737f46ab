import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { InitiativeTemplate, SelfAssessmentResults } from '@waypoint/contracts';
import { notEnoughAnswersText, selfAssessmentStatement } from '@waypoint/domain';
import { RadarChartComponent, type RadarSeries } from '../shared/charts/radar-chart.component';
import { formatNumber } from '../shared/format';
import { APPROACH_LABEL } from '../shared/vocabulary';

/** The results of one assessment: the radar beside the previous cycle, suggestions, comments. */
@Component({
  selector: 'wp-self-assessment-results',
  imports: [RouterLink, RadarChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './self-assessment-page.component.scss',
  template: `
    @let r = results();
    @if (!r.shown) {
      <p class="sa-results__not-enough" role="status">{{ notEnough() }}</p>
      <p class="sa-results__why">
        Results appear from {{ r.minimumAnswers }} answers, so that no one's scores can be told
        apart.
      </p>
    } @else {
      <p class="sa-results__count">
        {{ r.answerCount }} answers. Average score per area, from 1 (not at all) to 5 (fully).
      </p>
      <wp-radar-chart
        [axes]="axes()"
        [series]="series()"
        [max]="5"
        axisName="Area"
        [label]="label()"
      />
      @if (!r.previous) {
        <p class="sa-results__note">No earlier cycle to compare with.</p>
      } @else if (!r.previous.shown) {
        <p class="sa-results__note">
          {{ r.previous.cycleName }} had too few answers to compare ({{ r.previous.answerCount }} of
          {{ r.minimumAnswers }}).
        </p>
      }

      <h3 class="sa-results__heading">Where to start</h3>
      @if (suggestions().length === 0) {
        <p>Every area averages 4 or more: no road stands out.</p>
      } @else {
        <ul class="sa-results__suggestions">
          @for (s of suggestions(); track s.area) {
            <li class="sa-results__suggestion">
              <p class="sa-results__suggestion-title">{{ s.title }}: {{ s.average }} on average</p>
              <p>
                The {{ s.roadLabel }} road works on this.
                @if (s.template) {
                  {{ s.template.description }}
                }
              </p>
              @if (canPlan()) {
                <a [routerLink]="['/initiatives/new']" [queryParams]="{ template: s.road }">
                  Plan an initiative on the {{ s.roadLabel }} road
                </a>
              } @else if (s.template) {
                <p class="sa-results__template">Template: {{ s.template.name }}</p>
              }
            </li>
          }
        </ul>
      }

      @if (comments().length > 0) {
        <h3 class="sa-results__heading">What people wrote</h3>
        <ul class="sa-results__comments">
          @for (c of comments(); track $index) {
            <li>
              <span class="sa-results__comment-area">{{ c.title }}:</span> {{ c.text }}
            </li>
          }
        </ul>
      }
    }
  `,
})
export class SelfAssessmentResultsComponent {
  readonly results = input.required<SelfAssessmentResults>();
  readonly version = input.required<number>();
  readonly axes = input.required<readonly string[]>();
  readonly series = input.required<readonly RadarSeries[]>();
  readonly templates = input<readonly InitiativeTemplate[]>([]);
  readonly canPlan = input(false);

  protected readonly notEnough = computed(
    () => notEnoughAnswersText(this.results().answerCount) ?? '',
  );
  protected readonly label = computed(() => {
    const names = this.series().map((s) => s.name);
    return `Average score per area (1 to 5): ${names.join(' and ')}`;
  });
  protected readonly suggestions = computed(() =>
    this.results().suggestions.map((s) => {
      const average = this.results().areas.find((a) => a.area === s.area)?.average ?? null;
      return {
        ...s,
        title: selfAssessmentStatement(this.version(), s.area)?.title ?? '',
        average: formatNumber(average, 1),
        roadLabel: APPROACH_LABEL[s.road],
        template: this.templates().find((t) => t.id === s.road) ?? null,
      };
    }),
  );
  protected readonly comments = computed(() =>
    this.results().areas.flatMap((a) =>
      a.comments.map((text) => ({
        title: selfAssessmentStatement(this.version(), a.area)?.title ?? '',
        text,
      })),
    ),
  );
}
