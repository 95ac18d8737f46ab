import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  CONDITION_NOTE_MAX_LENGTH,
  type DecisionConditionResponse,
  type GateDecisionResponse,
} from '@waypoint/contracts';
import { DateTimePipe } from '../shared/format';
import { fieldErrorsOf, genericErrorMessage, isPreconditionFailed } from '../shared/problem';
import { outcomeLabel } from '../shared/vocabulary';

/** What closing a condition asks of its parent: the call, which throws the HTTP error. */
export type CloseCondition = (
  condition: DecisionConditionResponse,
  note: string,
) => Promise<unknown>;

/**
 * The decisions on one gate, on the gate track: outcome in words, decider, date, rationale and
 * the conditions of a go with conditions, each open or closed (who, when, with what note). Whoever
 * may close a condition closes it here with a note.
 */
@Component({
  selector: 'wp-gate-decisions',
  imports: [DateTimePipe, FormsModule, MatButton, MatFormField, MatLabel, MatHint, MatInput],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="decisions" [attr.aria-label]="'Decisions on ' + gateTitle()">
      @for (d of decisions(); track d.id) {
        <li class="decision" [attr.data-outcome]="d.outcome">
          <p class="decision__head">
            <strong>{{ label(d.outcome) }}</strong>
            <span> · {{ d.decider.displayName }} · {{ d.decidedAt | dateTime }}</span>
          </p>
          @if (d.rationale) {
            <p class="decision__rationale">{{ d.rationale }}</p>
          }
          @if (d.conditions.length > 0) {
            <ul class="conditions" aria-label="Conditions">
              @for (c of d.conditions; track c.id) {
                <li class="condition" [id]="'condition-' + c.id">
                  <span class="condition__state" [class.condition__state--open]="c.open">
                    {{ c.open ? 'Open' : 'Closed' }}
                  </span>
                  <span class="condition__text">{{ c.text }}</span>
                  @if (!c.open) {
                    <span class="condition__closed">
                      Closed by {{ c.closedBy?.displayName ?? 'someone' }}
                      @if (c.closedAt) {
                        on {{ c.closedAt | dateTime }}
                      }
                      @if (c.closeNote) {
                        : “{{ c.closeNote }}”
                      }
                    </span>
                  } @else if (canClose()) {
                    @if (closing() === c.id) {
                      <form class="condition__form" (ngSubmit)="close(c)">
                        <mat-form-field>
                          <mat-label>How the condition was met</mat-label>
                          <textarea
                            matInput
                            name="note"
                            rows="2"
                            [maxLength]="noteMax"
                            [ngModel]="note()"
                            (ngModelChange)="note.set($event)"
                          ></textarea>
                          <mat-hint align="end">{{ note().length }} / {{ noteMax }}</mat-hint>
                        </mat-form-field>
                        @if (error(); as e) {
                          <p class="error" role="alert">{{ e }}</p>
                        }
                        <div class="condition__actions">
                          <button mat-flat-button type="submit" [disabled]="saving()">
                            {{ saving() ? 'Closing…' : 'Close the condition' }}
                          </button>
                          <button mat-stroked-button type="button" (click)="cancel()">
                            Cancel
                          </button>
                        </div>
                      </form>
                    } @else {
                      <button
                        mat-stroked-button
                        type="button"
                        class="condition__open-form"
                        [attr.aria-label]="'Close with a note: “' + c.text + '”'"
                        (click)="open(c)"
                      >
                        Close with a note
                      </button>
                    }
                  }
                </li>
              }
            </ul>
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .decisions,
    .conditions {
      margin: 8px 0 0;
      padding: 0;
      list-style: none;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .decision {
      padding: 6px 10px;
      border-left: 3px solid var(--mat-sys-outline);
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface);
    }
    .decision[data-outcome='go'],
    .decision[data-outcome='go_with_conditions'] {
      border-left-color: var(--mat-sys-primary);
    }
    .decision[data-outcome='rejected'],
    .decision[data-outcome='changes_requested'] {
      border-left-color: var(--mat-sys-error);
    }
    .decision__head,
    .decision__rationale {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .decision__head span {
      font: var(--mat-sys-body-small);
    }
    .decision__rationale {
      white-space: pre-line;
      font-style: italic;
    }
    .condition {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: baseline;
    }
    .condition__text {
      flex: 1 1 12rem;
      overflow-wrap: anywhere;
    }
    .condition__state {
      padding: 0 8px;
      border-radius: 999px;
      font: var(--mat-sys-label-small);
      background: var(--mat-sys-surface-container-high);
    }
    .condition__state--open {
      color: var(--mat-sys-on-secondary-container);
      background: var(--mat-sys-secondary-container);
    }
    .condition__closed {
      flex-basis: 100%;
      font: var(--mat-sys-body-small);
      overflow-wrap: anywhere;
    }
    .condition__form {
      flex-basis: 100%;
      display: flex;
      flex-direction: column;
    }
    .condition__actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .error {
      margin: 0 0 8px;
      padding: 8px 12px;
      border-radius: 8px;
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
  `,
})
export class GateDecisionsComponent {
  readonly decisions = input.required<readonly GateDecisionResponse[]>();
  readonly gateTitle = input.required<string>();
  readonly canClose = input(false);
  readonly closeCondition = input.required<CloseCondition>();
  /** After a condition was closed. */
  readonly closed = output<void>();

  protected readonly noteMax = CONDITION_NOTE_MAX_LENGTH;
  protected readonly label = outcomeLabel;
  protected readonly closing = signal<string | null>(null);
  protected readonly note = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly saving = signal(false);

  protected open(condition: DecisionConditionResponse): void {
    this.closing.set(condition.id);
    this.note.set('');
    this.error.set(null);
  }

  protected cancel(): void {
    this.closing.set(null);
    this.error.set(null);
  }

  protected async close(condition: DecisionConditionResponse): Promise<void> {
    const note = this.note().trim();
    if (!note) {
      this.error.set('Say how the condition was met.');
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    try {
      await this.closeCondition()(condition, note);
      this.closing.set(null);
      this.closed.emit();
    } catch (error) {
      this.error.set(
        isPreconditionFailed(error)
          ? 'Someone changed this condition meanwhile; it has been reloaded.'
          : (fieldErrorsOf(error, 'note')[0] ?? genericErrorMessage(error)),
      );
    } finally {
      this.saving.set(false);
    }
  }
}
