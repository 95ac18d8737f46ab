import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import {
  CONDITION_TEXT_MAX_LENGTH,
  CONDITIONS_MAX,
  DECISION_RATIONALE_MAX_LENGTH,
  type DecideGateRequest,
  type DecisionOutcome,
} from '@waypoint/contracts';
import { decisionRules, decisionViolations } from '@waypoint/domain';
import { focusAfterRender } from '../shared/focus-after-render';
import { fieldErrorsOf, genericErrorMessage, problemOf } from '../shared/problem';
import { OUTCOMES } from '../shared/vocabulary';

/**
 * The decision on a gate: an outcome, a rationale (required unless plain go) and, for go with
 * conditions only, a list of conditions. Validates with the domain's decision rules before it
 * emits; shows the server's field errors (422 problem details) under the right field.
 */
@Component({
  selector: 'wp-decision-form',
  imports: [
    FormsModule,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatRadioButton,
    MatRadioGroup,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './decision-form.component.html',
  styleUrl: './approvals.scss',
})
export class DecisionFormComponent {
  /** True while the decision is being sent. */
  readonly deciding = input(false);
  /** The failure of the last attempt (problem details from the API), if any. */
  readonly error = input<unknown>(null);
  /** A complete decision, ready to send. */
  readonly decide = output<DecideGateRequest>();

  private readonly focusAfterRender = focusAfterRender();
  protected readonly outcomes = OUTCOMES;
  protected readonly rationaleMax = DECISION_RATIONALE_MAX_LENGTH;
  protected readonly conditionMax = CONDITION_TEXT_MAX_LENGTH;
  protected readonly conditionsMax = CONDITIONS_MAX;

  readonly outcome = signal<DecisionOutcome | null>(null);
  readonly rationale = signal('');
  readonly conditions = signal<string[]>([]);
  /** Errors show once the user has tried to decide. */
  protected readonly attempted = signal(false);

  protected readonly rules = computed(() => {
    const outcome = this.outcome();
    return outcome ? decisionRules(outcome) : null;
  });
  protected readonly conditionsShown = computed(() => this.rules()?.conditions === 'required');

  private readonly violations = computed(() => {
    const outcome = this.outcome();
    if (!outcome) return [];
    return decisionViolations({
      outcome,
      rationale: this.rationale(),
      conditions: this.conditionsShown() ? this.conditions() : [],
    });
  });

  protected readonly outcomeError = computed(() => {
    if (this.attempted() && !this.outcome()) return 'Choose an outcome.';
    return fieldErrorsOf(this.error(), 'outcome')[0] ?? null;
  });
  protected readonly rationaleError = computed(() => {
    if (this.attempted()) {
      const missing = this.violations().find((v) => v.kind === 'rationale_missing');
      if (missing) return missing.message;
      if (this.rationale().length > DECISION_RATIONALE_MAX_LENGTH) {
        return `Keep the rationale under ${DECISION_RATIONALE_MAX_LENGTH} characters.`;
      }
    }
    return fieldErrorsOf(this.error(), 'rationale')[0] ?? null;
  });
  protected readonly conditionsError = computed(() => {
    if (this.attempted()) {
      const missing = this.violations().find((v) => v.kind === 'conditions_missing');
      if (missing) return missing.message;
    }
    return fieldErrorsOf(this.error(), 'conditions')[0] ?? null;
  });
  protected conditionError(index: number): string | null {
    if (this.attempted()) {
      const blank = this.violations().find(
        (v) => v.kind === 'condition_blank' && v.index === index,
      );
      if (blank) return blank.message;
      if ((this.conditions()[index] ?? '').length > CONDITION_TEXT_MAX_LENGTH) {
        return `Keep a condition under ${CONDITION_TEXT_MAX_LENGTH} characters.`;
      }
    }
    return fieldErrorsOf(this.error(), `conditions.${index}`)[0] ?? null;
  }

  /** The server's message when it is not about one field (e.g. "the submitter cannot decide"). */
  protected readonly generalError = computed(() => {
    const error = this.error();
    if (!error) return null;
    const problem = problemOf(error);
    const fields = Object.keys(problem?.errors ?? {});
    const known = fields.filter(
      (f) => f === 'outcome' || f === 'rationale' || f.startsWith('conditions'),
    );
    if (problem && known.length > 0 && known.length === fields.length) {
      return 'The decision was not recorded: correct the fields below.';
    }
    return genericErrorMessage(error);
  });

  /** Material shows an input in error when these say so (client rules or the server's answer). */
  protected readonly rationaleMatcher: ErrorStateMatcher = {
    isErrorState: () => this.rationaleError() !== null,
  };
  private readonly conditionMatchers: ErrorStateMatcher[] = [];
  protected conditionMatcher(index: number): ErrorStateMatcher {
    this.conditionMatchers[index] ??= { isErrorState: () => this.conditionError(index) !== null };
    return this.conditionMatchers[index];
  }

  protected setCondition(index: number, value: string): void {
    this.conditions.update((list) => list.map((c, i) => (i === index ? value : c)));
  }

  protected addCondition(): void {
    if (this.conditions().length >= CONDITIONS_MAX) return;
    this.conditions.update((list) => [...list, '']);
    const index = this.conditions().length - 1;
    this.focusAfterRender(`#wp-condition-${index}`);
  }

  protected removeCondition(index: number): void {
    this.conditions.update((list) => list.filter((_, i) => i !== index));
    this.focusAfterRender('.wp-decision__add');
  }

  protected submit(): void {
    this.attempted.set(true);
    const outcome = this.outcome();
    const tooLong =
      this.rationale().length > DECISION_RATIONALE_MAX_LENGTH ||
      (this.conditionsShown() &&
        this.conditions().some((c) => c.length > CONDITION_TEXT_MAX_LENGTH));
    if (!outcome || this.violations().length > 0 || tooLong) {
      this.focusAfterRender(
        outcome
          ? '.mat-form-field-invalid input, .mat-form-field-invalid textarea, .wp-decision__add[aria-describedby]'
          : '.wp-decision__radios input',
      );
      return;
    }
    const rationale = this.rationale().trim();
    const request: DecideGateRequest = { outcome };
    if (rationale) request.rationale = rationale;
    if (this.conditionsShown()) request.conditions = this.conditions().map((c) => c.trim());
    this.decide.emit(request);
  }
}
