import {
  HttpContextToken,
  HttpErrorResponse,
  HttpInterceptorFn,
  HttpRequest,
} from '@angular/common/http';
import { DOCUMENT } from '@angular/common';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
// From their own files, not the shared/api index: the first download carries no API client.
import { API_ROOT } from '../shared/api/api-client';
import { AUTH_API } from '../shared/api/auth.api';
import { AuthStore } from './auth.store';
import { safeReturnUrl } from './return-url';

/**
 * Set on a request whose caller shows a 403 itself (e.g. a form explaining why an action is not
 * allowed) instead of leaving for the "not allowed" page.
 */
export const HANDLES_FORBIDDEN = new HttpContextToken<boolean>(() => false);

/**
 * Auth endpoints whose 401 or 403 is an answer, not an ended session: "not signed in" (me),
 * "wrong password" (login), "already signed out" (logout), a rejected link (password). Redirecting
 * on them would loop or hide the form's message; their callers handle them.
 */
const AUTH_ENDPOINTS: ReadonlySet<string> = new Set(Object.values(AUTH_API));

/** Path of a request to this origin (relative or absolute), else null. */
function ownPathOf(request: HttpRequest<unknown>, base: string): string | null {
  try {
    const url = new URL(request.url, base);
    return url.origin === new URL(base).origin ? url.pathname : null;
  } catch {
    return null;
  }
}

/**
 * On an answer from the API that the session has ended (401), forgets the user and goes to the
 * sign-in page with a returnUrl, so that signing in again leads back. On 403 it shows the "not
 * allowed" page. The error still reaches the caller either way.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const path = ownPathOf(request, inject(DOCUMENT).baseURI);
  if (path === null || !path.startsWith(`${API_ROOT}/`) || AUTH_ENDPOINTS.has(path)) {
    return next(request);
  }
  const store = inject(AuthStore);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse) {
        if (error.status === 401) {
          store.clear();
          void toSignIn(router);
        } else if (error.status === 403 && !request.context.get(HANDLES_FORBIDDEN)) {
          void router.navigateByUrl('/forbidden');
        }
      }
      return throwError(() => error);
    }),
  );
};

/** Where the user is, or is going if a navigation is under way (a page loading its data). */
function currentUrl(router: Router): string {
  const navigation = router.currentNavigation();
  const target = navigation?.finalUrl ?? navigation?.extractedUrl;
  return target ? router.serializeUrl(target) : router.url;
}

function toSignIn(router: Router): Promise<boolean> {
  const url = currentUrl(router);
  if (url.startsWith('/sign-in')) return Promise.resolve(true);
  const returnUrl = safeReturnUrl(url);
  return router.navigate(['/sign-in'], {
    queryParams: {
      ...(returnUrl && returnUrl !== '/' ? { returnUrl } : {}),
      reason: 'session-ended',
    },
  });
}
