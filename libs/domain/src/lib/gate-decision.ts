import type { DecisionOutcome, InitiativeStatus, Role } from '@waypoint/contracts';
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
      message: `A rationale is required to decide "${input.outcome}".`,
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
      message: `Conditions are only for "go_with_conditions", not "${input.outcome}".`,
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
}

/**
 * Why this person may not decide the gate, or null when they may: the decider is never the
 * submitter (no approving one's own gate, even as sponsor or executive) and is either the
 * initiative's sponsor or an executive. Admins and managers decide only as the sponsor.
 */
export function deciderProblem(input: DeciderInput): string | null {
  if (input.deciderId === input.submitterId) {
    return 'The person who submitted a gate cannot decide it.';
  }
  if (input.deciderId !== input.sponsorId && input.deciderRole !== 'executive') {
    return 'Only the sponsor or an executive can decide a gate.';
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
