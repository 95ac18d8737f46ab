import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  CreateUserRequest,
  CreateUserResponse,
  DepartmentResponse,
  InitiativeTitleRef,
  Page,
  Role,
  SponsorResponse,
  UserResponse,
} from '@waypoint/contracts';
import { DepartmentsApi, PlanningApi, UsersApi } from '../shared/api';

/** An initiative that lost its sponsor, and whom the admin gave it since (null: nobody yet). */
export interface Orphan extends InitiativeTitleRef {
  newSponsor: string | null;
}

/** The initiatives a change of one person left without a sponsor. */
export interface LostSponsorships {
  person: string;
  initiatives: Orphan[];
}

/** A change of role that takes away the executive role, i.e. the right to sponsor. */
export function demotes(from: Role, to: Role): boolean {
  const sponsors = (role: Role) => role === 'executive';
  return sponsors(from) && !sponsors(to);
}

/**
 * Administration › People: the users (filtered by text, role, active), the departments to place
 * them in, and what the last change took away (sponsorships) until each has a new sponsor.
 */
@Injectable()
export class UsersStore {
  private readonly usersApi = inject(UsersApi);
  private readonly departmentsApi = inject(DepartmentsApi);
  private readonly planningApi = inject(PlanningApi);

  readonly text = signal('');
  readonly role = signal<Role | ''>('');
  readonly showInactive = signal(true);

  readonly users = httpResource<Page<UserResponse>>(() =>
    this.usersApi.listRequest({
      limit: 200,
      ...(this.text().trim() ? { q: this.text().trim() } : {}),
      ...(this.role() ? { role: this.role() as Role } : {}),
      ...(this.showInactive() ? {} : { active: true }),
    }),
  );
  readonly departments = httpResource<Page<DepartmentResponse>>(() =>
    this.departmentsApi.listRequest({ limit: 200 }),
  );
  readonly sponsors = httpResource<Page<SponsorResponse>>(() =>
    this.planningApi.sponsorsRequest({ limit: 200 }),
  );

  readonly list = computed(() => (this.users.hasValue() ? this.users.value().items : []));
  readonly departmentList = computed(() =>
    this.departments.hasValue() ? this.departments.value().items : [],
  );
  readonly sponsorList = computed(() =>
    this.sponsors.hasValue() ? this.sponsors.value().items : [],
  );

  /** The answer of the last creation: the link to hand over, shown once. */
  readonly created = signal<CreateUserResponse | null>(null);
  /** The sponsorships the last change took away. */
  readonly lost = signal<LostSponsorships | null>(null);

  async create(request: CreateUserRequest): Promise<void> {
    const answer = await this.usersApi.create(request);
    this.created.set(answer);
    this.users.reload();
  }

  /** Changes the role (or deactivates, reactivates); keeps what it took away to resolve. */
  async update(user: UserResponse, change: { role?: Role; active?: boolean }): Promise<void> {
    const answer = await this.usersApi.update(user, change);
    this.lost.set(
      answer.affectedSponsorships.length > 0
        ? {
            person: answer.displayName,
            initiatives: answer.affectedSponsorships.map((i) => ({ ...i, newSponsor: null })),
          }
        : null,
    );
    this.users.reload();
    this.sponsors.reload();
  }

  /** Gives one of the initiatives that lost their sponsor another one. */
  async reassign(initiativeId: string, sponsor: SponsorResponse): Promise<void> {
    await this.usersApi.reassignSponsor(initiativeId, sponsor.id);
    this.lost.update((lost) =>
      lost
        ? {
            ...lost,
            initiatives: lost.initiatives.map((i) =>
              i.id === initiativeId ? { ...i, newSponsor: sponsor.displayName } : i,
            ),
          }
        : null,
    );
  }
}
