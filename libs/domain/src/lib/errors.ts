import type {
  DecisionOutcome,
  DomainErrorCode,
  InitiativeStatus,
  MilestoneState,
} from '@waypoint/contracts';

/**
 * Base of every error raised by a domain rule. A plain class: the API maps it to an RFC 9457
 * problem by its `code` (one switch over `DomainErrorCode`), never by its message.
 */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;

  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class InitiativeTransitionError extends DomainError {
  readonly code = 'initiative_transition_forbidden';

  constructor(
    readonly from: InitiativeStatus,
    readonly to: InitiativeStatus,
  ) {
    super(`An initiative cannot go from "${from}" to "${to}".`);
  }
}

/** A milestone event as named in errors: `start`, `submit`, `decide:go`, ... */
export type MilestoneEventName =
  | 'start'
  | 'submit'
  | 'withdraw'
  | 'resume'
  | `decide:${DecisionOutcome}`;

export class MilestoneTransitionError extends DomainError {
  readonly code = 'milestone_transition_forbidden';

  constructor(
    readonly from: MilestoneState,
    readonly event: MilestoneEventName,
  ) {
    super(`A milestone in state "${from}" does not accept "${event}".`);
  }
}

export class MilestoneStartBlockedError extends DomainError {
  readonly code = 'milestone_start_blocked';

  constructor(
    readonly index: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Raised with every precise missing item, so the caller can show them all at once. */
export class SubmissionBlockedError extends DomainError {
  readonly code = 'submission_blocked';

  constructor(readonly blockers: readonly string[]) {
    super(`The milestone cannot be submitted yet. ${blockers.join(' ')}`);
  }
}

export class DecisionInvalidError extends DomainError {
  readonly code = 'decision_invalid';

  constructor(readonly violations: readonly string[]) {
    super(`The decision is incomplete. ${violations.join(' ')}`);
  }
}

export class DeciderNotAllowedError extends DomainError {
  readonly code = 'decider_not_allowed';

  constructor(readonly reason: string) {
    super(reason);
  }
}

export class InvalidWeightError extends DomainError {
  readonly code = 'invalid_weight';

  constructor(readonly weight: number) {
    super(`A measure weight must be a finite number of at least 0, got ${weight}.`);
  }
}

export class InvalidProgressError extends DomainError {
  readonly code = 'invalid_progress';

  constructor(readonly progress: number) {
    super(`A progress must be a finite number or null, got ${progress}.`);
  }
}
