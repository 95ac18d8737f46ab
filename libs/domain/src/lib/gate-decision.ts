import type { DecisionOutcome, InitiativeStatus, Role } from '@waypoint/contracts';
import { SPONSOR_ROLES } from './initiative-people';
import { DecisionInvalidError, DeciderNotAllowedError, InitiativeTransitionError } from './errors';
import { assertInitiativeTransition } from './initiative-status';

/** What a decision with this outcome must carry. */
export interface DecisionRule {
  /** A rationale is required for every outcome but a plain go (where it stays optional). */
  rationaleRequired: boolean;
  /** Conditions are required for go with conditions and forbidden for every other outcome. */
  conditions: 'required' | 'forbidden';
}

export function decisionRules(outcome: DecisionOutcome): DecisionRule {
  return {
    rationaleRequired: outcome !== 'go',
    conditions: outcome === 'go_with_conditions' ? 'required' : 'forbidden',
  };
}

export interface DecisionInput {
  outcome: DecisionOutcome;
  rationale?: string | null;
  conditions?: readonly string[];
}

export type DecisionViolation =
  | { kind: 'rationale_missing'; message: string }
  | { kind: 'conditions_missing'; message: string }
  | { kind: 'condition_blank'; index: number; message: string }
  | { kind: 'conditions_forbidden'; message: string };

/** An outcome in the words of a sentence ("go with conditions"), never its code. */
export function outcomeWords(outcome: DecisionOutcome): string {
  switch (outcome) {
    case 'go':
      return 'go';
    case 'go_with_conditions':
      return 'go with conditions';
    case 'changes_requested':
      return 'changes requested';
    case 'on_hold':
      return 'on hold';
    case 'rejected':
      return 'rejected';
  }
}

/**
 * What is wrong with a decision per {@link decisionRules}; empty when it is complete. A rationale
 * or condition made only of white space counts as missing.
 */
export function decisionViolations(input: DecisionInput): DecisionViolation[] {
  const rules = decisionRules(input.outcome);
  const conditions = input.conditions ?? [];
  const violations: DecisionViolation[] = [];
  if (rules.rationaleRequired && (input.rationale ?? '').trim() === '') {
    violations.push({
      kind: 'rationale_missing',
      message: `A rationale is required for a decision of "${outcomeWords(input.outcome)}".`,
    });
  }
  if (rules.conditions === 'required') {
    if (conditions.length === 0) {
      violations.push({
        kind: 'conditions_missing',
        message: 'A go with conditions needs at least one condition.',
      });
    }
    conditions.forEach((condition, index) => {
      if (condition.trim() === '') {
        violations.push({
          kind: 'condition_blank',
          index,
          message: `Condition ${index + 1} is empty.`,
        });
      }
    });
  } else if (conditions.length > 0) {
    violations.push({
      kind: 'conditions_forbidden',
      message: `Conditions are only for a go with conditions, not for "${outcomeWords(input.outcome)}".`,
    });
  }
  return violations;
}

/** Throws {@link DecisionInvalidError} listing every violation, if any. */
export function assertDecisionValid(input: DecisionInput): void {
  const violations = decisionViolations(input);
  if (violations.length > 0) {
    throw new DecisionInvalidError(violations);
  }
}

export interface DeciderInput {
  deciderId: string;
  deciderRole: Role;
  sponsorId: string;
  submitterId: string;
  /** The initiative's owner: never decides its gates (separation of duties). */
  ownerId: string;
}

/**
 * Why this person may not decide the gate, or null when they may. Separation of duties: the
 * decider is neither the submitter (no approving one's own gate, even as sponsor or executive)
 * nor the initiative's owner (who answers for the work, even once promoted to executive or when
 * an admin submitted the gate). Beyond that the decider is an executive, or the sponsor while
 * the sponsor holds a role that sponsors (executive or admin): a demoted sponsor no longer
 * decides.
 */
export function deciderProblem(input: DeciderInput): string | null {
  if (input.deciderId === input.submitterId) {
    return 'The person who submitted a gate cannot decide it.';
  }
  if (input.deciderId === input.ownerId) {
    return "The initiative's owner cannot decide its gates.";
  }
  const asSponsor =
    input.deciderId === input.sponsorId && SPONSOR_ROLES.includes(input.deciderRole);
  if (!asSponsor && input.deciderRole !== 'executive') {
    return 'Only the sponsor (while an executive) or an executive can decide a gate.';
  }
  return null;
}

export function canDecide(input: DeciderInput): boolean {
  return deciderProblem(input) === null;
}

export function assertCanDecide(input: DeciderInput): void {
  const reason = deciderProblem(input);
  if (reason !== null) {
    throw new DeciderNotAllowedError(reason);
  }
}

/**
 * The initiative's status after a gate decision: go or go with conditions keeps it active (or
 * completes it when the decided milestone is the last one), changes requested keeps it active,
 * on hold holds it, rejected stops it. Gates are decided only while the initiative is active or
 * on hold: throws `InitiativeTransitionError` from any other status, or when the current status
 * cannot make the change (completing an initiative that is on hold).
 */
export function initiativeStatusAfterDecision(
  current: InitiativeStatus,
  outcome: DecisionOutcome,
  options: { isFinalMilestone: boolean },
): InitiativeStatus {
  const target = statusForOutcome(outcome, options.isFinalMilestone);
  if (current !== 'active' && current !== 'on_hold') {
    throw new InitiativeTransitionError(current, target);
  }
  return moveTo(current, target);
}

/**
 * The initiative's status when a held or sent-back milestone is resumed: active again.
 * Throws `InitiativeTransitionError` from a status that cannot become active.
 */
export function initiativeStatusAfterResume(current: InitiativeStatus): InitiativeStatus {
  return moveTo(current, 'active');
}

function statusForOutcome(outcome: DecisionOutcome, isFinalMilestone: boolean): InitiativeStatus {
  switch (outcome) {
    case 'go':
    case 'go_with_conditions':
      return isFinalMilestone ? 'completed' : 'active';
    case 'changes_requested':
      return 'active';
    case 'on_hold':
      return 'on_hold';
    case 'rejected':
      return 'stopped';
  }
}

function moveTo(current: InitiativeStatus, target: InitiativeStatus): InitiativeStatus {
  if (current !== target) {
    assertInitiativeTransition(current, target);
  }
  return target;
}
