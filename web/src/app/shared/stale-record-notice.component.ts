import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';

/**
 * What a form shows when saving answered 412: someone else changed the record since it was
 * loaded, so the change was not saved. The Reload action lets the form fetch the latest version
 * and keep the user's edits to apply again (the form listens to `reload`).
 *
 * Show it only after a 412 (see `isPreconditionFailed` in problem.ts): it is an alert and is
 * announced when it appears.
 */
@Component({
  selector: 'wp-stale-record-notice',
  imports: [MatButton, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="stale-notice" role="alert">
      <mat-icon class="stale-notice__icon" svgIcon="sync-problem" aria-hidden="true" />
      <div class="stale-notice__body">
        <p class="stale-notice__title">Someone else changed this {{ record() }}</p>
        <p class="stale-notice__text">
          Your changes are not saved yet. Reload to see the latest version, then apply your changes
          again.
        </p>
        @if (detail()) {
          <p class="stale-notice__text">{{ detail() }}</p>
        }
      </div>
      <button
        mat-stroked-button
        class="stale-notice__action"
        type="button"
        [disabled]="reloading()"
        (click)="reload.emit()"
      >
        {{ reloading() ? 'Reloading…' : 'Reload' }}
      </button>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .stale-notice {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 12px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-small);
      color: var(--mat-sys-on-tertiary-container);
      background: var(--mat-sys-tertiary-container);
    }
    .stale-notice__icon {
      flex: none;
    }
    .stale-notice__body {
      flex: 1 1 16rem;
    }
    .stale-notice__title {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }
    .stale-notice__text {
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
    .stale-notice__action {
      flex: none;
      align-self: center;
    }
  `,
})
export class StaleRecordNoticeComponent {
  /** What was changed, in words: "initiative", "milestone", "measure"... */
  readonly record = input('record');
  /** The server's explanation (problem detail), when it gave one. */
  readonly detail = input<string | null | undefined>(null);
  /** True while the form fetches the latest version. */
  readonly reloading = input(false);
  /** The user asked for the latest version of the record. */
  readonly reload = output<void>();
}
