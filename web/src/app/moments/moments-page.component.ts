import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  type MeasureListItem,
  type MomentMeasureRef,
  MOMENT_MEASURES_MAX,
  MOMENT_NAME_MAX_LENGTH,
  MOMENT_RATING_MAX,
  MOMENT_RATING_MIN,
  type MomentResponse,
} from '@waypoint/contracts';
import { AuthStore } from '../auth/auth.store';
import { formatDate } from '../shared/format';
import { focusAfterRender } from '../shared/focus-after-render';
import { LiveUpdatesService } from '../shared/live-updates.service';
import { genericErrorMessage } from '../shared/problem';
import { heatOf, MomentHeatMapComponent } from './moment-heat-map.component';
import { MomentsStore } from './moments.store';

const RATINGS = Array.from(
  { length: MOMENT_RATING_MAX - MOMENT_RATING_MIN + 1 },
  (_, i) => MOMENT_RATING_MIN + i,
);

/** A measure a manager may tick as tracking a moment. */
export interface MeasureChoice {
  id: string;
  name: string;
  /** The initiative it belongs to ('' when it cannot be read). */
  initiative: string;
}

/**
 * The measures to choose from for a moment of a group's journey: those linked already, then the
 * measures of that customer group, then the others (in the order read: by initiative).
 */
export function measureChoices(
  measures: readonly MeasureListItem[],
  groupId: string,
  linked: readonly MomentMeasureRef[],
): MeasureChoice[] {
  const choice = (m: MeasureListItem): MeasureChoice => ({
    id: m.id,
    name: m.name,
    initiative: m.initiative.title,
  });
  const isLinked = (id: string) => linked.some((l) => l.id === id);
  const byId = new Map(measures.map((m) => [m.id, m]));
  const rest = measures.filter((m) => !isLinked(m.id));
  return [
    ...linked.map((l) => {
      const m = byId.get(l.id);
      return m ? choice(m) : { id: l.id, name: l.name, initiative: '' };
    }),
    ...rest.filter((m) => m.customerGroup?.id === groupId).map(choice),
    ...rest.filter((m) => m.customerGroup?.id !== groupId).map(choice),
  ];
}

/** The moments that matter along each customer group's journey (seed 003), and where it hurts. */
@Component({
  selector: 'wp-moments-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatProgressBar,
    MomentHeatMapComponent,
  ],
  providers: [MomentsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './moments-page.component.html',
  styleUrl: './moments-page.component.scss',
})
export class MomentsPageComponent {
  protected readonly store = inject(MomentsStore);
  private readonly auth = inject(AuthStore);
  private readonly live = inject(LiveUpdatesService).watch(
    (e) => e.kind === 'moment' || e.kind === 'idea' || e.kind === 'initiative',
    () => this.store.reload(),
  );

  protected readonly ratings = RATINGS;
  protected readonly nameMax = MOMENT_NAME_MAX_LENGTH;
  protected readonly date = formatDate;
  protected readonly heat = heatOf;
  protected readonly errorText = genericErrorMessage;
  protected readonly canEdit = computed(() => {
    const role = this.auth.role();
    return role === 'manager' || role === 'admin';
  });
  protected readonly groupName = computed(
    () => this.store.groups().find((g) => g.id === this.store.groupId())?.name ?? '',
  );

  protected newName = '';
  /** The moment being edited (its id), with the values typed. */
  protected readonly editing = signal<string | null>(null);
  private readonly focus = focusAfterRender();
  protected draft = { name: '', rating: '', ratingNote: '' };
  /** The measures ticked as tracking the moment being edited. */
  protected readonly draftMeasures = signal<ReadonlySet<string>>(new Set());
  protected readonly measuresMax = MOMENT_MEASURES_MAX;
  private readonly editedMoment = computed(
    () => this.store.journey().find((m) => m.id === this.editing()) ?? null,
  );
  protected readonly choices = computed(() =>
    measureChoices(
      this.store.measures(),
      this.store.groupId(),
      this.editedMoment()?.measures ?? [],
    ),
  );
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly done = signal<string | null>(null);

  protected edit(moment: MomentResponse): void {
    this.draft = {
      name: moment.name,
      rating: moment.rating === null ? '' : String(moment.rating),
      ratingNote: moment.ratingNote,
    };
    this.draftMeasures.set(new Set(moment.measures.map((m) => m.id)));
    this.store.picking.set(true);
    this.editing.set(moment.id);
    this.focus('.journey__form input');
  }

  /** Closes the moment's form; focus goes back to the button that opened it. */
  protected closeEditor(moment: MomentResponse): void {
    this.editing.set(null);
    this.focus(`[data-edit="${moment.id}"]`);
  }

  protected toggleMeasure(id: string, checked: boolean): void {
    const next = new Set(this.draftMeasures());
    if (checked) next.add(id);
    else next.delete(id);
    this.draftMeasures.set(next);
  }

  protected async save(moment: MomentResponse): Promise<void> {
    const changes: {
      name?: string;
      rating?: number;
      ratingNote?: string;
      measureIds?: string[];
    } = {};
    if (this.draft.name.trim() && this.draft.name.trim() !== moment.name) {
      changes.name = this.draft.name.trim();
    }
    if (this.draft.rating && Number(this.draft.rating) !== moment.rating) {
      changes.rating = Number(this.draft.rating);
    }
    if (this.draft.ratingNote.trim() !== moment.ratingNote) {
      changes.ratingNote = this.draft.ratingNote.trim();
    }
    const measureIds = [...this.draftMeasures()];
    const linked = moment.measures.map((m) => m.id);
    if (measureIds.length !== linked.length || measureIds.some((id) => !linked.includes(id))) {
      changes.measureIds = measureIds;
    }
    if (Object.keys(changes).length === 0) {
      this.closeEditor(moment);
      return;
    }
    await this.act(async () => {
      await this.store.update(moment, changes);
      this.closeEditor(moment);
      return `Saved "${changes.name ?? moment.name}".`;
    });
  }

  protected async add(): Promise<void> {
    const name = this.newName.trim();
    if (!name) return;
    await this.act(async () => {
      await this.store.add(name);
      this.newName = '';
      return `Added "${name}" at the end of the journey.`;
    });
  }

  protected async move(moment: MomentResponse, by: -1 | 1): Promise<void> {
    await this.act(async () => {
      await this.store.move(moment, by);
      return `Moved "${moment.name}" ${by < 0 ? 'earlier' : 'later'}.`;
    });
  }

  protected async remove(moment: MomentResponse): Promise<void> {
    if (!confirm(`Remove "${moment.name}" from the journey? Ideas for it keep their group.`)) {
      return;
    }
    await this.act(async () => {
      await this.store.remove(moment);
      return `Removed "${moment.name}".`;
    });
  }

  private async act(work: () => Promise<string>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.done.set(null);
    try {
      this.done.set(await work());
      this.store.reload();
    } catch (error) {
      if (!(error instanceof HttpErrorResponse)) throw error;
      this.error.set(error);
    } finally {
      this.busy.set(false);
    }
  }
}
