import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { DateTimePipe } from '../shared/format';
import { genericErrorMessage } from '../shared/problem';
import { AUDIT_RECORD_LABEL } from '../shared/vocabulary';
import { AdminNavComponent } from './admin-nav.component';
import { AUDIT_PAGE_SIZE, AuditStore } from './audit.store';
import { actionLabel, filterOptions, recordLabel, recordName } from './audit-words';
import { AUDIT_ACTIONS } from '../shared/vocabulary';

/** Administration › Audit trail: who did what to which record, when; before and after in words. */
@Component({
  selector: 'wp-audit-page',
  imports: [
    FormsModule,
    MatButton,
    MatFormField,
    MatInput,
    MatLabel,
    MatProgressBar,
    AdminNavComponent,
    DateTimePipe,
  ],
  providers: [AuditStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-page.component.html',
  styleUrl: './admin.scss',
  styles: `
    .audit__event {
      display: block;
    }
    .audit__sentence {
      margin: 0;
      font: var(--mat-sys-title-small);
      overflow-wrap: anywhere;
    }
    .audit__meta {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: center;
      margin: 2px 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .audit__changes {
      width: 100%;
      border-collapse: collapse;
      table-layout: fixed;
      font: var(--mat-sys-body-small);
    }
    .audit__changes th,
    .audit__changes td {
      padding: 4px 8px;
      text-align: left;
      vertical-align: top;
      overflow-wrap: anywhere;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .audit__pager {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      justify-content: space-between;
      margin-top: 8px;
    }
  `,
})
export class AuditPageComponent {
  protected readonly store = inject(AuditStore);
  protected readonly errorMessage = genericErrorMessage;
  protected readonly recordKinds = filterOptions(AUDIT_RECORD_LABEL);
  protected readonly actions = Object.keys(AUDIT_ACTIONS)
    .map((value) => ({ value, label: actionLabel(value) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  protected readonly recordLabel = recordLabel;
  protected readonly recordName = recordName;
  protected readonly pageSize = AUDIT_PAGE_SIZE;

  /** The record the trail is narrowed to, in words. */
  protected readonly narrowedTo = computed(() => {
    const filter = this.store.filter();
    if (!filter.entityId) return null;
    const first = this.store.lines()[0]?.event;
    const name = first ? recordName(first) : null;
    const kind = recordLabel(filter.entityType || (first?.entityType ?? 'record'));
    return name ? `the ${kind} “${name}”` : `one ${kind}`;
  });
  protected readonly range = computed(() => {
    const offset = this.store.offset();
    const shown = this.store.lines().length;
    return shown === 0 ? '' : `${offset + 1} to ${offset + shown} of ${this.store.total()}`;
  });
}
