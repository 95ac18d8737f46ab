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
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  MILESTONE_GOAL_MAX_LENGTH,
  MILESTONE_TITLE_MAX_LENGTH,
  type CreateMilestoneRequest,
  type ExitCriterion,
  type MilestoneResponse,
  type UpdateMilestoneRequest,
} from '@waypoint/contracts';
import { CRITERIA_EDIT_STATES } from '@waypoint/domain';
import { fieldErrorsOf, genericErrorMessage, isPreconditionFailed } from '../shared/problem';

/** Saves a milestone's changes; throws the HTTP error. */
export type SaveGate = (request: UpdateMilestoneRequest) => Promise<unknown>;
/** Adds a milestone at the end of the track; throws the HTTP error. */
export type CreateGate = (request: CreateMilestoneRequest) => Promise<unknown>;

export interface GateForm {
  title: string;
  goal: string;
  dueDate: string;
  /** Exit criteria, one per line. */
  criteria: string;
}

function criteriaLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * The changes of the gate form against the milestone as read (nothing unchanged is sent). The
 * criteria are sent when their labels changed: a label kept keeps its criterion (and its tick).
 */
export function gateChanges(
  milestone: Pick<MilestoneResponse, 'title' | 'goal' | 'dueDate'> & {
    criteria?: readonly ExitCriterion[];
  },
  form: Omit<GateForm, 'criteria'> & { criteria?: string },
): UpdateMilestoneRequest {
  const changes: UpdateMilestoneRequest = {};
  if (form.title.trim() !== milestone.title) changes.title = form.title.trim();
  if (form.goal.trim() !== milestone.goal) changes.goal = form.goal.trim();
  if (form.dueDate !== (milestone.dueDate ?? '')) changes.dueDate = form.dueDate || null;
  if (form.criteria !== undefined && milestone.criteria) {
    const lines = criteriaLines(form.criteria);
    const existing = milestone.criteria;
    if (lines.join('\n') !== existing.map((c) => c.label).join('\n')) {
      changes.criteria = lines.map((label) => {
        const kept = existing.find((c) => c.label === label);
        return kept ? { id: kept.id, label, checked: kept.checked } : { label };
      });
    }
  }
  return changes;
}

/** A new milestone from the form. */
export function newGate(form: GateForm): CreateMilestoneRequest {
  return {
    title: form.title.trim(),
    goal: form.goal.trim(),
    ...(form.dueDate ? { dueDate: form.dueDate } : {}),
    criteria: criteriaLines(form.criteria).map((label) => ({ label })),
    measureIds: [],
  };
}

/**
 * The owner's form for one gate of the track (title, goal, due date, exit criteria while planned
 * or in progress), or for a new gate at its end.
 */
@Component({
  selector: 'wp-gate-editor',
  imports: [FormsModule, MatButton, MatFormField, MatLabel, MatInput],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="gate-editor"
      (ngSubmit)="submit()"
      [attr.aria-label]="milestone() ? 'Edit gate ' + milestone()?.title : 'New gate'"
    >
      <mat-form-field>
        <mat-label>Gate title</mat-label>
        <input
          matInput
          name="title"
          required
          [maxLength]="titleMax"
          [ngModel]="title()"
          (ngModelChange)="title.set($event)"
        />
      </mat-form-field>
      <mat-form-field>
        <mat-label>Due date</mat-label>
        <input
          matInput
          type="date"
          name="dueDate"
          [ngModel]="dueDate()"
          (ngModelChange)="dueDate.set($event ?? '')"
        />
      </mat-form-field>
      <mat-form-field class="gate-editor__goal">
        <mat-label>Goal</mat-label>
        <textarea
          matInput
          name="goal"
          rows="2"
          [maxLength]="goalMax"
          [ngModel]="goal()"
          (ngModelChange)="goal.set($event)"
        ></textarea>
      </mat-form-field>
      @if (criteriaEditable()) {
        <mat-form-field class="gate-editor__goal">
          <mat-label>Exit criteria, one per line</mat-label>
          <textarea
            matInput
            name="criteria"
            rows="3"
            [ngModel]="criteria()"
            (ngModelChange)="criteria.set($event)"
          ></textarea>
        </mat-form-field>
      }
      @if (error(); as e) {
        <p class="gate-editor__error" role="alert">{{ e }}</p>
      }
      <div class="gate-editor__actions">
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ milestone() ? 'Save gate' : 'Add gate' }}
        </button>
        <button mat-stroked-button type="button" (click)="done.emit()">Cancel</button>
      </div>
    </form>
  `,
  styles: `
    .gate-editor {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      margin-top: 8px;
    }
    .gate-editor mat-form-field {
      flex: 1 1 12rem;
      min-width: 0;
    }
    .gate-editor .gate-editor__goal {
      flex-basis: 100%;
    }
    .gate-editor__actions {
      display: flex;
      gap: 8px;
    }
    .gate-editor__error {
      flex-basis: 100%;
      margin: 0 0 8px;
      padding: 8px 12px;
      border-radius: 8px;
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
  `,
})
export class GateEditorComponent {
  /** The gate edited, or null for a new one. */
  readonly milestone = input<MilestoneResponse | null>(null);
  readonly save = input<SaveGate | null>(null);
  readonly create = input<CreateGate | null>(null);
  /** Saved or cancelled. */
  readonly done = output<void>();

  protected readonly titleMax = MILESTONE_TITLE_MAX_LENGTH;
  protected readonly goalMax = MILESTONE_GOAL_MAX_LENGTH;
  protected readonly title = signal('');
  protected readonly goal = signal('');
  protected readonly dueDate = signal('');
  protected readonly criteria = signal('');
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const m = this.milestone();
      untracked(() => {
        this.title.set(m?.title ?? '');
        this.goal.set(m?.goal ?? '');
        this.dueDate.set(m?.dueDate ?? '');
        this.criteria.set(m?.criteria.map((c) => c.label).join('\n') ?? '');
      });
    });
  }

  /** Exit criteria are planned while the gate is planned or in progress (and for a new one). */
  protected criteriaEditable(): boolean {
    const m = this.milestone();
    return !m || CRITERIA_EDIT_STATES.includes(m.state);
  }

  protected async submit(): Promise<void> {
    if (!this.title().trim()) {
      this.error.set('Give the gate a title.');
      return;
    }
    const form: GateForm = {
      title: this.title(),
      goal: this.goal(),
      dueDate: this.dueDate(),
      criteria: this.criteria(),
    };
    const m = this.milestone();
    const { criteria: _criteria, ...plan } = form;
    const changes = m ? gateChanges(m, this.criteriaEditable() ? form : plan) : null;
    if (changes && Object.keys(changes).length === 0) {
      this.done.emit();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    try {
      if (changes) await this.save()?.(changes);
      else await this.create()?.(newGate(form));
      this.done.emit();
    } catch (error) {
      this.error.set(
        isPreconditionFailed(error)
          ? 'Someone changed this gate meanwhile; it has been reloaded. Try again.'
          : (fieldErrorsOf(error, 'dueDate')[0] ??
              fieldErrorsOf(error, 'title')[0] ??
              fieldErrorsOf(error, 'goal')[0] ??
              fieldErrorsOf(error, 'criteria')[0] ??
              genericErrorMessage(error)),
      );
    } finally {
      this.saving.set(false);
    }
  }
}
