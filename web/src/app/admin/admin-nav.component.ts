import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

/** The sections of Administration, in the order of the landing page. */
export const ADMIN_SECTIONS = [
  {
    path: 'users',
    label: 'People',
    summary: 'Add people with a link to choose their password, change roles, deactivate.',
  },
  {
    path: 'departments',
    label: 'Departments',
    summary: 'The departments cross-functional teams are formed from.',
  },
  {
    path: 'customer-groups',
    label: 'Customer groups',
    summary: 'Whom initiatives serve: intent, value proposition, protection.',
  },
  {
    path: 'cycles',
    label: 'Cycles',
    summary:
      'The improvement cycles: create the next one, adjust dates before anything rests on them.',
  },
  {
    path: 'webhooks',
    label: 'Webhooks',
    summary: 'Post portfolio events to another system, or to a Slack or Teams channel.',
  },
  {
    path: 'audit',
    label: 'Audit trail',
    summary: 'Who did what to which record, and when, with before and after.',
  },
] as const;

/** Links between the sections of Administration, above each of its pages. */
@Component({
  selector: 'wp-admin-nav',
  imports: [RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="admin-nav" aria-label="Administration">
      <a
        class="admin-nav__link"
        routerLink="/admin"
        [routerLinkActiveOptions]="{ exact: true }"
        routerLinkActive="admin-nav__link--active"
        ariaCurrentWhenActive="page"
        >Overview</a
      >
      @for (section of sections; track section.path) {
        <a
          class="admin-nav__link"
          [routerLink]="'/admin/' + section.path"
          routerLinkActive="admin-nav__link--active"
          ariaCurrentWhenActive="page"
          >{{ section.label }}</a
        >
      }
    </nav>
  `,
  styles: `
    .admin-nav {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      margin: 0 0 16px;
    }
    .admin-nav__link {
      padding: 6px 12px;
      border-radius: 999px;
      text-decoration: none;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .admin-nav__link--active {
      color: var(--mat-sys-on-secondary-container);
      background: var(--mat-sys-secondary-container);
      border-color: transparent;
    }
  `,
})
export class AdminNavComponent {
  protected readonly sections = ADMIN_SECTIONS;
}
