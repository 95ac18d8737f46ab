import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateUserRequest,
  CreateUserResponse,
  InitiativeResponse,
  Page,
  Role,
  UpdatedUserResponse,
  UpdateUserRequest,
  UserResponse,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient, newIdempotencyKey, resourceRequest, segment } from './api-client';

/** GET /api/users?role=&departmentId=&active=&q=&limit=&offset= */
export interface UserListQuery {
  role?: Role;
  departmentId?: string;
  active?: boolean;
  q?: string;
  limit?: number;
  offset?: number;
}

export const USERS_API = {
  list: `${API_ROOT}/users`,
  one: (id: string) => `${API_ROOT}/users/${segment(id)}`,
  initiative: (id: string) => `${API_ROOT}/initiatives/${segment(id)}`,
} as const;

/** Users (admins): list, create with a set-password link, change, deactivate. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly api = inject(ApiClient);

  listRequest(query: UserListQuery): HttpResourceRequest {
    return resourceRequest(USERS_API.list, query);
  }

  list(query: UserListQuery): Promise<Page<UserResponse>> {
    return this.api.get<Page<UserResponse>>(USERS_API.list, query);
  }

  /** POST /api/users: answers the one-time set-password link to hand over. */
  create(
    request: CreateUserRequest,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<CreateUserResponse> {
    return this.api.post<CreateUserResponse>(USERS_API.list, request, { idempotencyKey });
  }

  /** PATCH /api/users/:id with If-Match: the sponsorships the change takes away come back. */
  update(
    user: Pick<UserResponse, 'id' | 'version'>,
    request: UpdateUserRequest,
  ): Promise<UpdatedUserResponse> {
    return this.api.patch<UpdatedUserResponse>(USERS_API.one(user.id), request, {
      ifMatch: user.version,
    });
  }

  /**
   * Gives an initiative that lost its sponsor another one: reads the initiative's version, then
   * PATCH /api/initiatives/:id { sponsorId } with If-Match.
   */
  async reassignSponsor(initiativeId: string, sponsorId: string): Promise<InitiativeResponse> {
    const current = await this.api.get<InitiativeResponse>(USERS_API.initiative(initiativeId));
    return this.api.patch<InitiativeResponse>(
      USERS_API.initiative(initiativeId),
      { sponsorId },
      { ifMatch: current.version },
    );
  }
}
