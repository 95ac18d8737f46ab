import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import type {
  MeasureResponse,
  MilestoneResponse,
  UpdateMilestoneRequest,
} from '@waypoint/contracts';
import { genericErrorMessage, isPreconditionFailed } from '../shared/problem';
import { MilestonesApi } from '../shared/api';

/**
 * The owner's checklist of the current gate before submitting it: tick the exit criteria met and
 * link the measures that show the evidence (PATCH /api/milestones/:id with If-Match). A linked
 * measure needs a reading since the gate started before the gate can be submitted.
 */
@Component({
  selector: 'wp-gate-checklist',
  imports: [MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="checklist" (submit)="$event.preventDefault(); save()">
      <fieldset class="checklist__group">
        <legend>Exit criteria met</legend>
        @for (c of milestone().criteria; track c.id) {
          <label class="check">
            <input
              type="checkbox"
              [checked]="checked().has(c.id)"
              (change)="toggle(checked, c.id, $any($event.target).checked)"
            />
            {{ c.label }}
          </label>
        } @empty {
          <p class="hint">This gate has no exit criteria.</p>
        }
      </fieldset>
      <fieldset class="checklist__group">
        <legend>Measures that show the evidence</legend>
        @for (m of measures(); track m.id) {
          <label class="check">
            <input
              type="checkbox"
              [checked]="linked().has(m.id)"
              (change)="toggle(linked, m.id, $any($event.target).checked)"
            />
            {{ m.name }}
          </label>
        } @empty {
          <p class="hint">No measures defined yet.</p>
        }
        <p class="hint">Each linked measure needs a reading since the gate started.</p>
      </fieldset>
      <div class="checklist__actions">
        <button mat-stroked-button type="submit" [disabled]="saving() || !dirty()">
          {{ saving() ? 'Saving…' : 'Save checklist' }}
        </button>
        <span role="status" class="hint">{{ notice() }}</span>
      </div>
      @if (error(); as e) {
        <p class="error" role="alert">The checklist was not saved. {{ e }}</p>
      }
    </form>
  `,
  styles: `
    .checklist {
      display: grid;
      gap: 0.75rem;
      margin-top: 0.75rem;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    }
    .checklist__group {
      border: 1px solid var(--wp-border, #c4c7c5);
      border-radius: 8px;
      padding: 0.5rem 0.75rem;
      margin: 0;
      display: grid;
      gap: 0.25rem;
    }
    .checklist__actions {
      grid-column: 1 / -1;
      display: flex;
      gap: 0.75rem;
      align-items: center;
      flex-wrap: wrap;
    }
    .check {
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
    }
  `,
})
export class GateChecklistComponent {
  private readonly milestonesApi = inject(MilestonesApi);

  readonly milestone = input.required<MilestoneResponse>();
  readonly measures = input.required<readonly MeasureResponse[]>();
  /** After a save (with the new milestone), or when the milestone was changed elsewhere (412). */
  readonly saved = output<MilestoneResponse>();
  readonly stale = output<void>();

  protected readonly checked = signal<ReadonlySet<string>>(new Set());
  protected readonly linked = signal<ReadonlySet<string>>(new Set());
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal('');

  constructor() {
    // Start from the milestone as the server has it, again after every reload.
    effect(() => {
      const m = this.milestone();
      untracked(() => {
        this.checked.set(new Set(m.criteria.filter((c) => c.checked).map((c) => c.id)));
        this.linked.set(new Set(m.measureIds));
      });
    });
  }

  protected readonly dirty = computed(() => {
    const m = this.milestone();
    const checked = this.checked();
    const linked = this.linked();
    return (
      m.criteria.some((c) => c.checked !== checked.has(c.id)) ||
      linked.size !== m.measureIds.length ||
      m.measureIds.some((id) => !linked.has(id))
    );
  });

  protected toggle(
    target: ReturnType<typeof signal<ReadonlySet<string>>>,
    id: string,
    on: boolean,
  ): void {
    const next = new Set(target());
    if (on) next.add(id);
    else next.delete(id);
    target.set(next);
    this.notice.set('');
  }

  protected async save(): Promise<void> {
    const m = this.milestone();
    const request: UpdateMilestoneRequest = {
      criteria: m.criteria.map((c) => ({
        id: c.id,
        label: c.label,
        checked: this.checked().has(c.id),
      })),
      measureIds: this.measures()
        .filter((x) => this.linked().has(x.id))
        .map((x) => x.id),
    };
    this.saving.set(true);
    this.error.set(null);
    try {
      const updated = await this.milestonesApi.update(m, request);
      this.notice.set('Checklist saved.');
      this.saved.emit(updated);
    } catch (error) {
      if (isPreconditionFailed(error)) this.stale.emit();
      else this.error.set(genericErrorMessage(error));
    } finally {
      this.saving.set(false);
    }
  }
}
