import {
  ChangeDetectionStrategy,
  Component,
  effect,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  APPROACH_VALUES,
  ESTIMATED_VALUE_MAX,
  ESTIMATED_VALUE_MIN,
  INITIATIVE_TEXT_MAX_LENGTH,
  READINESS_SCORE_MAX,
  READINESS_SCORE_MIN,
  type Approach,
  type CustomerGroupResponse,
  type InitiativeResponse,
  type UpdateInitiativeRequest,
} from '@waypoint/contracts';
import { fieldErrorsOf, genericErrorMessage, isPreconditionFailed } from '../shared/problem';
import { APPROACH_LABEL } from '../shared/vocabulary';

/** Saves the plan's changes; throws the HTTP error. */
export type SavePlan = (request: UpdateInitiativeRequest) => Promise<unknown>;

export interface PlanForm {
  problem: string;
  hypothesis: string;
  approach: Approach;
  customerGroupIds: readonly string[];
  estimatedCustomerValue: string;
  estimatedBusinessValue: string;
  readinessScore: string;
  readinessNotes: string;
}

/** A whole number in [min, max] typed in a field, or null (empty or not such a number). */
function wholeIn(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/** What the form changes in the plan as read; a problem per field it cannot send. */
export function planChanges(
  initiative: InitiativeResponse,
  form: PlanForm,
): { request: UpdateInitiativeRequest; problems: Record<string, string> } {
  const request: UpdateInitiativeRequest = {};
  const problems: Record<string, string> = {};
  if (form.problem.trim() !== initiative.problem) request.problem = form.problem.trim();
  if (form.hypothesis.trim() !== initiative.hypothesis) request.hypothesis = form.hypothesis.trim();
  if (form.approach !== initiative.approach) request.approach = form.approach;
  const groups = [...form.customerGroupIds].sort();
  const before = initiative.customerGroups.map((g) => g.id).sort();
  if (groups.join() !== before.join()) request.customerGroupIds = groups;
  for (const [field, key] of [
    ['estimatedCustomerValue', 'estimatedCustomerValue'],
    ['estimatedBusinessValue', 'estimatedBusinessValue'],
  ] as const) {
    const text = form[field];
    if (text.trim() === '') continue;
    const value = wholeIn(text, ESTIMATED_VALUE_MIN, ESTIMATED_VALUE_MAX);
    if (value === null) {
      problems[field] = `A whole number from ${ESTIMATED_VALUE_MIN} to ${ESTIMATED_VALUE_MAX}.`;
    } else if (value !== initiative[key]) request[key] = value;
  }
  const readiness: { score?: number; notes?: string } = {};
  if (form.readinessScore.trim() !== '') {
    const score = wholeIn(form.readinessScore, READINESS_SCORE_MIN, READINESS_SCORE_MAX);
    if (score === null) {
      problems['readinessScore'] =
        `A whole number from ${READINESS_SCORE_MIN} (not ready) to ${READINESS_SCORE_MAX} (ready).`;
    } else if (score !== initiative.readiness.score) readiness.score = score;
  }
  if (form.readinessNotes.trim() !== initiative.readiness.notes) {
    readiness.notes = form.readinessNotes.trim();
  }
  if (Object.keys(readiness).length > 0) request.readiness = readiness;
  return { request, problems };
}

/**
 * The owner's form for the plan: problem, hypothesis, approach, customer groups, estimated
 * customer and business value, and readiness for change (score and notes).
 */
@Component({
  selector: 'wp-plan-editor',
  imports: [FormsModule, MatButton, MatFormField, MatLabel, MatHint, MatInput],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="plan-editor" aria-label="Edit the plan" (ngSubmit)="submit()">
      <mat-form-field class="wide">
        <mat-label>Problem</mat-label>
        <textarea
          matInput
          name="problem"
          rows="3"
          [maxLength]="textMax"
          [(ngModel)]="form.problem"
        ></textarea>
      </mat-form-field>
      <mat-form-field class="wide">
        <mat-label>Hypothesis</mat-label>
        <textarea
          matInput
          name="hypothesis"
          rows="3"
          [maxLength]="textMax"
          [(ngModel)]="form.hypothesis"
        ></textarea>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Approach</mat-label>
        <select matNativeControl name="approach" [(ngModel)]="form.approach">
          @for (a of approaches; track a) {
            <option [value]="a">{{ approachLabel[a] }}</option>
          }
        </select>
      </mat-form-field>
      <fieldset class="wide plan-editor__groups">
        <legend>Customer groups it serves</legend>
        @for (g of groups(); track g.id) {
          <label>
            <input
              type="checkbox"
              [checked]="form.customerGroupIds.includes(g.id)"
              (change)="toggleGroup(g.id, $any($event.target).checked)"
            />
            {{ g.name }}
          </label>
        } @empty {
          <p class="hint">No customer groups yet.</p>
        }
      </fieldset>
      <mat-form-field>
        <mat-label>Estimated customer value ({{ valueMin }}–{{ valueMax }})</mat-label>
        <input matInput name="ecv" inputmode="numeric" [(ngModel)]="form.estimatedCustomerValue" />
        @if (problems()['estimatedCustomerValue']; as p) {
          <mat-hint class="form-error">{{ p }}</mat-hint>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>Estimated business value ({{ valueMin }}–{{ valueMax }})</mat-label>
        <input matInput name="ebv" inputmode="numeric" [(ngModel)]="form.estimatedBusinessValue" />
        @if (problems()['estimatedBusinessValue']; as p) {
          <mat-hint class="form-error">{{ p }}</mat-hint>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>Readiness for change ({{ readyMin }}–{{ readyMax }})</mat-label>
        <input matInput name="readiness" inputmode="numeric" [(ngModel)]="form.readinessScore" />
        <mat-hint>{{ readyMin }}: not ready · {{ readyMax }}: ready</mat-hint>
        @if (problems()['readinessScore']; as p) {
          <mat-hint class="form-error">{{ p }}</mat-hint>
        }
      </mat-form-field>
      <mat-form-field class="wide">
        <mat-label>Readiness notes</mat-label>
        <textarea
          matInput
          name="readinessNotes"
          rows="2"
          [maxLength]="textMax"
          [(ngModel)]="form.readinessNotes"
        ></textarea>
      </mat-form-field>
      @if (error(); as e) {
        <p class="wide plan-editor__error" role="alert">{{ e }}</p>
      }
      <div class="wide plan-editor__actions">
        <button mat-flat-button type="submit" [disabled]="saving()">Save the plan</button>
        <button mat-stroked-button type="button" (click)="done.emit()">Cancel</button>
      </div>
    </form>
  `,
  styles: `
    .plan-editor {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
      gap: 4px 16px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    mat-form-field {
      min-width: 0;
    }
    .plan-editor__groups {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin: 0 0 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .plan-editor__actions {
      display: flex;
      gap: 8px;
    }
    .plan-editor__error {
      margin: 0;
      padding: 8px 12px;
      border-radius: 8px;
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
    .form-error {
      color: var(--mat-sys-error);
    }
    .hint {
      margin: 0;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class PlanEditorComponent {
  readonly initiative = input.required<InitiativeResponse>();
  readonly groups = input<readonly CustomerGroupResponse[]>([]);
  readonly save = input.required<SavePlan>();
  /** Saved or cancelled. */
  readonly done = output<void>();

  protected readonly approaches = APPROACH_VALUES;
  protected readonly approachLabel = APPROACH_LABEL;
  protected readonly textMax = INITIATIVE_TEXT_MAX_LENGTH;
  protected readonly valueMin = ESTIMATED_VALUE_MIN;
  protected readonly valueMax = ESTIMATED_VALUE_MAX;
  protected readonly readyMin = READINESS_SCORE_MIN;
  protected readonly readyMax = READINESS_SCORE_MAX;

  protected form: PlanForm = {
    problem: '',
    hypothesis: '',
    approach: 'engineering',
    customerGroupIds: [],
    estimatedCustomerValue: '',
    estimatedBusinessValue: '',
    readinessScore: '',
    readinessNotes: '',
  };
  protected readonly problems = signal<Record<string, string>>({});
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const i = this.initiative();
      untracked(() => {
        this.form = {
          problem: i.problem,
          hypothesis: i.hypothesis,
          approach: i.approach,
          customerGroupIds: i.customerGroups.map((g) => g.id),
          estimatedCustomerValue: i.estimatedCustomerValue?.toString() ?? '',
          estimatedBusinessValue: i.estimatedBusinessValue?.toString() ?? '',
          readinessScore: i.readiness.score?.toString() ?? '',
          readinessNotes: i.readiness.notes,
        };
      });
    });
  }

  protected toggleGroup(id: string, on: boolean): void {
    const ids = this.form.customerGroupIds.filter((g) => g !== id);
    this.form = { ...this.form, customerGroupIds: on ? [...ids, id] : ids };
  }

  protected async submit(): Promise<void> {
    const { request, problems } = planChanges(this.initiative(), this.form);
    this.problems.set(problems);
    if (Object.keys(problems).length > 0) return;
    if (Object.keys(request).length === 0) {
      this.done.emit();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    try {
      await this.save()(request);
      this.done.emit();
    } catch (error) {
      const fields = ['problem', 'hypothesis', 'approach', 'customerGroupIds', 'readiness'];
      this.error.set(
        isPreconditionFailed(error)
          ? 'Someone changed this initiative meanwhile; it has been reloaded. Try again.'
          : (fields.map((f) => fieldErrorsOf(error, f)[0]).find((e) => e) ??
              genericErrorMessage(error)),
      );
    } finally {
      this.saving.set(false);
    }
  }
}
