import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { DomainErrorCode, GateBlocker } from '@waypoint/contracts';
import {
  type DecisionViolation,
  DomainError,
  SubmissionBlockedError,
  DecisionInvalidError,
} from '@waypoint/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem } from './problem';
import { requestIdOf } from './request-id';

/** What a gate rule answer carries besides its detail (RFC 9457 extension members). */
export interface GateProblemExtras {
  /** The domain rule that refused, e.g. `milestone_transition_forbidden`. */
  code?: DomainErrorCode;
  errors?: Record<string, string[]>;
  blockers?: GateBlocker[];
}

/**
 * A business rule of the gate workflow refused the request: 422 with a detail that names what
 * is wrong and, where there are several items, each of them in `errors` (and `blockers`).
 */
export class GateProblemException extends UnprocessableEntityException {
  constructor(
    detail: string,
    readonly extras: GateProblemExtras = {},
  ) {
    super(detail);
  }
}

/** The 422 of a blocked submission: every missing item, by criterion label and measure name. */
export function submissionBlocked(blockers: readonly GateBlocker[]): GateProblemException {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string): void => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  for (const blocker of blockers) {
    switch (blocker.kind) {
      case 'no_exit_criteria':
      case 'criterion_unchecked':
        add('criteria', blocker.message);
        break;
      case 'measure_not_read':
        add('measures', blocker.message);
        break;
    }
  }
  const error = new SubmissionBlockedError(blockers.map((b) => b.message));
  return new GateProblemException(error.message, {
    code: error.code,
    errors,
    blockers: [...blockers],
  });
}

/** The 422 of an incomplete decision, with each violation under its field. */
export function decisionInvalid(violations: readonly DecisionViolation[]): GateProblemException {
  const errors: Record<string, string[]> = {};
  for (const violation of violations) {
    const field =
      violation.kind === 'rationale_missing'
        ? 'rationale'
        : violation.kind === 'condition_blank'
          ? `conditions.${violation.index}`
          : 'conditions';
    errors[field] = [...(errors[field] ?? []), violation.message];
  }
  const error = new DecisionInvalidError(violations.map((v) => v.message));
  return new GateProblemException(error.message, { code: error.code, errors });
}

/** Maps a domain error (a plain class of libs/domain) to its 422, by its code. */
export function domainProblem(error: DomainError): GateProblemException {
  switch (error.code) {
    case 'initiative_transition_forbidden':
    case 'milestone_transition_forbidden':
    case 'milestone_start_blocked':
    case 'submission_blocked':
    case 'decision_invalid':
    case 'decider_not_allowed':
    case 'invalid_weight':
    case 'invalid_progress':
      return new GateProblemException(error.message, { code: error.code });
  }
}

/** Runs the work and answers a domain error with its 422 problem. */
export async function applyingDomainRules<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) throw domainProblem(error);
    throw error;
  }
}

/**
 * Renders {@link GateProblemException} as problem details with its extension members (the global
 * filter renders only the detail). Bound to the gate controllers with `@UseFilters`.
 */
@Catch(GateProblemException)
export class GateProblemFilter implements ExceptionFilter {
  catch(exception: GateProblemException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (reply.sent) return;
    const requestId = requestIdOf(request.raw);
    const body = {
      ...problem(422, exception.message),
      instance: request.url.split('?')[0],
      ...(requestId ? { requestId } : {}),
      ...exception.extras,
    };
    void reply.status(422).header('Content-Type', PROBLEM_CONTENT_TYPE).send(body);
  }
}
