import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { SUBMISSION_NOTE_MAX_LENGTH } from '@waypoint/contracts';

/**
 * "Submit for decision" with an optional note for the decider (issue 15): the note is kept with
 * the submission and shown on the gate page beside the evidence. Emits the note, trimmed ('' for
 * none); the page submits it.
 */
@Component({
  selector: 'wp-gate-submit',
  imports: [FormsModule, MatButton, MatFormField, MatLabel, MatHint, MatInput],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="gate-submit" (ngSubmit)="submitted.emit(note().trim())">
      <mat-form-field class="gate-submit__note">
        <mat-label>Note for the decider (optional)</mat-label>
        <textarea
          matInput
          name="submissionNote"
          rows="2"
          [maxLength]="noteMax"
          [ngModel]="note()"
          (ngModelChange)="note.set($event)"
        ></textarea>
        <mat-hint>What the evidence does not say: a risk, a request, what to look at.</mat-hint>
      </mat-form-field>
      <div>
        <button mat-flat-button type="submit" [disabled]="busy()">Submit for decision</button>
      </div>
    </form>
  `,
  styles: `
    .gate-submit {
      display: grid;
      gap: 8px;
      margin-top: 8px;
    }
    .gate-submit__note {
      width: 100%;
    }
  `,
})
export class GateSubmitComponent {
  readonly busy = input(false);
  readonly submitted = output<string>();
  protected readonly noteMax = SUBMISSION_NOTE_MAX_LENGTH;
  protected readonly note = signal('');
}
