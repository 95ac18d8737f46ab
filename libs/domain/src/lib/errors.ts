import type {
  DecisionOutcome,
  DomainErrorCode,
  InitiativeStatus,
  MilestoneState,
} from '@waypoint/contracts';
import type { DecisionViolation } from './gate-decision';
import type { SubmissionBlocker } from './gate-submission';

/** Messages per field path of the request, e.g. `{ sponsorId: ['...'] }`. */
export type FieldErrors = Readonly<Record<string, readonly string[]>>;

/**
 * Every error raised by a domain rule: a `code` naming the rule family, a message a person can
 * read, and the messages per field of the request where the refusal concerns fields. A plain
 * class: the API's one exception filter answers it with a 422 problem carrying `code` and
 * `errors`, whatever the endpoint.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly errors?: FieldErrors,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Throws a {@link DomainError} with the code when a rule names a problem (null: the rule holds). */
export function assertRule(code: DomainErrorCode, problem: string | null, field?: string): void {
  if (problem !== null) {
    throw new DomainError(code, problem, field === undefined ? undefined : { [field]: [problem] });
  }
}

/**
 * Throws one {@link DomainError} naming every problem (joined), when there is any; each under
 * `field` when the problems concern one field of the request.
 */
export function assertRules(
  code: DomainErrorCode,
  problems: readonly string[],
  field?: string,
): void {
  if (problems.length > 0) {
    throw new DomainError(
      code,
      problems.join(' '),
      field === undefined ? undefined : { [field]: [...problems] },
    );
  }
}

/**
 * The field errors of problems written as `field: message` (the convention of the reference
 * checks): `{ field: ['message'] }`; a problem without such a prefix is left out.
 */
export function fieldErrorsOf(problems: readonly string[]): FieldErrors {
  const errors: Record<string, string[]> = {};
  for (const problem of problems) {
    const match = /^([A-Za-z][\w.]*): ([\s\S]+)$/.exec(problem);
    if (match) errors[match[1]] = [...(errors[match[1]] ?? []), match[2]];
  }
  return errors;
}

function grouped<T>(
  items: readonly T[],
  fieldOf: (item: T) => string,
  message: (item: T) => string,
): FieldErrors {
  const errors: Record<string, string[]> = {};
  for (const item of items) {
    const field = fieldOf(item);
    errors[field] = [...(errors[field] ?? []), message(item)];
  }
  return errors;
}

export class InitiativeTransitionError extends DomainError {
  constructor(
    readonly from: InitiativeStatus,
    readonly to: InitiativeStatus,
  ) {
    super('initiative_transition_forbidden', `An initiative cannot go from "${from}" to "${to}".`);
  }
}

/** A milestone event as named in errors: `start`, `submit`, `decide:go`, ... */
export type MilestoneEventName = 'start' | 'submit' | 'resume' | `decide:${DecisionOutcome}`;

export class MilestoneTransitionError extends DomainError {
  constructor(
    readonly from: MilestoneState,
    readonly event: MilestoneEventName,
  ) {
    super(
      'milestone_transition_forbidden',
      `A milestone in state "${from}" does not accept "${event}".`,
    );
  }
}

export class MilestoneStartBlockedError extends DomainError {
  constructor(
    readonly index: number,
    readonly reason: string,
  ) {
    super('milestone_start_blocked', reason);
  }
}

/**
 * Raised with every precise missing item, so the caller can show them all at once: in
 * `blockers`, and in `errors` under `criteria` (exit criteria) and `measures` (readings).
 */
export class SubmissionBlockedError extends DomainError {
  constructor(readonly blockers: readonly SubmissionBlocker[]) {
    super(
      'submission_blocked',
      `The milestone cannot be submitted yet. ${blockers.map((b) => b.message).join(' ')}`,
      grouped(
        blockers,
        (b) => (b.kind === 'measure_not_read' ? 'measures' : 'criteria'),
        (b) => b.message,
      ),
    );
  }
}

/** Each violation under its field: `rationale`, `conditions` or `conditions.<index>`. */
export class DecisionInvalidError extends DomainError {
  constructor(readonly violations: readonly DecisionViolation[]) {
    super(
      'decision_invalid',
      `The decision is incomplete. ${violations.map((v) => v.message).join(' ')}`,
      grouped(
        violations,
        (v) =>
          v.kind === 'rationale_missing'
            ? 'rationale'
            : v.kind === 'condition_blank'
              ? `conditions.${v.index}`
              : 'conditions',
        (v) => v.message,
      ),
    );
  }
}

export class DeciderNotAllowedError extends DomainError {
  constructor(readonly reason: string) {
    super('decider_not_allowed', reason);
  }
}

export class InvalidWeightError extends DomainError {
  constructor(readonly weight: number) {
    super(
      'invalid_weight',
      `A measure weight must be a finite number of at least 0, got ${weight}.`,
    );
  }
}

export class InvalidProgressError extends DomainError {
  constructor(readonly progress: number) {
    super('invalid_progress', `A progress must be a finite number or null, got ${progress}.`);
  }
}
