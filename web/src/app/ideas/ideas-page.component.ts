import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { IDEA_STATUS_VALUES, type IdeaResponse, type IdeaStatus } from '@waypoint/contracts';
import { IDEA_PRIORITY_IN_WORDS, inBothGainCorner } from '@waypoint/domain';
import { IdeaChartComponent } from '../shared/charts/idea-chart.component';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { focusAfterRender } from '../shared/focus-after-render';
import { countText, formatDate, formatNumber, meTooText } from '../shared/format';
import { LiveUpdatesService } from '../shared/live-updates.service';
import { genericErrorMessage } from '../shared/problem';
import { IDEA_STATUS_LABEL } from '../shared/vocabulary';
import { IdeaFormComponent } from './idea-form.component';
import { estimatesText } from './idea-text';
import { IdeasStore } from './ideas.store';

/**
 * The opportunity backlog (seed 004, involve everyone): anyone submits an idea; the list sorts by
 * the stated priority; the chart places the open ideas by customer impact and business value.
 */
@Component({
  selector: 'wp-ideas-page',
  imports: [
    RouterLink,
    MatButton,
    MatProgressBar,
    EmptyStateComponent,
    IdeaChartComponent,
    IdeaFormComponent,
  ],
  providers: [IdeasStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ideas">
      <h1 class="ideas__title">Ideas</h1>
      <p class="ideas__intro">
        Anyone can suggest an improvement for a moment that matters to a customer group, and back
        someone else's with "me too". Managers merge duplicates, decline with a reason, or plan an
        initiative from an idea.
      </p>
      @if (confirmation(); as message) {
        <p class="ideas__confirmation" role="status" tabindex="-1">{{ message }}</p>
      }
      @if (formOpen()) {
        <section class="ideas__section" aria-labelledby="submit-h">
          <h2 id="submit-h">Submit an idea</h2>
          <wp-idea-form
            [groups]="store.groups()"
            [moments]="store.moments()"
            [send]="send"
            (submitted)="submitted($event)"
            (cancelled)="cancelled()"
          />
        </section>
      } @else {
        <button mat-flat-button class="ideas__submit" type="button" (click)="formOpen.set(true)">
          Submit an idea
        </button>
      }

      <section class="ideas__section" aria-labelledby="chart-h">
        <h2 id="chart-h">Where both gain</h2>
        <wp-idea-chart
          [points]="store.openIdeas()"
          [loading]="store.open.isLoading()"
          (pointSelected)="open($event)"
        />
      </section>

      <section class="ideas__section" aria-labelledby="list-h">
        <h2 id="list-h">The backlog</h2>
        <p class="ideas__formula">{{ formula }}</p>
        <div class="ideas__filters" role="group" aria-label="Show ideas">
          @for (s of statuses; track s.value) {
            <button
              mat-stroked-button
              type="button"
              [attr.aria-pressed]="store.status() === s.value"
              [class.ideas__filter--on]="store.status() === s.value"
              (click)="store.status.set(s.value)"
            >
              {{ s.label }}
            </button>
          }
        </div>
        @if (store.list.isLoading() && !store.list.hasValue()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the ideas" />
        } @else if (store.list.error() && !store.list.hasValue()) {
          <p class="ideas__error" role="alert">
            {{ errorMessage(store.list.error()) }}
            <button mat-button type="button" (click)="store.reload()">Try again</button>
          </p>
        } @else if (store.ideas().length > 0) {
          <p class="ideas__count" role="status">{{ countText(store.total(), 'idea') }}</p>
          <ol class="ideas__list">
            @for (idea of store.ideas(); track idea.id) {
              <li class="idea">
                <div class="idea__head">
                  <a class="idea__title" [routerLink]="['/ideas', idea.id]">{{ idea.title }}</a>
                  <span class="idea__priority">Priority {{ number(idea.priority, 1) }}</span>
                </div>
                <p class="idea__where">
                  {{ idea.customerGroup.name }} · {{ idea.moment?.name ?? 'moment removed' }} ·
                  {{ statusLabel[idea.status] }}
                  @if (bothGain(idea)) {
                    · <strong>Both gain</strong>
                  }
                </p>
                <p class="idea__meta">
                  {{ estimates(idea) }} · {{ agreeText(idea.meTooCount) }} · by
                  {{ idea.submittedBy.displayName }}, {{ date(idea.createdAt) }}
                </p>
              </li>
            }
          </ol>
        } @else {
          <wp-empty-state
            icon="ideas"
            heading="No ideas here"
            message="Submit the first one: what do customers go through that we could make better?"
            [headingLevel]="3"
          />
        }
      </section>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .ideas {
      max-width: 1200px;
      margin: 0 auto;
      padding: 16px;
    }
    .ideas__title {
      margin: 0 0 8px;
      font: var(--mat-sys-headline-medium);
    }
    .ideas__intro,
    .ideas__formula,
    .ideas__count {
      margin: 0 0 16px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .ideas__confirmation {
      outline-offset: 2px;
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-secondary-container);
    }
    .ideas__section {
      margin: 24px 0;
    }
    .ideas__section h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
    .ideas__filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 0 0 16px;
    }
    .ideas__filter--on {
      background: var(--mat-sys-secondary-container);
    }
    .ideas__error {
      color: var(--mat-sys-error);
    }
    .ideas__list {
      display: grid;
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .idea {
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-lowest);
      overflow-wrap: anywhere;
    }
    .idea__head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 4px 16px;
    }
    .idea__title {
      font: var(--mat-sys-title-medium);
    }
    .idea__priority {
      font: var(--mat-sys-label-large);
    }
    .idea__where,
    .idea__meta {
      margin: 4px 0 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class IdeasPageComponent {
  protected readonly store = inject(IdeasStore);
  private readonly router = inject(Router);
  private readonly live = inject(LiveUpdatesService).watch(
    (e) => e.kind === 'idea',
    () => this.store.reload(),
  );

  protected readonly formula = IDEA_PRIORITY_IN_WORDS;
  protected readonly statusLabel = IDEA_STATUS_LABEL;
  protected readonly statuses: ReadonlyArray<{ value: IdeaStatus | ''; label: string }> = [
    ...IDEA_STATUS_VALUES.map((value) => ({ value, label: IDEA_STATUS_LABEL[value] })),
    { value: '', label: 'All' },
  ];
  protected readonly countText = countText;
  protected readonly agreeText = meTooText;
  protected readonly date = formatDate;
  protected readonly number = formatNumber;
  protected readonly estimates = estimatesText;
  protected readonly bothGain = inBothGainCorner;
  protected readonly errorMessage = genericErrorMessage;

  protected readonly formOpen = signal(false);
  private readonly focus = focusAfterRender();
  private readonly submittedTitle = signal<string | null>(null);
  protected readonly confirmation = computed(() => {
    const title = this.submittedTitle();
    return title ? `Thank you: "${title}" is in the backlog.` : null;
  });

  protected readonly send = (
    request: Parameters<IdeasStore['submit']>[0],
    key: string,
  ): Promise<IdeaResponse> => this.store.submit(request, key);

  protected submitted(idea: IdeaResponse): void {
    this.formOpen.set(false);
    this.submittedTitle.set(idea.title);
    this.store.reload();
    // The form is gone: the thank-you takes its place, and focus.
    this.focus('.ideas__confirmation');
  }

  protected cancelled(): void {
    this.formOpen.set(false);
    this.focus('.ideas__submit');
  }

  protected open(id: string): void {
    void this.router.navigate(['/ideas', id]);
  }
}
