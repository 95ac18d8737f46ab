import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  APPROACH_VALUES,
  INITIATIVE_SEARCH_MAX_LENGTH,
  INITIATIVE_STATUS_VALUES,
  type Approach,
  type InitiativeSort,
  type InitiativeStatus,
  type SortOrder,
} from '@waypoint/contracts';
import { AuthStore } from '../auth/auth.store';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { genericErrorMessage } from '../shared/problem';
import {
  APPROACH_LABEL,
  MILESTONE_STATE_LABEL,
  MILESTONE_STATE_SYMBOL,
  STATUS_LABEL,
} from '../shared/vocabulary';
import {
  filtersFromAddress,
  INITIATIVE_PAGE_SIZE,
  InitiativeListStore,
} from './initiative-list.store';

const SORTS: { value: string; label: string }[] = [
  { value: 'updatedAt:desc', label: 'Recently updated' },
  { value: 'updatedAt:asc', label: 'Least recently updated' },
  { value: 'title:asc', label: 'Title A–Z' },
  { value: 'title:desc', label: 'Title Z–A' },
  { value: 'status:asc', label: 'Status' },
];

/** Initiatives: the filtered, sorted, paged list. */
@Component({
  selector: 'wp-initiative-list-page',
  imports: [
    EmptyStateComponent,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatPaginator,
    MatProgressBar,
  ],
  providers: [InitiativeListStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <header class="page__header">
        <h1 class="page__title">Initiatives</h1>
        @if (canPlan()) {
          <a mat-flat-button routerLink="/initiatives/new">Plan an initiative</a>
        }
      </header>

      <form
        class="filters"
        role="search"
        aria-label="Filter initiatives"
        (submit)="$event.preventDefault()"
      >
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Title contains</mat-label>
          <input
            matInput
            type="search"
            [maxLength]="searchMax"
            [value]="store.filters().q"
            (input)="onSearch($event)"
          />
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Status</mat-label>
          <select matNativeControl [value]="store.filters().status" (change)="onStatus($event)">
            <option value="">Any status</option>
            @for (s of statuses; track s) {
              <option [value]="s" [selected]="s === store.filters().status">
                {{ statusLabel[s] }}
              </option>
            }
          </select>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Approach</mat-label>
          <select matNativeControl [value]="store.filters().approach" (change)="onApproach($event)">
            <option value="">Any approach</option>
            @for (a of approaches; track a) {
              <option [value]="a" [selected]="a === store.filters().approach">
                {{ approachLabel[a] }}
              </option>
            }
          </select>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Sort by</mat-label>
          <select matNativeControl [value]="sortValue()" (change)="onSort($event)">
            @for (s of sorts; track s.value) {
              <option [value]="s.value">{{ s.label }}</option>
            }
          </select>
        </mat-form-field>
      </form>

      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading initiatives" />
      }

      @if (store.error(); as error) {
        <div class="error" role="alert">
          <p>The initiatives could not be loaded. {{ message(error) }}</p>
          <button mat-stroked-button type="button" (click)="store.reload()">Try again</button>
        </div>
      } @else if (!store.loading() && store.items().length === 0) {
        <wp-empty-state
          icon="initiative"
          heading="No initiatives match"
          [headingLevel]="2"
          message="Change the filters, or plan a new initiative."
        />
      } @else {
        <ul class="cards" aria-label="Initiatives">
          @for (item of store.items(); track item.id) {
            <li class="card">
              <h2 class="card__title">
                <a [routerLink]="['/initiatives', item.id]">{{ item.title }}</a>
              </h2>
              <p class="card__meta">
                <span class="chip" [attr.data-status]="item.status">{{
                  statusLabel[item.status]
                }}</span>
                <span>{{ approachLabel[item.approach] }}</span>
              </p>
              <dl class="card__facts">
                <div>
                  <dt>Current gate</dt>
                  <dd>
                    @if (item.currentMilestone; as m) {
                      {{ m.title }} —
                      <span class="state" [attr.data-state]="m.state"
                        ><span aria-hidden="true">{{ stateSymbol[m.state] }}</span>
                        {{ stateLabel[m.state] }}</span
                      >
                    } @else {
                      None
                    }
                  </dd>
                </div>
                <div>
                  <dt>Owner</dt>
                  <dd>{{ item.owner.displayName }}</dd>
                </div>
                <div>
                  <dt>Sponsor</dt>
                  <dd>{{ item.sponsor?.displayName ?? 'None yet' }}</dd>
                </div>
                <div>
                  <dt>Team</dt>
                  <dd>{{ item.teamSize }} {{ item.teamSize === 1 ? 'person' : 'people' }}</dd>
                </div>
              </dl>
            </li>
          }
        </ul>
        <mat-paginator
          [length]="store.total()"
          [pageIndex]="store.pageIndex()"
          [pageSize]="pageSize"
          [hidePageSize]="true"
          aria-label="Pages of initiatives"
          (page)="onPage($event)"
        />
      }
    </div>
  `,
  styleUrl: './initiative.scss',
})
export class InitiativeListPageComponent {
  protected readonly store = inject(InitiativeListStore);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  constructor() {
    // A link may open the list filtered: `?status=on_hold`, `?approach=...`.
    const params = this.route.snapshot.queryParamMap;
    this.store.setFilters(filtersFromAddress((name) => params.get(name)));
  }

  protected readonly statuses = INITIATIVE_STATUS_VALUES;
  protected readonly approaches = APPROACH_VALUES;
  protected readonly sorts = SORTS;
  protected readonly statusLabel = STATUS_LABEL;
  protected readonly approachLabel = APPROACH_LABEL;
  protected readonly stateLabel = MILESTONE_STATE_LABEL;
  protected readonly stateSymbol = MILESTONE_STATE_SYMBOL;
  protected readonly pageSize = INITIATIVE_PAGE_SIZE;
  protected readonly searchMax = INITIATIVE_SEARCH_MAX_LENGTH;

  protected readonly canPlan = computed(() => {
    const role = this.auth.role();
    return role === 'manager' || role === 'admin';
  });
  protected readonly sortValue = computed(
    () => `${this.store.filters().sort}:${this.store.filters().order}`,
  );

  protected message(error: unknown): string {
    return genericErrorMessage(error);
  }

  protected onSearch(event: Event): void {
    this.store.setFilters({ q: (event.target as HTMLInputElement).value });
  }

  protected onStatus(event: Event): void {
    const status = (event.target as HTMLSelectElement).value as InitiativeStatus | '';
    this.store.setFilters({ status });
    this.keepInAddress('status', status);
  }

  protected onApproach(event: Event): void {
    const approach = (event.target as HTMLSelectElement).value as Approach | '';
    this.store.setFilters({ approach });
    this.keepInAddress('approach', approach);
  }

  /** Keeps a filter in the address, so a reload or a shared link shows the same list. */
  private keepInAddress(name: 'status' | 'approach', value: string): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { [name]: value || null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected onSort(event: Event): void {
    const [sort, order] = (event.target as HTMLSelectElement).value.split(':');
    this.store.setFilters({ sort: sort as InitiativeSort, order: order as SortOrder });
  }

  protected onPage(event: PageEvent): void {
    this.store.setPage(event.pageIndex);
  }
}
