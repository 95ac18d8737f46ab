import type { Role } from './domain-enums';

/** Password rules, shared by the API's validation and the web forms. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 120;

/** A page of a list: limit/offset paging with the total count. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface DepartmentRef {
  id: string;
  name: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

/** The signed-in user (GET /api/auth/me). */
export interface CurrentUserResponse {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  department: DepartmentRef | null;
  /** How this request was authenticated. */
  via: 'session' | 'token';
}

export interface UserResponse {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  department: DepartmentRef | null;
  active: boolean;
  /** False until the user has chosen a password through their set-password link. */
  passwordSet: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** An active executive a manager may choose as sponsor (`GET /api/users/sponsors`). */
export interface SponsorResponse {
  id: string;
  displayName: string;
  department: DepartmentRef | null;
}

/**
 * An active person the owner may put on a team (`GET /api/users/people`): the same fields as a
 * sponsor, of every role, so a team can be formed from several departments.
 */
export type PersonResponse = SponsorResponse;

export interface CreateUserRequest {
  email: string;
  displayName: string;
  role: Role;
  departmentId: string;
}

export interface CreateUserResponse {
  user: UserResponse;
  /** One-time link for the user to choose a password; valid 24 h. Shown only here. */
  setPasswordUrl: string;
  setPasswordExpiresAt: string;
}

/** An initiative named in another answer: its id and title. */
export interface InitiativeTitleRef {
  id: string;
  title: string;
}

/** PATCH /api/users/:id: the user, and what the change takes away. */
export interface UpdatedUserResponse extends UserResponse {
  /**
   * The initiatives (not completed or stopped) this user sponsors that lose their sponsor with
   * this change (the user is no longer an active executive); each now shows `needsSponsor`.
   * Empty when the change affects no sponsorship.
   */
  affectedSponsorships: InitiativeTitleRef[];
}

export interface UpdateUserRequest {
  displayName?: string;
  role?: Role;
  departmentId?: string;
  active?: boolean;
}

export interface SetPasswordRequest {
  token: string;
  password: string;
}

export interface ApiTokenResponse {
  id: string;
  name: string;
  /** The first characters of the token, to recognise it. */
  prefix: string;
  createdAt: string;
  /** Updated at most once a minute. */
  lastUsedAt: string | null;
  /** The token stops working at this time. */
  expiresAt: string;
  scope: ApiTokenScope;
}

/** `read`: safe methods only (GET); `read_write`: everything the user may do. */
export const API_TOKEN_SCOPE_VALUES = ['read', 'read_write'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPE_VALUES)[number];
export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;

export interface CreateApiTokenRequest {
  name: string;
  /** Days until it expires: 1 to 365, 90 when left out. */
  expiresInDays?: number;
  /** `read_write` when left out. */
  scope?: ApiTokenScope;
}

/** The secret is shown once, in this answer only. */
export interface CreatedApiTokenResponse extends ApiTokenResponse {
  token: string;
}

export interface DepartmentResponse {
  id: string;
  name: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateDepartmentRequest {
  name: string;
}

export interface UpdateDepartmentRequest {
  name?: string;
}

export interface AuditEventResponse {
  id: string;
  occurredAt: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** How people may sign in (`GET /api/auth/sign-in-options`, public): what the sign-in page offers. */
export interface SignInOptionsResponse {
  /** Email and password are accepted. */
  passwordSignIn: boolean;
  /** Single sign-on, when on: the button says "Sign in with <providerName>". */
  sso: { providerName: string } | null;
}

/**
 * Why a single sign-on came back without a session; the callback sends the browser to
 * `/sign-in?sso=<reason>` and the sign-in page says it in words.
 */
export const SSO_FAILURE_VALUES = [
  'refused',
  'unknown_user',
  'inactive',
  'provider_error',
  'unavailable',
] as const;
export type SsoFailure = (typeof SSO_FAILURE_VALUES)[number];

/** Sign-out of a single-sign-on session (`POST /api/auth/sso/logout`). */
export interface SsoLogoutResponse {
  /** Where to send the browser to end the provider's session too; null when it offers none. */
  endSessionUrl: string | null;
}
