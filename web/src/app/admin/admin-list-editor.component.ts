import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  contentChild,
  contentChildren,
  Directive,
  inject,
  input,
  output,
  TemplateRef,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { genericErrorMessage } from '../shared/problem';

/**
 * The form of an admin list editor, as an `<ng-template>` of the page:
 * `<ng-template wpAdminForm [wpAdminFormOf]="groups" let-group>`; `group` is the record edited,
 * null for a new one (`wpAdminFormOf` only types it).
 */
@Directive({ selector: 'ng-template[wpAdminForm]' })
export class AdminFormDirective<T> {
  readonly wpAdminFormOf = input.required<readonly T[]>();
  readonly template = inject<TemplateRef<{ $implicit: T | null }>>(TemplateRef);

  static ngTemplateContextGuard<T>(
    _dir: AdminFormDirective<T>,
    _context: unknown,
  ): _context is { $implicit: T | null } {
    return true;
  }
}

/**
 * A row of an admin list editor, as an `<ng-template>` of the page:
 * `<ng-template wpAdminRow [wpAdminRowOf]="groups" let-group>` shows a record not being edited;
 * `wpAdminRow="end"` is shown under each row, edited or not.
 */
@Directive({ selector: 'ng-template[wpAdminRow]' })
export class AdminRowDirective<T> {
  readonly wpAdminRow = input<'' | 'end'>('');
  readonly wpAdminRowOf = input.required<readonly T[]>();
  readonly template = inject<TemplateRef<{ $implicit: T }>>(TemplateRef);

  static ngTemplateContextGuard<T>(
    _dir: AdminRowDirective<T>,
    _context: unknown,
  ): _context is { $implicit: T } {
    return true;
  }
}

/**
 * The layout of an administration page that lists records and edits them in place (customer
 * groups, webhooks): a section to add one (the button opens the form, and what was saved is
 * said there), and a section listing them all (loading, its error, a line when there are none),
 * where the record being edited shows the form instead of its row.
 */
@Component({
  selector: 'wp-admin-list-editor',
  imports: [MatButton, MatProgressBar, NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="admin__section" [attr.aria-labelledby]="'new-' + key()">
      <h2 class="admin__section-title" [id]="'new-' + key()">{{ addTitle() }}</h2>
      @if (editing() === 'new') {
        <ng-container *ngTemplateOutlet="form()?.template ?? null; context: { $implicit: null }" />
      } @else {
        <button mat-stroked-button type="button" (click)="startNew.emit()">
          {{ newLabel() }}
        </button>
      }
      @if (saved(); as message) {
        <p class="admin__done" role="status">{{ message }}</p>
      }
    </section>

    <section class="admin__section" [attr.aria-labelledby]="'all-' + key() + 's'">
      <h2 class="admin__section-title" [id]="'all-' + key() + 's'">{{ listTitle() }}</h2>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="loadingLabel()" />
      }
      @if (loadError()) {
        <p class="admin__error" role="alert">{{ errorMessage(loadError()) }}</p>
      }
      @if (emptyText(); as line) {
        @if (loaded() && items().length === 0) {
          <p class="admin__muted">{{ line }}</p>
        }
      }
      <ul class="admin__list" [attr.aria-label]="listLabel()">
        @for (item of items(); track item.id) {
          <li class="admin__row">
            @if (editing() === item.id) {
              <div class="admin__row-main">
                <ng-container
                  *ngTemplateOutlet="form()?.template ?? null; context: { $implicit: item }"
                />
              </div>
            } @else {
              <ng-container
                *ngTemplateOutlet="row('')?.template ?? null; context: { $implicit: item }"
              />
            }
            <ng-container
              *ngTemplateOutlet="row('end')?.template ?? null; context: { $implicit: item }"
            />
          </li>
        }
      </ul>
    </section>
  `,
  styleUrl: './admin.scss',
})
export class AdminListEditorComponent {
  /** Names the sections for their labels: `new-<key>` and `all-<key>s`. */
  readonly key = input.required<string>();
  readonly addTitle = input.required<string>();
  /** The button that opens the form for a new record. */
  readonly newLabel = input.required<string>();
  readonly listTitle = input.required<string>();
  /** The list's accessible name. */
  readonly listLabel = input.required<string>();
  readonly loadingLabel = input.required<string>();
  readonly items = input.required<readonly { id: string }[]>();
  readonly loading = input(false);
  /** True once the list has been loaded (an empty one says `emptyText`). */
  readonly loaded = input(false);
  readonly loadError = input<unknown>(undefined);
  readonly emptyText = input<string | null>(null);
  /** The record being edited: its id, 'new' for a new one, null for none. */
  readonly editing = input<string | null>(null);
  /** What the last save did ("Retail is saved."). */
  readonly saved = input<string | null>(null);
  readonly startNew = output();

  protected readonly form = contentChild<AdminFormDirective<unknown>>(AdminFormDirective);
  private readonly rows = contentChildren<AdminRowDirective<unknown>>(AdminRowDirective);
  protected readonly errorMessage = genericErrorMessage;

  protected row(kind: '' | 'end'): AdminRowDirective<unknown> | undefined {
    return this.rows().find((r) => r.wpAdminRow() === kind);
  }
}
