import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ADMIN_SECTIONS } from './admin-nav.component';

/** `/admin`: what an admin looks after, one link per section. */
@Component({
  selector: 'wp-admin-landing-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="admin">
      <h1 class="admin__title">Administration</h1>
      <p class="admin__intro">The people, the organisation and the calendar Waypoint works with.</p>
      <ul class="landing">
        @for (section of sections; track section.path) {
          <li class="admin__section landing__card">
            <h2 class="admin__section-title">
              <a [routerLink]="'/admin/' + section.path">{{ section.label }}</a>
            </h2>
            <p class="admin__muted">{{ section.summary }}</p>
          </li>
        }
      </ul>
    </div>
  `,
  styleUrl: './admin.scss',
  styles: `
    .landing {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 300px), 1fr));
      gap: 16px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .landing__card {
      margin: 0;
    }
  `,
})
export class AdminLandingPageComponent {
  protected readonly sections = ADMIN_SECTIONS;
}
