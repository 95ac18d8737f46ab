import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
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
      return { to, label: 'Complete', primary: false };
    case 'stopped':
      return { to, label: 'Stop', primary: false };
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
  imports: [MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (actions().length > 0) {
      <div class="status-actions">
        @for (a of actions(); track a.to) {
          @if (a.primary) {
            <button mat-flat-button type="button" [disabled]="busy()" (click)="go(a.to)">
              {{ a.label }}
            </button>
          } @else {
            <button mat-stroked-button type="button" [disabled]="busy()" (click)="go(a.to)">
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

  protected async go(to: InitiativeStatus): Promise<void> {
    const i = this.initiative();
    const request: InitiativeTransitionRequest = { to };
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.initiativesApi.transition(i, request);
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
