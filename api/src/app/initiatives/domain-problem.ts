import { UnprocessableEntityException } from '@nestjs/common';
import { DomainError } from '@waypoint/domain';

/**
 * A rule of libs/domain refused (its errors are plain classes): 422 with the rule's own message,
 * which names what is wrong (e.g. both statuses of a forbidden transition).
 */
export function domainProblem(error: DomainError): UnprocessableEntityException {
  switch (error.code) {
    case 'initiative_transition_forbidden':
    case 'milestone_transition_forbidden':
    case 'milestone_start_blocked':
    case 'submission_blocked':
    case 'decision_invalid':
    case 'decider_not_allowed':
    case 'invalid_weight':
    case 'invalid_progress':
      return new UnprocessableEntityException(error.message);
  }
}

/** Runs a domain rule; a DomainError it throws becomes its 422. */
export function applyRule<T>(rule: () => T): T {
  try {
    return rule();
  } catch (error) {
    if (error instanceof DomainError) throw domainProblem(error);
    throw error;
  }
}
