import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import type {
  InitiativeResponse,
  InitiativeStatus,
  InitiativeTransitionRequest,
  Role,
} from '@waypoint/contracts';
import { nextInitiativeStatuses, transitionActorProblem } from '@waypoint/domain';
import { AuthStore } from '../auth/auth.store';
import { genericErrorMessage, isPreconditionFailed } from '../shared/problem';
import { InitiativesApi } from '../shared/api';

interface Action {
  to: InitiativeStatus;
  label: string;
  primary: boolean;
  /** For a move that cannot be undone: the question asked before it is made. */
  confirm?: { question: string; yes: string };
}

/** The button of each move, by the status it leads to (and, for `active`, where from). */
function actionOf(from: InitiativeStatus, to: InitiativeStatus): Action {
  switch (to) {
    case 'proposed':
      return { to, label: 'Propose to the sponsor', primary: true };
    case 'active':
      return from === 'proposed'
        ? { to, label: 'Accept and start', primary: true }
        : { to, label: 'Resume', primary: true };
    case 'draft':
      return { to, label: 'Send back for rework', primary: false };
    case 'on_hold':
      return { to, label: 'Put on hold', primary: false };
    case 'completed':
      return {
        to,
        label: 'Complete',
        primary: false,
        confirm: {
          question: 'Complete this initiative? A completed initiative cannot be reopened.',
          yes: 'Complete the initiative',
        },
      };
    case 'stopped':
      return {
        to,
        label: 'Stop',
        primary: false,
        confirm: {
          question: 'Stop this initiative? A stopped initiative cannot be restarted.',
          yes: 'Stop the initiative',
        },
      };
  }
}

/**
 * The status moves the signed-in person may make (libs/domain), the forward move first: the
 * owner, the sponsor and admins move an initiative (permission `initiatives.transition`); only
 * the owner proposes and only the sponsor accepts (`transitionActorProblem`).
 */
export function statusActions(
  initiative: InitiativeResponse,
  user: { id: string; role: Role } | null,
): Action[] {
  if (!user) return [];
  const actor = {
    role: user.role,
    isOwner: initiative.owner.id === user.id,
    isSponsor: initiative.sponsor?.id === user.id,
  };
  if (user.role !== 'admin' && !actor.isOwner && !actor.isSponsor) return [];
  const from = initiative.status;
  return nextInitiativeStatuses(from)
    .filter((to) => transitionActorProblem(from, to, actor) === null)
    .map((to) => actionOf(from, to))
    .sort((a, b) => Number(b.primary) - Number(a.primary));
}

/** Buttons for the next status of an initiative (POST /api/initiatives/:id/transitions). */
@Component({
  selector: 'wp-status-actions',
  imports: [FormsModule, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (confirming(); as c) {
      <div class="confirm" role="group" aria-labelledby="status-confirm-question">
        <p id="status-confirm-question">{{ c.confirm?.question }}</p>
        <label for="status-confirm-note">Why (optional, kept in the history)</label>
        <textarea id="status-confirm-note" rows="2" maxlength="2000" [(ngModel)]="note"></textarea>
        <div class="status-actions">
          <button mat-flat-button type="button" [disabled]="busy()" (click)="go(c.to)">
            {{ c.confirm?.yes }}
          </button>
          <button mat-stroked-button type="button" [disabled]="busy()" (click)="cancel()">
            Cancel
          </button>
        </div>
      </div>
    } @else if (actions().length > 0) {
      <div class="status-actions">
        @for (a of actions(); track a.to) {
          @if (a.primary) {
            <button mat-flat-button type="button" [disabled]="busy()" (click)="choose(a)">
              {{ a.label }}
            </button>
          } @else {
            <button mat-stroked-button type="button" [disabled]="busy()" (click)="choose(a)">
              {{ a.label }}
            </button>
          }
        }
      </div>
    }
    @if (error(); as e) {
      <p class="error" role="alert">The initiative did not move. {{ e }}</p>
    }
  `,
  styles: `
    .status-actions {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
      margin-top: 0.5rem;
    }
    .confirm {
      display: grid;
      gap: 0.25rem;
      max-width: 36rem;
      margin-top: 0.5rem;
    }
    .confirm p {
      margin: 0;
      font-weight: 500;
    }
    .confirm textarea {
      font: inherit;
      width: 100%;
      box-sizing: border-box;
    }
  `,
})
export class StatusActionsComponent {
  private readonly initiativesApi = inject(InitiativesApi);
  private readonly auth = inject(AuthStore);

  readonly initiative = input.required<InitiativeResponse>();
  /** After a move, or when the initiative was changed elsewhere: reload it. */
  readonly changed = output<void>();

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly actions = computed(() => statusActions(this.initiative(), this.auth.user()));
  /** A move that cannot be undone waits here for a second click (with an optional note). */
  protected readonly confirming = signal<Action | null>(null);
  protected note = '';

  protected choose(action: Action): void {
    this.error.set(null);
    if (action.confirm) {
      this.note = '';
      this.confirming.set(action);
      return;
    }
    void this.go(action.to);
  }

  protected cancel(): void {
    this.confirming.set(null);
  }

  protected async go(to: InitiativeStatus): Promise<void> {
    const i = this.initiative();
    const note = this.confirming() ? this.note.trim() : '';
    const request: InitiativeTransitionRequest = note ? { to, note } : { to };
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.initiativesApi.transition(i, request);
      this.confirming.set(null);
      this.changed.emit();
    } catch (error) {
      if (isPreconditionFailed(error)) {
        this.changed.emit();
        return;
      }
      this.error.set(genericErrorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
