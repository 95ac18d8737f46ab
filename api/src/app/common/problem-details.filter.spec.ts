import {
  type ArgumentsHost,
  BadRequestException,
  ForbiddenException,
  Logger,
} from '@nestjs/common';
import {
  assertDecisionValid,
  assertSubmittable,
  DomainError,
  MilestoneTransitionError,
} from '@waypoint/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { WebHost } from '../web-host';
import { PRECONDITION_FAILED_MESSAGE } from './etag';
import { DuplicateRecordError, RecordNotFoundError, StaleVersionError } from './persistence-errors';
import { ProblemDetailsFilter } from './problem-details.filter';
import { FieldValidationException } from './validation';

interface Sent {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

function call(exception: unknown, url = '/api/things'): Sent {
  const sent: Sent = { status: 0, headers: {}, body: undefined };
  const reply = {
    sent: false,
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  const request = { url, method: 'GET', raw: { id: 'req-7' } } as unknown as FastifyRequest;
  const host = {
    switchToHttp: () => ({
      getRequest: () => request,
      getResponse: () => reply as unknown as FastifyReply,
    }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter(new WebHost(null)).catch(exception, host);
  return sent;
}

describe('ProblemDetailsFilter', () => {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  it('turns validation failures into 400 with messages per field', () => {
    const sent = call(new FieldValidationException({ email: ['email must be an email'] }));
    expect(sent.status).toBe(400);
    expect(sent.headers['content-type']).toBe('application/problem+json');
    expect(sent.body).toMatchObject({
      status: 400,
      title: 'Bad Request',
      errors: { email: ['email must be an email'] },
      instance: '/api/things',
      requestId: 'req-7',
    });
  });

  it('turns a DomainError into a 422 with its message, code and no empty errors', () => {
    const sent = call(new MilestoneTransitionError('approved', 'submit'), '/api/milestones/x?y=1');
    expect(sent.status).toBe(422);
    expect(sent.headers['content-type']).toBe('application/problem+json');
    expect(sent.body).toEqual({
      type: 'about:blank',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'A milestone in state "approved" does not accept "submit".',
      code: 'milestone_transition_forbidden',
      instance: '/api/milestones/x',
      requestId: 'req-7',
    });
  });

  it('carries the per-field errors of a DomainError', () => {
    const sent = call(
      new DomainError('position_invalid', 'The position must be between 1 and 3.', {
        position: ['The position must be between 1 and 3.'],
      }),
    );
    expect(sent.body).toMatchObject({
      status: 422,
      code: 'position_invalid',
      detail: 'The position must be between 1 and 3.',
      errors: { position: ['The position must be between 1 and 3.'] },
    });
  });

  it('lists every submission blocker under criteria or measures, and in blockers', () => {
    const submit = (): void =>
      assertSubmittable({
        criteria: [{ id: 'a', label: 'Problem agreed', checked: false }],
        linkedMeasures: [{ id: 'm', name: 'NPS', lastReadingAt: null }],
        startedAt: new Date('2026-03-01T00:00:00Z'),
      });
    let error: unknown;
    try {
      submit();
    } catch (caught) {
      error = caught;
    }
    expect(call(error).body).toMatchObject({
      status: 422,
      detail:
        'The milestone cannot be submitted yet. Exit criterion not met: "Problem agreed". No reading of "NPS" since the milestone started on 1 Mar 2026.',
      code: 'submission_blocked',
      errors: {
        criteria: ['Exit criterion not met: "Problem agreed".'],
        measures: ['No reading of "NPS" since the milestone started on 1 Mar 2026.'],
      },
      blockers: [
        {
          kind: 'criterion_unchecked',
          criterionId: 'a',
          label: 'Problem agreed',
          message: 'Exit criterion not met: "Problem agreed".',
        },
        {
          kind: 'measure_not_read',
          measureId: 'm',
          name: 'NPS',
          message: 'No reading of "NPS" since the milestone started on 1 Mar 2026.',
        },
      ],
    });
  });

  it('puts each decision violation under its field', () => {
    let error: unknown;
    try {
      assertDecisionValid({
        outcome: 'go_with_conditions',
        rationale: '',
        conditions: ['ok', ' '],
      });
    } catch (caught) {
      error = caught;
    }
    const body = call(error).body as { code: string; errors: unknown; blockers?: unknown };
    expect(body.code).toBe('decision_invalid');
    expect(body.errors).toEqual({
      rationale: ['A rationale is required for a decision of "go with conditions".'],
      'conditions.1': ['Condition 2 is empty.'],
    });
    expect(body.blockers).toBeUndefined();
  });

  it('answers the persistence errors of repositories with 404, 412 and 409', () => {
    expect(call(new RecordNotFoundError('No such step.')).body).toMatchObject({
      status: 404,
      detail: 'No such step.',
    });
    expect(call(new StaleVersionError()).body).toMatchObject({
      status: 412,
      detail: PRECONDITION_FAILED_MESSAGE,
    });
    expect(call(new DuplicateRecordError('Taken.')).body).toMatchObject({
      status: 409,
      detail: 'Taken.',
    });
    expect(call(new StaleVersionError()).body).not.toHaveProperty('code');
  });

  it('keeps the message of client errors', () => {
    expect(call(new ForbiddenException('Only the sponsor decides.')).body).toMatchObject({
      status: 403,
      detail: 'Only the sponsor decides.',
    });
    expect(call(new BadRequestException(['a is wrong', 'b is wrong'])).body).toMatchObject({
      detail: 'a is wrong; b is wrong',
    });
  });

  it('maps Fastify body errors to their status', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(call(tooLarge)).toMatchObject({ status: 413 });
    const badJson = Object.assign(new SyntaxError('Unexpected token } in JSON at position 9'), {
      statusCode: 400,
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    });
    expect(call(badJson).body).toMatchObject({
      status: 400,
      detail: 'The request body is not valid JSON.',
    });
  });

  it('answers 503 with Retry-After when the database is away', () => {
    const sent = call(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    );
    expect(sent.status).toBe(503);
    expect(sent.headers['retry-after']).toBe('5');
  });

  it('answers 503 problem details, not 500, when a connection was terminated mid-query', () => {
    const driverError = Object.assign(
      new Error('terminating connection due to administrator command'),
      { code: '57P01' },
    );
    const sent = call(new QueryFailedError('SELECT 1', [], driverError));
    expect(sent.status).toBe(503);
    expect(sent.headers['retry-after']).toBe('5');
    expect(sent.headers['content-type']).toBe('application/problem+json');
    expect(sent.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
    expect(JSON.stringify(sent.body)).not.toContain('administrator');
  });

  it('never leaks a stack or SQL in a 500', () => {
    const error = new Error('relation "secret_table" does not exist');
    const sent = call(error);
    expect(sent.status).toBe(500);
    const text = JSON.stringify(sent.body);
    expect(text).not.toContain('secret_table');
    expect(text).not.toContain('at ');
    expect(sent.body).toMatchObject({ requestId: 'req-7' });
  });
});
