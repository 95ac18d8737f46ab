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
  type MilestoneResponse,
  type UpdateMilestoneRequest,
} from '@waypoint/contracts';
import { fieldErrorsOf, genericErrorMessage, isPreconditionFailed } from '../shared/problem';

/** Saves a milestone's changes; throws the HTTP error. */
export type SaveGate = (request: UpdateMilestoneRequest) => Promise<unknown>;

/** The changes of the gate form against the milestone as read (nothing unchanged is sent). */
export function gateChanges(
  milestone: Pick<MilestoneResponse, 'title' | 'goal' | 'dueDate'>,
  form: { title: string; goal: string; dueDate: string },
): UpdateMilestoneRequest {
  const changes: UpdateMilestoneRequest = {};
  if (form.title.trim() !== milestone.title) changes.title = form.title.trim();
  if (form.goal.trim() !== milestone.goal) changes.goal = form.goal.trim();
  if (form.dueDate !== (milestone.dueDate ?? '')) changes.dueDate = form.dueDate || null;
  return changes;
}

/** The owner's form for one gate of the track: title, goal and due date. */
@Component({
  selector: 'wp-gate-editor',
  imports: [FormsModule, MatButton, MatFormField, MatLabel, MatInput],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="gate-editor"
      (ngSubmit)="submit()"
      [attr.aria-label]="'Edit gate ' + milestone().title"
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
      @if (error(); as e) {
        <p class="gate-editor__error" role="alert">{{ e }}</p>
      }
      <div class="gate-editor__actions">
        <button mat-flat-button type="submit" [disabled]="saving()">Save gate</button>
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
  readonly milestone = input.required<MilestoneResponse>();
  readonly save = input.required<SaveGate>();
  /** Saved or cancelled. */
  readonly done = output<void>();

  protected readonly titleMax = MILESTONE_TITLE_MAX_LENGTH;
  protected readonly goalMax = MILESTONE_GOAL_MAX_LENGTH;
  protected readonly title = signal('');
  protected readonly goal = signal('');
  protected readonly dueDate = signal('');
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const m = this.milestone();
      untracked(() => {
        this.title.set(m.title);
        this.goal.set(m.goal);
        this.dueDate.set(m.dueDate ?? '');
      });
    });
  }

  protected async submit(): Promise<void> {
    if (!this.title().trim()) {
      this.error.set('Give the gate a title.');
      return;
    }
    const changes = gateChanges(this.milestone(), {
      title: this.title(),
      goal: this.goal(),
      dueDate: this.dueDate(),
    });
    if (Object.keys(changes).length === 0) {
      this.done.emit();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    try {
      await this.save()(changes);
      this.done.emit();
    } catch (error) {
      this.error.set(
        isPreconditionFailed(error)
          ? 'Someone changed this gate meanwhile; it has been reloaded. Try again.'
          : (fieldErrorsOf(error, 'dueDate')[0] ??
              fieldErrorsOf(error, 'title')[0] ??
              fieldErrorsOf(error, 'goal')[0] ??
              genericErrorMessage(error)),
      );
    } finally {
      this.saving.set(false);
    }
  }
}
