import type { Role } from '@waypoint/contracts';
import { homeUrl, roleMayOpen } from '../places';

/** Pages a returnUrl must never point back to (they would loop or make no sense after sign-in). */
const AUTH_PAGES = ['/sign-in', '/set-password'];

/** A made-up origin to resolve candidate URLs against: anything that leaves it is off-site. */
const PROBE_ORIGIN = 'https://waypoint.invalid';

/** Longer than any URL the app makes; a longer one is not ours. */
const MAX_LENGTH = 2048;

/**
 * The returnUrl to follow after signing in, or null when it is not a plain path inside this app.
 * Only relative paths such as `/initiatives/42?tab=team` pass: absolute URLs (`https://...`),
 * scheme-relative ones (`//evil.example`), backslash and control-character tricks, `javascript:`
 * and anything else that would resolve to another origin are refused, as are the sign-in and
 * set-password pages themselves. This is what keeps the sign-in page from being an open redirect.
 */
export function safeReturnUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw === '' || raw.length > MAX_LENGTH) return null;
  if (!raw.startsWith('/') || raw.startsWith('//')) return null;
  // Browsers read "\" as "/" and drop tabs and newlines, so "/\evil" or "/\t/evil" are "//evil".
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f\s]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN) return null;
  const path = url.pathname;
  if (AUTH_PAGES.some((page) => path === page || path.startsWith(`${page}/`))) return null;
  return `${path}${url.search}${url.hash}`;
}

/**
 * Where to go after signing in: the returnUrl when it is safe and the role may open it (another
 * user may have been signed in before), else the role's home.
 */
export function landingUrl(role: Role, returnUrl: unknown): string {
  const safe = safeReturnUrl(returnUrl);
  if (safe !== null && safe !== '/' && roleMayOpen(role, safe)) return safe;
  return homeUrl(role);
}
