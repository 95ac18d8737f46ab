import { HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  CurrentUserResponse,
  LoginRequest,
  SetPasswordRequest,
  SignInOptionsResponse,
} from '@waypoint/contracts';
// From its own file, not the shared/api index: the first download carries no other API client.
import { AuthApi } from '../shared/api/auth.api';

/** Not known yet (the first GET /api/auth/me has not answered), signed in, or signed out. */
export type AuthStatus = 'unknown' | 'signed-in' | 'signed-out';

/**
 * Who is signed in. The session itself is an httpOnly cookie the browser sends with every
 * same-origin request; this store only mirrors who it belongs to.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly api = inject(AuthApi);
  private readonly state = signal<{ status: AuthStatus; user: CurrentUserResponse | null }>({
    status: 'unknown',
    user: null,
  });
  private loading: Promise<CurrentUserResponse | null> | null = null;

  /** The signed-in user, or null (signed out, or not known yet). */
  readonly user = computed(() => this.state().user);
  readonly status = computed(() => this.state().status);
  readonly role = computed(() => this.state().user?.role ?? null);

  /**
   * Asks the API who is signed in the first time, and answers from memory afterwards. Calls made
   * while the question is open share its answer.
   */
  ensureLoaded(): Promise<CurrentUserResponse | null> {
    if (this.state().status !== 'unknown') return Promise.resolve(this.state().user);
    this.loading ??= this.load();
    return this.loading;
  }

  /**
   * GET /api/auth/me. A 401 means signed out. Any other failure (server down, 5xx) also counts as
   * signed out: the sign-in page then shows what went wrong when the user tries.
   */
  async load(): Promise<CurrentUserResponse | null> {
    try {
      const user = await this.api.me();
      this.set(user);
    } catch (error) {
      if (!(error instanceof HttpErrorResponse)) throw error;
      this.set(null);
    } finally {
      this.loading = null;
    }
    return this.state().user;
  }

  /** POST /api/auth/login. On failure the HttpErrorResponse is thrown for the form to show. */
  async signIn(request: LoginRequest): Promise<CurrentUserResponse> {
    const user = await this.api.login(request);
    this.set(user);
    return user;
  }

  /**
   * POST /api/auth/sso/logout. A 401 means the session had already ended, which is fine. Any other
   * failure is thrown and the user stays signed in here, because the cookie may still be valid.
   * Answers the provider's end-session URL when the session came from single sign-on.
   */
  async signOut(): Promise<string | null> {
    let endSessionUrl: string | null = null;
    try {
      endSessionUrl = (await this.api.logout())?.endSessionUrl ?? null;
    } catch (error) {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) throw error;
    }
    this.set(null);
    return endSessionUrl;
  }

  /** How people may sign in here (password, single sign-on), for the sign-in page. */
  signInOptions(): Promise<SignInOptionsResponse> {
    return this.api.signInOptions();
  }

  /** POST /api/auth/password: choose a password with a one-time link's token. */
  async setPassword(request: SetPasswordRequest): Promise<void> {
    await this.api.setPassword(request);
  }

  /** Forgets the user, e.g. when the API says the session has ended (401). */
  clear(): void {
    this.set(null);
  }

  private set(user: CurrentUserResponse | null): void {
    this.state.set({ status: user ? 'signed-in' : 'signed-out', user });
  }
}
