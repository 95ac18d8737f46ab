import type { ArgumentsHost } from '@nestjs/common';
import { decisionViolations, MilestoneTransitionError, submissionBlockers } from '@waypoint/domain';
import {
  applyingDomainRules,
  decisionInvalid,
  GateProblemException,
  GateProblemFilter,
  submissionBlocked,
} from './domain-problems';

describe('gate problems', () => {
  it('lists every submission blocker under criteria or measures, and in blockers', () => {
    const blockers = submissionBlockers({
      criteria: [{ id: 'a', label: 'Problem agreed', checked: false }],
      linkedMeasures: [{ id: 'm', name: 'NPS', lastReadingAt: null }],
      startedAt: new Date('2026-03-01T00:00:00Z'),
    });
    const problem = submissionBlocked(blockers);
    expect(problem.getStatus()).toBe(422);
    expect(problem.message).toBe(
      'The milestone cannot be submitted yet. Exit criterion not met: "Problem agreed". No reading of "NPS" since the milestone started on 2026-03-01.',
    );
    expect(problem.extras).toEqual({
      code: 'submission_blocked',
      errors: {
        criteria: ['Exit criterion not met: "Problem agreed".'],
        measures: ['No reading of "NPS" since the milestone started on 2026-03-01.'],
      },
      blockers,
    });
  });

  it('puts each decision violation under its field', () => {
    const problem = decisionInvalid(
      decisionViolations({ outcome: 'go_with_conditions', rationale: '', conditions: ['ok', ' '] }),
    );
    expect(problem.extras.errors).toEqual({
      rationale: ['A rationale is required to decide "go_with_conditions".'],
      'conditions.1': ['Condition 2 is empty.'],
    });
  });

  it('maps a domain error to a 422 with its code and passes other errors through', async () => {
    const mapped = applyingDomainRules(() =>
      Promise.reject(new MilestoneTransitionError('approved', 'submit')),
    );
    await expect(mapped).rejects.toBeInstanceOf(GateProblemException);
    await expect(mapped).rejects.toMatchObject({
      message: 'A milestone in state "approved" does not accept "submit".',
      extras: { code: 'milestone_transition_forbidden' },
    });
    const other = new Error('boom');
    await expect(applyingDomainRules(() => Promise.reject(other))).rejects.toBe(other);
    await expect(applyingDomainRules(() => Promise.resolve(3))).resolves.toBe(3);
  });

  it('renders problem details with the extension members', () => {
    const sent: { status?: number; headers: Record<string, string>; body?: unknown } = {
      headers: {},
    };
    const reply = {
      sent: false,
      status(code: number) {
        sent.status = code;
        return reply;
      },
      header(name: string, value: string) {
        sent.headers[name] = value;
        return reply;
      },
      send(body: unknown) {
        sent.body = body;
        return reply;
      },
    };
    const host = {
      switchToHttp: () => ({
        getRequest: () => ({ url: '/api/milestones/x/submit?y=1', raw: { id: 'req-1' } }),
        getResponse: () => reply,
      }),
    } as unknown as ArgumentsHost;
    new GateProblemFilter().catch(
      new GateProblemException('Not yet.', {
        code: 'submission_blocked',
        errors: { criteria: ['a'] },
      }),
      host,
    );
    expect(sent.status).toBe(422);
    expect(sent.headers['Content-Type']).toBe('application/problem+json');
    expect(sent.body).toEqual({
      type: 'about:blank',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'Not yet.',
      instance: '/api/milestones/x/submit',
      requestId: 'req-1',
      code: 'submission_blocked',
      errors: { criteria: ['a'] },
    });
  });
});
