import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import {
  fieldErrorsOf,
  genericErrorMessage,
  isPreconditionFailed,
  problemOf,
  retryAfterSeconds,
} from './problem';

function httpError(status: number, body: unknown = null, headers: Record<string, string> = {}) {
  return new HttpErrorResponse({ status, error: body, headers: new HttpHeaders(headers) });
}

const problem = {
  type: 'about:blank',
  title: 'Bad Request',
  status: 400,
  detail: 'The password is too common.',
  errors: { password: ['Choose a less common password.', 'Use at least 12 characters.'] },
};

describe('problem details', () => {
  it('reads problem details from an HTTP error', () => {
    expect(problemOf(httpError(400, problem))).toEqual(problem);
  });

  it.each([
    ['a non-HTTP error', new Error('boom')],
    ['a text body', httpError(502, 'Bad gateway')],
    ['a body without title and status', httpError(400, { message: 'no' })],
  ])('gives null for %s', (_label, error) => {
    expect(problemOf(error)).toBeNull();
  });

  it('gives the messages of one field', () => {
    expect(fieldErrorsOf(httpError(400, problem), 'password')).toEqual(problem.errors.password);
    expect(fieldErrorsOf(httpError(400, problem), 'email')).toEqual([]);
    expect(fieldErrorsOf(new Error('x'), 'password')).toEqual([]);
  });

  it('recognises 412 as someone else having changed the record', () => {
    expect(isPreconditionFailed(httpError(412))).toBe(true);
    expect(isPreconditionFailed(httpError(409))).toBe(false);
    expect(isPreconditionFailed(new Error('412'))).toBe(false);
  });
});

describe('retryAfterSeconds', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');

  it.each([
    ['30', 30],
    [' 5 ', 5],
    ['0', 1],
    ['Mon, 23 Nov 2026 12:01:30 GMT', 90],
    ['Mon, 23 Nov 2026 12:00:00 GMT', 1],
  ])('reads Retry-After: %s as %i seconds', (header, seconds) => {
    expect(retryAfterSeconds(httpError(429, null, { 'Retry-After': header }), now)).toBe(seconds);
  });

  it.each([['soon'], ['-3'], ['1.5']])('gives null for an unreadable header (%s)', (header) => {
    expect(retryAfterSeconds(httpError(429, null, { 'Retry-After': header }), now)).toBeNull();
  });

  it('gives null without the header', () => {
    expect(retryAfterSeconds(httpError(429), now)).toBeNull();
    expect(retryAfterSeconds(new Error('x'), now)).toBeNull();
  });
});

describe('genericErrorMessage', () => {
  it('prefers the problem detail, then its title', () => {
    expect(genericErrorMessage(httpError(400, problem))).toBe('The password is too common.');
    expect(
      genericErrorMessage(httpError(500, { ...problem, status: 500, detail: undefined })),
    ).toBe('Bad Request');
  });

  it('says when the server cannot be reached', () => {
    expect(genericErrorMessage(httpError(0))).toMatch(/cannot be reached/);
  });

  it('names the status when there is nothing else', () => {
    expect(genericErrorMessage(httpError(502, 'Bad gateway'))).toBe(
      'Something went wrong (error 502). Try again.',
    );
  });
});
