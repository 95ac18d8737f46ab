import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { STEP_STATUS_VALUES, type StepResponse, type StepStatus } from '@waypoint/contracts';
import { STEP_STATUS_LABEL } from '../shared/vocabulary';

/** The move a step's card offers first: the next column of the board (none once done). */
export const NEXT_STATUS: Readonly<Record<StepStatus, StepStatus | null>> = {
  todo: 'doing',
  doing: 'done',
  blocked: 'doing',
  done: null,
};

/**
 * What a person does with a step on the board: its next move as a button, everything else
 * (other moves, edit, send back or close a carried-over step, remove) in a "More actions" menu,
 * so a card stays small on a phone. Every control names the step. Removal asks once more.
 */
@Component({
  selector: 'wp-step-actions',
  imports: [MatButton, MatMenu, MatMenuItem, MatMenuTrigger],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = step();
    @if (confirmingRemoval()) {
      <div class="step__moves" role="group" [attr.aria-label]="'Remove ' + s.title + '?'">
        <button
          mat-flat-button
          type="button"
          class="step__move"
          [attr.aria-label]="'Really remove “' + s.title + '”'"
          (click)="remove.emit()"
        >
          Really remove?
        </button>
        <button mat-button type="button" class="step__move" (click)="keep.emit()">Keep</button>
      </div>
    } @else {
      <div class="step__moves" role="group" [attr.aria-label]="'Actions on ' + s.title">
        @if (next(); as to) {
          <button
            mat-stroked-button
            type="button"
            class="step__move"
            [attr.data-step-focus]="s.id"
            [attr.aria-label]="'Move “' + s.title + '” to ' + label[to]"
            (click)="move.emit(to)"
          >
            → {{ label[to] }}
          </button>
        }
        <button
          mat-button
          type="button"
          class="step__move"
          [attr.data-step-menu]="s.id"
          [attr.aria-label]="'More actions for “' + s.title + '”'"
          [matMenuTriggerFor]="menu"
        >
          More…
        </button>
        <mat-menu #menu="matMenu">
          @for (to of otherMoves(); track to) {
            <button mat-menu-item type="button" (click)="move.emit(to)">
              Move “{{ s.title }}” to {{ label[to] }}
            </button>
          }
          <button mat-menu-item type="button" (click)="edit.emit()">Edit “{{ s.title }}”</button>
          @if (s.movedFromMilestoneId && canSteer()) {
            <button mat-menu-item type="button" (click)="sendBack.emit()">
              Send back “{{ s.title }}” to its gate
            </button>
          }
          <button mat-menu-item type="button" (click)="askRemove.emit()">
            Remove “{{ s.title }}”
          </button>
        </mat-menu>
      </div>
    }
  `,
})
export class StepActionsComponent {
  readonly step = input.required<StepResponse>();
  /** The owner (or an admin): may send a carried-over step back to its gate. */
  readonly canSteer = input(false);
  readonly confirmingRemoval = input(false);

  readonly move = output<StepStatus>();
  readonly edit = output();
  readonly sendBack = output();
  readonly askRemove = output();
  readonly remove = output();
  readonly keep = output();

  protected readonly label = STEP_STATUS_LABEL;
  protected readonly next = computed(() => NEXT_STATUS[this.step().status]);
  protected readonly otherMoves = computed(() =>
    STEP_STATUS_VALUES.filter((s) => s !== this.step().status && s !== this.next()),
  );
}
