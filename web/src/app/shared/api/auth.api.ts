import { inject, Injectable } from '@angular/core';
import type { CurrentUserResponse, LoginRequest, SetPasswordRequest } from '@waypoint/contracts';
import { API_ROOT, ApiClient } from './api-client';

export const AUTH_API = {
  me: `${API_ROOT}/auth/me`,
  login: `${API_ROOT}/auth/login`,
  logout: `${API_ROOT}/auth/logout`,
  password: `${API_ROOT}/auth/password`,
} as const;

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

  /** POST /api/auth/logout. */
  logout(): Promise<void> {
    return this.api.post<void>(AUTH_API.logout, null);
  }

  /** POST /api/auth/password: choose a password with a one-time link's token. */
  setPassword(request: SetPasswordRequest): Promise<void> {
    return this.api.post<void>(AUTH_API.password, request);
  }
}
