import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';

/** Versions are PostgreSQL integers, so an ETag names a version between 1 and 2^31 - 1. */
const MAX_VERSION = 2_147_483_647;
const STRONG_ETAG = /^"([1-9][0-9]{0,9})"$/;

export const PRECONDITION_REQUIRED_MESSAGE =
  'This change needs an If-Match header with the ETag of the record you read: GET it first, then send its ETag.';
export const PRECONDITION_FAILED_MESSAGE =
  'Someone else changed this record since you read it: reload it and reapply your change.';
export const MALFORMED_IF_MATCH_MESSAGE =
  'If-Match must be exactly one ETag as the API sent it, e.g. "3" (with the quotes).';

/** The strong ETag of a resource at a version: `"<version>"`. */
export function etagFor(version: number): string {
  return `"${version}"`;
}

/** True for a response body that is one versioned resource (an integer `version` field). */
export function versionOf(body: unknown): number | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const version = (body as { version?: unknown }).version;
  return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : null;
}

/**
 * The version a conditional write expects, from the If-Match header.
 * Missing: 428. Anything but one strong ETag of a version (a list, `*`, a weak ETag, garbage): 400.
 */
export function parseIfMatch(header: string | string[] | undefined): number {
  if (header === undefined || (typeof header === 'string' && header.trim() === '')) {
    throw new HttpException(PRECONDITION_REQUIRED_MESSAGE, HttpStatus.PRECONDITION_REQUIRED);
  }
  if (Array.isArray(header)) throw new BadRequestException(MALFORMED_IF_MATCH_MESSAGE);
  const match = STRONG_ETAG.exec(header.trim());
  const version = match?.[1] ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(version) || version > MAX_VERSION) {
    throw new BadRequestException(MALFORMED_IF_MATCH_MESSAGE);
  }
  return version;
}
