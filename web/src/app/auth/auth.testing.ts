// Test support for code that depends on who is signed in. Imported by specs only.
import {
  type HttpInterceptorFn,
  HttpResponse,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, inject, InjectionToken, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type {
  CurrentUserResponse,
  ProblemDetails,
  Role,
  SignInOptionsResponse,
} from '@waypoint/contracts';
import { of } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { AUTH_API } from '../shared/api';
import { AuthStore } from './auth.store';

const NAMES: Readonly<Record<Role, string>> = {
  admin: 'Ada Admin',
  executive: 'Eve Executive',
  manager: 'Max Manager',
  member: 'Mia Member',
};

/** A signed-in user of the given role (factory; override any field). */
export function aUser(
  role: Role = 'member',
  overrides: Partial<CurrentUserResponse> = {},
): CurrentUserResponse {
  return {
    id: `00000000-0000-4000-8000-00000000000${Object.keys(NAMES).indexOf(role) + 1}`,
    email: `${role}@waypoint.test`,
    displayName: NAMES[role],
    role,
    department: { id: 'd-ops', name: 'Operations' },
    via: 'session',
    ...overrides,
  };
}

/** Problem details as the API sends them. */
export function aProblem(
  status: number,
  detail?: string,
  errors?: Record<string, string[]>,
): ProblemDetails {
  return {
    type: 'about:blank',
    title: `Status ${status}`,
    status,
    ...(detail === undefined ? {} : { detail }),
    ...(errors === undefined ? {} : { errors }),
    requestId: 'req-test',
  };
}

/**
 * What GET /api/auth/sign-in-options answers in specs (passwords only, unless a spec provides
 * other options): the sign-in page asks it whenever it opens.
 */
export const TEST_SIGN_IN_OPTIONS = new InjectionToken<SignInOptionsResponse>(
  'TEST_SIGN_IN_OPTIONS',
  { providedIn: 'root', factory: () => ({ passwordSignIn: true, sso: null }) },
);

const answerSignInOptions: HttpInterceptorFn = (request, next) =>
  request.url === AUTH_API.signInOptions
    ? of(new HttpResponse({ status: 200, body: inject(TEST_SIGN_IN_OPTIONS) }))
    : next(request);

/**
 * HttpClient with the app's interceptor, answered by HttpTestingController (and the sign-in
 * options by TEST_SIGN_IN_OPTIONS).
 */
export function provideTestHttp(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(withInterceptors([answerSignInOptions, authInterceptor])),
    provideHttpClientTesting(),
  ];
}

export function httpMock(): HttpTestingController {
  return TestBed.inject(HttpTestingController);
}

/** Lets the store learn who is signed in: answers its GET /api/auth/me (null: 401). */
export async function startAs(user: CurrentUserResponse | null): Promise<AuthStore> {
  const store = TestBed.inject(AuthStore);
  const loading = store.ensureLoaded();
  const request = httpMock().expectOne(AUTH_API.me);
  if (user) {
    request.flush(user);
  } else {
    request.flush(aProblem(401, 'Sign in first.'), { status: 401, statusText: 'Unauthorized' });
  }
  await loading;
  return store;
}
