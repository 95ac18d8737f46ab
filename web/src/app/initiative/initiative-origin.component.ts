import { httpResource } from '@angular/common/http';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { IdeaResponse, InitiativeMomentRef, MomentResponse, Page } from '@waypoint/contracts';
import { IdeasApi, MomentsApi } from '../shared/api';
import { meTooText } from '../shared/format';
import { LiveUpdatesService } from '../shared/live-updates.service';
import { genericErrorMessage } from '../shared/problem';

/**
 * Where an initiative comes from and whom it is for along the journey: the idea it was promoted
 * from (if any), and the customer moments it improves, which its owner chooses.
 */
@Component({
  selector: 'wp-initiative-origin',
  imports: [RouterLink, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (idea(); as idea) {
      <h3>Where it came from</h3>
      <p class="prose">
        Planned from the idea
        <a [routerLink]="['/ideas', idea.id]">{{ idea.title }}</a> by
        {{ idea.submittedBy.displayName }}. {{ agreeText(idea.meTooCount) }}.
      </p>
    }
    <h3>Customer moments</h3>
    @if (editing()) {
      <fieldset class="origin__choices">
        <legend class="visually-hidden">Customer moments it improves</legend>
        @for (m of allMoments(); track m.id) {
          <label class="origin__choice">
            <input
              type="checkbox"
              [checked]="chosen().has(m.id)"
              (change)="toggle(m.id, $any($event.target).checked)"
            />
            {{ groupName(m) }}: {{ m.name }}
          </label>
        }
      </fieldset>
      @if (error(); as e) {
        <p class="origin__error" role="alert">{{ errorText(e) }}</p>
      }
      <div class="origin__actions">
        <button mat-flat-button type="button" [disabled]="busy()" (click)="save()">
          Save the moments
        </button>
        <button mat-button type="button" (click)="editing.set(false)">Cancel</button>
      </div>
    } @else {
      @if (linked().length === 0) {
        <p>None chosen yet.</p>
      } @else {
        <ul class="tags">
          @for (m of linked(); track m.id) {
            <li class="tag">{{ m.customerGroupName }}: {{ m.name }}</li>
          }
        </ul>
      }
      @if (canEdit()) {
        <button mat-stroked-button type="button" (click)="startEditing()">
          Choose the moments
        </button>
      }
    }
  `,
  styles: `
    .origin__choices {
      display: grid;
      gap: 4px;
      margin: 0 0 8px;
      padding: 0;
      border: 0;
    }
    .origin__choice {
      overflow-wrap: anywhere;
    }
    .origin__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .origin__error {
      color: var(--mat-sys-error);
    }
  `,
})
export class InitiativeOriginComponent {
  readonly initiativeId = input.required<string>();
  readonly canEdit = input(false);
  readonly groups = input<ReadonlyArray<{ id: string; name: string }>>([]);

  private readonly momentsApi = inject(MomentsApi);
  private readonly ideasApi = inject(IdeasApi);
  private readonly live = inject(LiveUpdatesService).watch(
    (e) => e.kind === 'idea' || (e.kind === 'initiative' && e.initiativeId === this.initiativeId()),
    () => {
      this.moments.reload();
      this.ideas.reload();
    },
  );

  private readonly moments = httpResource<InitiativeMomentRef[]>(() =>
    this.momentsApi.ofInitiativeRequest(this.initiativeId()),
  );
  protected readonly linked = computed(() => (this.moments.hasValue() ? this.moments.value() : []));
  private readonly ideas = httpResource<Page<IdeaResponse>>(() =>
    this.ideasApi.listRequest({ initiativeId: this.initiativeId(), limit: 1 }),
  );
  protected readonly idea = computed(() =>
    this.ideas.hasValue() ? (this.ideas.value().items[0] ?? null) : null,
  );
  private readonly everyMoment = httpResource<Page<MomentResponse>>(() =>
    this.editing() ? this.momentsApi.listRequest({ limit: 200 }) : undefined,
  );
  protected readonly allMoments = computed(() =>
    this.everyMoment.hasValue() ? this.everyMoment.value().items : [],
  );

  protected readonly editing = signal(false);
  protected readonly chosen = signal<ReadonlySet<string>>(new Set());
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = genericErrorMessage;
  protected readonly agreeText = meTooText;

  protected groupName(moment: MomentResponse): string {
    return this.groups().find((g) => g.id === moment.customerGroupId)?.name ?? '';
  }

  protected startEditing(): void {
    this.chosen.set(new Set(this.linked().map((m) => m.id)));
    this.editing.set(true);
  }

  protected toggle(id: string, on: boolean): void {
    const next = new Set(this.chosen());
    if (on) next.add(id);
    else next.delete(id);
    this.chosen.set(next);
  }

  protected async save(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.momentsApi.linkInitiative(this.initiativeId(), [...this.chosen()]);
      this.editing.set(false);
      this.moments.reload();
    } catch (error) {
      if (!(error instanceof HttpErrorResponse)) throw error;
      this.error.set(error);
    } finally {
      this.busy.set(false);
    }
  }
}
