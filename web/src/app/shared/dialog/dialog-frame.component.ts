import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';

/**
 * The frame of a dialog that saves a form: the title, the fields (projected), the error of the
 * last attempt, and Cancel beside the submit button, which says `busyLabel` and is disabled while
 * saving (or while `blocked`). Put it inside the dialog's `<form (ngSubmit)>`: the fields keep
 * their form, and the submit button submits it.
 */
@Component({
  selector: 'wp-dialog-frame',
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ title() }}</h2>
    <mat-dialog-content class="dialog-frame__content">
      <ng-content />
      @if (error(); as message) {
        <p class="dialog-frame__error" role="alert">{{ message }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ cancelLabel() }}</button>
      <button mat-flat-button type="submit" [disabled]="busy() || blocked()">
        {{ busy() ? busyLabel() : submitLabel() }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    :host {
      display: contents;
    }
    /* Material drops the padding of content that follows its title; the fields keep their 20px. */
    :host .dialog-frame__content.mat-mdc-dialog-content {
      padding-top: 20px;
    }
    .dialog-frame__error {
      margin: 12px 0 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class DialogFrameComponent {
  readonly title = input.required<string>();
  readonly submitLabel = input.required<string>();
  /** What the submit button says while saving ("Saving…"). */
  readonly busyLabel = input.required<string>();
  readonly cancelLabel = input('Cancel');
  readonly busy = input(false);
  /** Disables the submit button for another reason (a question waiting for an answer). */
  readonly blocked = input(false);
  /** What went wrong with the last attempt, as the form says it (none: nothing shown). */
  readonly error = input<string | null>(null);
}
