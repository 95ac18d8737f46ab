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
import type {
  GateBlocker,
  MeasureResponse,
  MilestoneResponse,
  UpdateMilestoneRequest,
} from '@waypoint/contracts';
import { genericErrorMessage, isPreconditionFailed } from '../shared/problem';
import { MilestonesApi } from '../shared/api';

/** The blockers of a refused submit that still hold, once what was ticked since is left out. */
export function remainingBlockers(
  blockers: readonly GateBlocker[],
  milestone: Pick<MilestoneResponse, 'criteria' | 'measureIds'>,
): GateBlocker[] {
  return blockers.filter((b) => {
    switch (b.kind) {
      case 'criterion_unchecked':
        return !milestone.criteria.some((c) => c.id === b.criterionId && c.checked);
      case 'measure_not_read':
        return milestone.measureIds.includes(b.measureId);
      case 'no_exit_criteria':
        return milestone.criteria.length === 0;
    }
  });
}

/**
 * The owner's checklist of the current gate: ticking an exit criterion or linking a measure
 * saves at once (PATCH /api/milestones/:id with If-Match, one change after another, each with
 * the version the previous one answered). What kept the last submission back is shown here,
 * next to the item it concerns. A linked measure needs a reading since the gate started.
 */
@Component({
  selector: 'wp-gate-checklist',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="checklist">
      @if (missing().length > 0) {
        <div class="checklist__missing" role="alert">
          <p>The gate cannot be submitted yet:</p>
          <ul>
            @for (b of missing(); track $index) {
              <li>{{ b.message }}</li>
            }
          </ul>
        </div>
      }
      <fieldset class="checklist__group">
        <legend>Exit criteria met</legend>
        @for (c of milestone().criteria; track c.id) {
          <label class="check">
            <input
              type="checkbox"
              [checked]="checked().has(c.id)"
              (change)="toggle(checked, c.id, $any($event.target).checked)"
            />
            <span>
              {{ c.label }}
              @if (unmetCriteria().has(c.id)) {
                <span class="check__missing">needed to submit</span>
              }
            </span>
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
            <span>
              {{ m.name }}
              @if (unreadMeasures().has(m.id)) {
                <span class="check__missing">needs a reading</span>
              }
            </span>
          </label>
        } @empty {
          <p class="hint">No measures defined yet.</p>
        }
        <p class="hint">Each linked measure needs a reading since the gate started.</p>
      </fieldset>
      <p class="checklist__status hint" role="status">{{ notice() }}</p>
      @if (error(); as e) {
        <p class="error" role="alert">The change was not saved. {{ e }}</p>
      }
    </div>
  `,
  styles: `
    .checklist {
      display: grid;
      gap: 0.75rem;
      margin-top: 0.75rem;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    }
    .checklist__missing,
    .checklist__status,
    .error {
      grid-column: 1 / -1;
      margin: 0;
    }
    .checklist__missing {
      padding: 8px 12px;
      border-radius: 8px;
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
    .checklist__missing p,
    .checklist__missing ul {
      margin: 0;
    }
    .checklist__group {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 0.5rem 0.75rem;
      margin: 0;
      display: grid;
      gap: 0.25rem;
      min-width: 0;
    }
    .check {
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
    }
    .check__missing {
      margin-left: 4px;
      padding: 0 6px;
      border-radius: 999px;
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
    .hint {
      margin: 0;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class GateChecklistComponent {
  private readonly milestonesApi = inject(MilestonesApi);

  readonly milestone = input.required<MilestoneResponse>();
  readonly measures = input.required<readonly MeasureResponse[]>();
  /** What kept the last submission of this gate back (422), shown beside the items. */
  readonly blockers = input<readonly GateBlocker[]>([]);
  /** After each save, with the milestone as the server now has it. */
  readonly saved = output<MilestoneResponse>();
  /** The milestone was changed elsewhere (412). */
  readonly stale = output<void>();

  protected readonly checked = signal<ReadonlySet<string>>(new Set());
  protected readonly linked = signal<ReadonlySet<string>>(new Set());
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal('');

  /** Saves not answered yet; the input's milestone is adopted only when none is left. */
  private pending = 0;
  private queue: Promise<void> = Promise.resolve();
  /** The version the next save sends in If-Match. */
  private version = 0;

  constructor() {
    // Start from the milestone as the server has it, again after every reload.
    effect(() => {
      const m = this.milestone();
      untracked(() => {
        if (this.pending > 0) return;
        this.adopt(m);
      });
    });
  }

  protected readonly missing = computed(() =>
    remainingBlockers(this.blockers(), {
      criteria: this.milestone().criteria.map((c) => ({ ...c, checked: this.checked().has(c.id) })),
      measureIds: [...this.linked()],
    }),
  );
  protected readonly unmetCriteria = computed(
    () =>
      new Set(
        this.missing().flatMap((b) => (b.kind === 'criterion_unchecked' ? [b.criterionId] : [])),
      ),
  );
  protected readonly unreadMeasures = computed(
    () =>
      new Set(this.missing().flatMap((b) => (b.kind === 'measure_not_read' ? [b.measureId] : []))),
  );

  protected toggle(
    target: ReturnType<typeof signal<ReadonlySet<string>>>,
    id: string,
    on: boolean,
  ): void {
    const next = new Set(target());
    if (on) next.add(id);
    else next.delete(id);
    target.set(next);
    this.error.set(null);
    this.notice.set('Saving…');
    const request = this.request();
    this.pending += 1;
    this.queue = this.queue.then(() => this.save(request));
  }

  /** The whole checklist as ticked now. */
  private request(): UpdateMilestoneRequest {
    const m = this.milestone();
    return {
      criteria: m.criteria.map((c) => ({
        id: c.id,
        label: c.label,
        checked: this.checked().has(c.id),
      })),
      measureIds: this.measures()
        .filter((x) => this.linked().has(x.id))
        .map((x) => x.id),
    };
  }

  private async save(request: UpdateMilestoneRequest): Promise<void> {
    const m = this.milestone();
    try {
      const updated = await this.milestonesApi.update({ id: m.id, version: this.version }, request);
      this.version = updated.version;
      this.pending -= 1;
      if (this.pending === 0) this.notice.set('Saved.');
      this.saved.emit(updated);
    } catch (error) {
      this.pending -= 1;
      this.notice.set('');
      // Back to what the server has; later saves of this burst are sent but refused likewise.
      this.adopt(this.milestone());
      if (isPreconditionFailed(error)) this.stale.emit();
      else this.error.set(genericErrorMessage(error));
    }
  }

  private adopt(m: MilestoneResponse): void {
    this.version = m.version;
    this.checked.set(new Set(m.criteria.filter((c) => c.checked).map((c) => c.id)));
    this.linked.set(new Set(m.measureIds));
  }
}
