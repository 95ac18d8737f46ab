import { HttpErrorResponse } from '@angular/common/http';
import type { ProblemDetails } from '@waypoint/contracts';

/** The RFC 9457 problem details of a failed API call, when the answer carried them. */
export function problemOf(error: unknown): ProblemDetails | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  if (typeof body !== 'object' || body === null) return null;
  const candidate = body as Partial<ProblemDetails>;
  if (typeof candidate.title !== 'string' || typeof candidate.status !== 'number') return null;
  return candidate as ProblemDetails;
}

/** The status of a failed HTTP call (0 when the server could not be reached), else null. */
export function httpStatusOf(error: unknown): number | null {
  return error instanceof HttpErrorResponse ? error.status : null;
}

/** The messages the server gave for one field of a rejected request. */
export function fieldErrorsOf(error: unknown, field: string): string[] {
  const messages = problemOf(error)?.errors?.[field];
  return Array.isArray(messages) ? messages.filter((m) => typeof m === 'string') : [];
}

/** 412: someone else changed the record since it was loaded (optimistic concurrency). */
export function isPreconditionFailed(error: unknown): boolean {
  return httpStatusOf(error) === 412;
}

/** An HTTP date as servers must send it (RFC 9110 IMF-fixdate): Sun, 06 Nov 1994 08:49:37 GMT. */
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * Seconds to wait, from a Retry-After header: either a number of seconds or an HTTP date.
 * Null when the header is missing or unreadable; at least 1 otherwise.
 */
export function retryAfterSeconds(error: unknown, now: number = Date.now()): number | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const header = error.headers.get('Retry-After')?.trim();
  if (!header) return null;
  if (/^\d+$/.test(header)) return Math.max(1, Number.parseInt(header, 10));
  if (!HTTP_DATE.test(header)) return null;
  const at = Date.parse(header);
  if (Number.isNaN(at)) return null;
  return Math.max(1, Math.ceil((at - now) / 1000));
}

/** A sentence for an error the page has no better words for. */
export function genericErrorMessage(error: unknown): string {
  const status = httpStatusOf(error);
  if (status === 0) {
    return 'Waypoint cannot be reached. Check your connection and try again.';
  }
  const problem = problemOf(error);
  if (problem) return problem.detail ?? problem.title;
  return status === null
    ? 'Something went wrong. Try again.'
    : `Something went wrong (error ${status}). Try again.`;
}
