import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';

/** A button that copies a text (a link, a secret) to the clipboard and says that it did. */
@Component({
  selector: 'wp-copy-button',
  imports: [MatButton, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button mat-stroked-button type="button" (click)="copy()">
      <mat-icon svgIcon="copy" aria-hidden="true" />
      {{ label() }}
    </button>
    <span class="copy-status" role="status">{{ status() }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      gap: 8px;
      align-items: center;
    }
    .copy-status {
      font: var(--mat-sys-label-medium);
    }
  `,
})
export class CopyButtonComponent {
  readonly text = input.required<string>();
  readonly label = input('Copy');
  protected readonly status = signal('');

  protected async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.text());
      this.status.set('Copied');
    } catch {
      this.status.set('Copying is not allowed here: select the text and copy it.');
    }
  }
}
