import type { ApiTokenScope, Role } from '@waypoint/contracts';

/** Who is making the request; the auth guard puts it on the request. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  via: 'session' | 'token';
  /** Session id (cookie sessions) or API token id. */
  credentialId: string;
  /** API tokens only: `read` tokens may use safe methods only. */
  tokenScope?: ApiTokenScope;
}

/** What every write needs to know for the audit trail. */
export interface Actor {
  userId: string;
  requestId: string | null;
}
