import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { PersonResponse, TeamMember } from '@waypoint/contracts';
import { fieldErrorsOf, genericErrorMessage, isPreconditionFailed } from '../shared/problem';

/** Saves the whole team (PATCH teamIds); throws the HTTP error. */
export type SaveTeam = (teamIds: string[]) => Promise<unknown>;

/** How many departments a team comes from (people without one are not counted). */
export function departmentCount(team: readonly TeamMember[]): number {
  return new Set(team.flatMap((m) => (m.department ? [m.department.id] : []))).size;
}

/**
 * The team of an initiative: each person with their department. The owner adds and removes
 * people; a team from one department gets a gentle warning (customer problems cross silos).
 */
@Component({
  selector: 'wp-team-panel',
  imports: [FormsModule, MatButton, MatFormField, MatLabel, MatInput],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (team().length === 0) {
      <p>No team members yet.</p>
    } @else {
      <ul class="team" aria-label="Team">
        @for (m of team(); track m.user.id) {
          <li class="team__member">
            <span>
              {{ m.user.displayName }}
              <span class="team__dept">{{ m.department?.name ?? 'No department' }}</span>
            </span>
            @if (canEdit()) {
              <button
                mat-stroked-button
                type="button"
                [disabled]="saving()"
                [attr.aria-label]="'Remove ' + m.user.displayName + ' from the team'"
                (click)="remove(m.user.id)"
              >
                Remove
              </button>
            }
          </li>
        }
      </ul>
    }
    @if (oneDepartment()) {
      <p class="team__warning">
        The whole team comes from one department. Customer problems cross silos: think of adding
        someone from another department.
      </p>
    }
    @if (canEdit()) {
      <form class="team__add" (ngSubmit)="add()">
        <mat-form-field>
          <mat-label>Add a person</mat-label>
          <select
            matNativeControl
            name="person"
            [ngModel]="chosen()"
            (ngModelChange)="chosen.set($event)"
          >
            <option value="">Choose someone</option>
            @for (p of candidates(); track p.id) {
              <option [value]="p.id">
                {{ p.displayName }} · {{ p.department?.name ?? 'No department' }}
              </option>
            }
          </select>
        </mat-form-field>
        <button mat-stroked-button type="submit" [disabled]="saving() || !chosen()">
          Add to the team
        </button>
      </form>
      @if (error(); as e) {
        <p class="team__error" role="alert">{{ e }}</p>
      }
    }
  `,
  styles: `
    .team {
      margin: 0;
      padding: 0;
      list-style: none;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .team__member {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    .team__dept {
      margin-left: 6px;
      padding: 0 8px;
      border-radius: 999px;
      font: var(--mat-sys-label-small);
      background: var(--mat-sys-surface-container-high);
    }
    .team__warning {
      margin: 8px 0 0;
      padding: 6px 10px;
      border-left: 3px solid var(--mat-sys-tertiary);
      background: var(--mat-sys-surface-container-low);
      font: var(--mat-sys-body-small);
    }
    .team__add {
      display: flex;
      flex-wrap: wrap;
      gap: 0 8px;
      align-items: baseline;
      margin-top: 8px;
    }
    .team__add mat-form-field {
      flex: 1 1 12rem;
      min-width: 0;
    }
    .team__error {
      margin: 0;
      padding: 8px 12px;
      border-radius: 8px;
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
  `,
})
export class TeamPanelComponent {
  readonly team = input.required<readonly TeamMember[]>();
  /** The owner (not offered: the owner is on every initiative they own). */
  readonly ownerId = input.required<string>();
  readonly people = input<readonly PersonResponse[]>([]);
  readonly canEdit = input(false);
  readonly save = input.required<SaveTeam>();

  protected readonly chosen = signal('');
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly oneDepartment = computed(
    () => this.team().length > 0 && departmentCount(this.team()) === 1,
  );
  protected readonly candidates = computed(() => {
    const taken = new Set([this.ownerId(), ...this.team().map((m) => m.user.id)]);
    return this.people().filter((p) => !taken.has(p.id));
  });

  protected add(): Promise<void> {
    const id = this.chosen();
    if (!id) return Promise.resolve();
    return this.write([...this.team().map((m) => m.user.id), id], () => this.chosen.set(''));
  }

  protected remove(userId: string): Promise<void> {
    return this.write(
      this.team()
        .map((m) => m.user.id)
        .filter((id) => id !== userId),
    );
  }

  private async write(teamIds: string[], done?: () => void): Promise<void> {
    this.saving.set(true);
    this.error.set(null);
    try {
      await this.save()(teamIds);
      done?.();
    } catch (error) {
      this.error.set(
        isPreconditionFailed(error)
          ? 'Someone changed this initiative meanwhile; it has been reloaded. Try again.'
          : (fieldErrorsOf(error, 'teamIds')[0] ?? genericErrorMessage(error)),
      );
    } finally {
      this.saving.set(false);
    }
  }
}
