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
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { STEP_TITLE_MAX_LENGTH, type StepResponse, type UserRef } from '@waypoint/contracts';
import { fieldErrorsOf, genericErrorMessage } from '../shared/problem';

/** What the step form asks for: a new step, or the changes of an edited one (null clears). */
export interface StepFormRequest {
  title: string;
  assigneeId?: string | null;
  dueDate?: string | null;
}

/** What the editor hands its parent. */
export type SaveStep = (request: StepFormRequest) => Promise<unknown>;

/** The request of the step form: title, assignee (or nobody), due date (or none). */
export function stepRequest(
  form: { title: string; assigneeId: string; dueDate: string },
  editing: StepResponse | null,
): StepFormRequest {
  const request: StepFormRequest = { title: form.title.trim() };
  if (editing) {
    if ((editing.assignee?.id ?? '') !== form.assigneeId)
      request.assigneeId = form.assigneeId || null;
    if ((editing.dueDate ?? '') !== form.dueDate) request.dueDate = form.dueDate || null;
    return request;
  }
  if (form.assigneeId) request.assigneeId = form.assigneeId;
  if (form.dueDate) request.dueDate = form.dueDate;
  return request;
}

/** Adds a step to the current gate, or edits one: title, assignee from the team, due date. */
@Component({
  selector: 'wp-step-editor',
  imports: [FormsModule, MatButton, MatFormField, MatLabel, MatInput, MatError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="step-editor"
      (ngSubmit)="submit()"
      [attr.aria-label]="step() ? 'Edit step' : 'New step'"
    >
      <mat-form-field class="step-editor__title">
        <mat-label>Step</mat-label>
        <input
          matInput
          name="title"
          required
          [maxLength]="titleMax"
          [ngModel]="title()"
          (ngModelChange)="title.set($event)"
        />
        @for (e of errors('title'); track e) {
          <mat-error>{{ e }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>Assignee</mat-label>
        <select
          matNativeControl
          name="assignee"
          [ngModel]="assigneeId()"
          (ngModelChange)="assigneeId.set($event)"
        >
          <option value="">Nobody yet</option>
          @for (p of people(); track p.id) {
            <option [value]="p.id">{{ p.displayName }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Due</mat-label>
        <input
          matInput
          type="date"
          name="dueDate"
          [ngModel]="dueDate()"
          (ngModelChange)="dueDate.set($event ?? '')"
        />
      </mat-form-field>
      @if (error(); as e) {
        <p class="step-editor__error" role="alert">{{ e }}</p>
      }
      <div class="step-editor__actions">
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ step() ? 'Save step' : 'Add step' }}
        </button>
        <button mat-stroked-button type="button" (click)="cancelled.emit()">Cancel</button>
      </div>
    </form>
  `,
  styles: `
    .step-editor {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: flex-start;
    }
    .step-editor mat-form-field {
      flex: 1 1 10rem;
      min-width: 0;
    }
    .step-editor .step-editor__title {
      flex: 2 1 14rem;
    }
    .step-editor__actions {
      display: flex;
      gap: 8px;
      flex-basis: 100%;
    }
    .step-editor__error {
      flex-basis: 100%;
      margin: 0 0 8px;
      padding: 8px 12px;
      border-radius: 8px;
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
  `,
})
export class StepEditorComponent {
  /** The step edited, or null for a new one. */
  readonly step = input<StepResponse | null>(null);
  /** Who may be assigned: the owner and the team. */
  readonly people = input.required<readonly UserRef[]>();
  readonly save = input.required<SaveStep>();
  readonly saved = output<void>();
  readonly cancelled = output<void>();

  protected readonly titleMax = STEP_TITLE_MAX_LENGTH;
  protected readonly title = signal('');
  protected readonly assigneeId = signal('');
  protected readonly dueDate = signal('');
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly failure = signal<unknown>(null);

  constructor() {
    effect(() => {
      const step = this.step();
      untracked(() => {
        this.title.set(step?.title ?? '');
        this.assigneeId.set(step?.assignee?.id ?? '');
        this.dueDate.set(step?.dueDate ?? '');
      });
    });
  }

  protected errors(field: string): string[] {
    return fieldErrorsOf(this.failure(), field);
  }

  protected async submit(): Promise<void> {
    if (!this.title().trim()) {
      this.error.set('Name the step.');
      return;
    }
    const request = stepRequest(
      { title: this.title(), assigneeId: this.assigneeId(), dueDate: this.dueDate() },
      this.step(),
    );
    this.saving.set(true);
    this.error.set(null);
    this.failure.set(null);
    try {
      await this.save()(request);
      if (!this.step()) {
        this.title.set('');
        this.dueDate.set('');
      }
      this.saved.emit();
    } catch (error) {
      this.failure.set(error);
      this.error.set(
        fieldErrorsOf(error, 'assigneeId')[0] ??
          fieldErrorsOf(error, 'dueDate')[0] ??
          fieldErrorsOf(error, 'title')[0] ??
          genericErrorMessage(error),
      );
    } finally {
      this.saving.set(false);
    }
  }
}
