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
} from '@waypoint/contracts';
import { AuthStore } from '../auth/auth.store';
import { genericErrorMessage, isPreconditionFailed } from '../shared/problem';
import { InitiativesApi } from '../shared/api';

interface Action {
  to: InitiativeStatus;
  label: string;
  primary: boolean;
}

/** The status moves the signed-in person may make: the owner proposes, the sponsor accepts. */
export function statusActions(
  initiative: InitiativeResponse,
  user: { id: string; role: string } | null,
): Action[] {
  if (!user) return [];
  const owner = user.role === 'admin' || initiative.owner.id === user.id;
  const sponsor = user.role === 'admin' || initiative.sponsor?.id === user.id;
  switch (initiative.status) {
    case 'draft':
      return owner ? [{ to: 'proposed', label: 'Propose to the sponsor', primary: true }] : [];
    case 'proposed':
      return sponsor
        ? [
            { to: 'active', label: 'Accept and start', primary: true },
            { to: 'draft', label: 'Send back for rework', primary: false },
          ]
        : [];
    case 'active':
    case 'on_hold':
    case 'completed':
    case 'stopped':
      return [];
  }
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
