import { inject } from '@angular/core';
import { CanMatchFn, RedirectFunction, Router, UrlSegment, UrlTree } from '@angular/router';
import { homeUrl, placeAt } from '../places';
import { AuthStore } from './auth.store';
import { landingUrl, safeReturnUrl } from './return-url';

/** The URL being navigated to (with its query), else the matched segments. */
function attemptedUrl(router: Router, segments: readonly UrlSegment[]): string {
  const target = router.currentNavigation()?.extractedUrl;
  return target ? router.serializeUrl(target) : `/${segments.map((s) => s.path).join('/')}`;
}

/** The sign-in page, with a returnUrl back to `url` when that is worth returning to. */
export function signInTree(router: Router, url: string): UrlTree {
  const returnUrl = safeReturnUrl(url);
  return router.createUrlTree(['/sign-in'], {
    queryParams: returnUrl && returnUrl !== '/' ? { returnUrl } : {},
  });
}

/**
 * Lets a signed-in user whose role is offered the place (see PLACES) into it. Signed out: to the
 * sign-in page, with a returnUrl. Another role: the "not allowed" page. A `canMatch` guard, so a
 * place's code is not even downloaded for someone who may not open it.
 */
export function placeGuard(path: string): CanMatchFn {
  const place = placeAt(path);
  if (!place) throw new Error(`placeGuard: no place "${path}" in PLACES`);
  return async (_route, segments) => {
    const router = inject(Router);
    const user = await inject(AuthStore).ensureLoaded();
    if (!user) return signInTree(router, attemptedUrl(router, segments));
    return place.roles.includes(user.role) ? true : router.parseUrl('/forbidden');
  };
}

/** Pages for everyone signed in (the profile): signed out, to the sign-in page with a returnUrl. */
export const signedInGuard: CanMatchFn = async (_route, segments) => {
  const router = inject(Router);
  const user = await inject(AuthStore).ensureLoaded();
  return user ? true : signInTree(router, attemptedUrl(router, segments));
};

/**
 * Lets everyone in, once it is known who is signed in: the not-found and not-allowed pages then
 * show the navigation (and the right words) to a signed-in user who opened them directly.
 */
export const anyoneGuard: CanMatchFn = async () => {
  await inject(AuthStore).ensureLoaded();
  return true;
};

/** For the sign-in page: someone already signed in goes on to where they were heading. */
export const signedOutGuard: CanMatchFn = async () => {
  const router = inject(Router);
  const user = await inject(AuthStore).ensureLoaded();
  if (!user) return true;
  const returnUrl: unknown = router.currentNavigation()?.extractedUrl.queryParams['returnUrl'];
  return router.parseUrl(landingUrl(user.role, returnUrl));
};

/** The root URL: the signed-in user's home place, else the sign-in page. */
export const redirectHome: RedirectFunction = async () => {
  const user = await inject(AuthStore).ensureLoaded();
  return user ? homeUrl(user.role) : '/sign-in';
};
