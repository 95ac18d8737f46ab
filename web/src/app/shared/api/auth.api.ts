import { inject, Injectable } from '@angular/core';
import type {
  CurrentUserResponse,
  LoginRequest,
  SetPasswordRequest,
  SignInOptionsResponse,
  SsoLogoutResponse,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient } from './api-client';

export const AUTH_API = {
  me: `${API_ROOT}/auth/me`,
  login: `${API_ROOT}/auth/login`,
  /** Sign-out that also names the provider's end-session URL for a single-sign-on session. */
  logout: `${API_ROOT}/auth/sso/logout`,
  password: `${API_ROOT}/auth/password`,
  signInOptions: `${API_ROOT}/auth/sign-in-options`,
} as const;

/**
 * Where the browser goes to sign in with the organisation's provider (a full page load: the API
 * redirects to the provider and, once signed in, back to `returnTo`).
 */
export function ssoStartUrl(returnTo: string | null): string {
  const query = returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : '';
  return `${API_ROOT}/auth/sso/start${query}`;
}

/** Sessions: who is signed in, signing in and out, choosing a password. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly api = inject(ApiClient);

  /** GET /api/auth/me. */
  me(): Promise<CurrentUserResponse> {
    return this.api.get<CurrentUserResponse>(AUTH_API.me);
  }

  /** POST /api/auth/login. */
  login(request: LoginRequest): Promise<CurrentUserResponse> {
    return this.api.post<CurrentUserResponse>(AUTH_API.login, request);
  }

  /** POST /api/auth/sso/logout: ends the session; names the provider's sign-out, if any. */
  logout(): Promise<SsoLogoutResponse | null> {
    return this.api.post<SsoLogoutResponse | null>(AUTH_API.logout, null);
  }

  /** GET /api/auth/sign-in-options (public): password sign-in, single sign-on. */
  signInOptions(): Promise<SignInOptionsResponse> {
    return this.api.get<SignInOptionsResponse>(AUTH_API.signInOptions);
  }

  /** POST /api/auth/password: choose a password with a one-time link's token. */
  setPassword(request: SetPasswordRequest): Promise<void> {
    return this.api.post<void>(AUTH_API.password, request);
  }
}
