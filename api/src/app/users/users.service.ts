import { GoneException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  CreateUserRequest,
  CreateUserResponse,
  DepartmentRef,
  Page,
  SetPasswordRequest,
  SponsorResponse,
  UpdateUserRequest,
  UpdatedUserResponse,
  UserResponse,
} from '@waypoint/contracts';
import { actsAsSponsor, DomainError } from '@waypoint/domain';
import { AuditService } from '../audit';
import {
  type Actor,
  CredentialsRepository,
  passwordProblems,
  PasswordHashing,
  hashSecret,
  newSecret,
} from '../auth';
import {
  AccessEndedSignal,
  requireChanges,
  pageOf,
  type PageRequest,
  FieldValidationException,
} from '../common';
import { AppConfig } from '../config';
import { type UserFilter, type UserRow, UsersRepository } from './users.repository';

const ENTITY_TYPE = 'user';
const NOT_FOUND = 'No such user.';
export const SET_PASSWORD_LINK_HOURS = 24;

export function mapUser(user: UserRow, departments: Map<string, DepartmentRef>): UserResponse {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    department: user.departmentId ? (departments.get(user.departmentId) ?? null) : null,
    active: user.active,
    passwordSet: user.passwordSet,
    version: user.version,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly config: AppConfig,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly users: UsersRepository,
    private readonly credentials: CredentialsRepository,
    private readonly audit: AuditService,
    private readonly hashing: PasswordHashing,
    private readonly accessEnded: AccessEndedSignal,
  ) {}

  async list(filter: UserFilter, page: PageRequest): Promise<Page<UserResponse>> {
    const { rows, total } = await this.users.list(filter, page);
    const departments = await this.users.departments(rows.map((r) => r.departmentId));
    return pageOf(
      rows.map((row) => mapUser(row, departments)),
      total,
      page,
    );
  }

  /** Active executives, the only users who may sponsor an initiative: id, name, department. */
  async sponsors(q: string | undefined, page: PageRequest): Promise<Page<SponsorResponse>> {
    return this.directory({ role: 'executive', active: true }, q, page);
  }

  /** Active people of every role: whom an owner may put on a team. */
  async people(q: string | undefined, page: PageRequest): Promise<Page<SponsorResponse>> {
    return this.directory({ active: true }, q, page);
  }

  private async directory(
    filter: UserFilter,
    q: string | undefined,
    page: PageRequest,
  ): Promise<Page<SponsorResponse>> {
    if (q !== undefined) filter.q = q;
    const { rows, total } = await this.users.list(filter, page);
    const departments = await this.users.departments(rows.map((r) => r.departmentId));
    return pageOf(
      rows.map((row) => ({
        id: row.id,
        displayName: row.displayName,
        department: row.departmentId ? (departments.get(row.departmentId) ?? null) : null,
      })),
      total,
      page,
    );
  }

  async get(id: string): Promise<UserResponse> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundException(NOT_FOUND);
    return mapUser(user, await this.users.departments([user.departmentId]));
  }

  private async describe(id: string): Promise<UserResponse> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundException(NOT_FOUND);
    return mapUser(user, await this.users.departments([user.departmentId]));
  }

  private async assertDepartment(departmentId: string): Promise<void> {
    if (!(await this.users.departmentExists(departmentId))) {
      const problem = `No department with the id ${departmentId}.`;
      throw new DomainError('reference_invalid', problem, { departmentId: [problem] });
    }
  }

  /** Creates the user without a password and issues a one-time set-password link (24 h). */
  async create(
    request: CreateUserRequest,
    actor: Actor | null,
    origin: string,
  ): Promise<CreateUserResponse> {
    const secret = newSecret('wpp');
    const expiresAt = new Date(Date.now() + SET_PASSWORD_LINK_HOURS * 3_600_000);
    const user = await this.txHost.withTransaction(async () => {
      await this.assertDepartment(request.departmentId);
      const created = await this.users.insert({
        email: request.email.trim().toLowerCase(),
        displayName: request.displayName.trim(),
        role: request.role,
        departmentId: request.departmentId,
      });
      await this.users.createPasswordToken(created.id, secret.hash, expiresAt);
      const described = await this.describe(created.id);
      await this.audit.record({
        actor,
        action: 'create',
        entityType: ENTITY_TYPE,
        entityId: created.id,
        after: described,
      });
      return described;
    });
    const setPasswordUrl = `${origin}/set-password?token=${encodeURIComponent(secret.token)}`;
    if (this.config.demo) {
      // The link is a credential: the log says one was made, never what it is.
      this.logger.log(
        { userId: user.id, setPasswordExpiresAt: expiresAt.toISOString() },
        `set-password link made for ${user.email}`,
      );
    }
    return { user, setPasswordUrl, setPasswordExpiresAt: expiresAt.toISOString() };
  }

  /**
   * The first admin, from the command line (`npm run admin:create`): finds or creates the
   * department by name, then creates the user like an admin would (audited as the system).
   */
  async createAdmin(
    input: { email: string; displayName: string },
    departmentName: string,
    baseUrl: string,
  ): Promise<CreateUserResponse> {
    const departmentId = await this.txHost.withTransaction(() =>
      this.users.findOrCreateDepartment(departmentName.trim()),
    );
    return this.create({ ...input, role: 'admin', departmentId }, null, baseUrl);
  }

  /**
   * Conditional on the version read (If-Match). Deactivating ends the user's sessions and tokens.
   * A user who stops being an active executive stops acting as sponsor at once (the guard asks
   * for the role a relation presumes): the answer names the sponsorships this affects, and those
   * initiatives show `needsSponsor` until another sponsor is chosen.
   */
  async update(
    id: string,
    expectedVersion: number,
    request: UpdateUserRequest,
    actor: Actor,
  ): Promise<UpdatedUserResponse> {
    const changes = requireChanges(request);
    if (changes.active === false && id === actor.userId) {
      throw new DomainError('self_deactivation', 'You cannot deactivate yourself.');
    }
    const updated = await this.txHost.withTransaction(async () => {
      const before = await this.describe(id);
      if (changes.departmentId) await this.assertDepartment(changes.departmentId);
      await this.users.update(id, expectedVersion, {
        ...changes,
        ...(changes.displayName ? { displayName: changes.displayName.trim() } : {}),
      });
      if (changes.active === false) await this.credentials.revokeAllFor(id);
      const after = await this.describe(id);
      const action =
        changes.active === false ? 'deactivate' : changes.active === true ? 'reactivate' : 'update';
      await this.audit.record({
        actor,
        action,
        entityType: ENTITY_TYPE,
        entityId: id,
        before,
        after,
      });
      const affectedSponsorships =
        actsAsSponsor(before) && !actsAsSponsor(after) ? await this.users.sponsorships(id) : [];
      return { before, after: { ...after, affectedSponsorships } };
    });
    // Deactivated, or another role (what the streams may show depends on it): their open live
    // streams close now, once the change has committed; the browser reconnects as what they are.
    const { before, after } = updated;
    if (!after.active || after.role !== before.role) {
      this.accessEnded.emit({ userId: id, credentialId: null });
    } else {
      // Their name or department changed: what instances keep of their sign-in is stale.
      this.accessEnded.emit({ userId: id, credentialId: null, staleOnly: true });
    }
    return after;
  }

  /** Sets a password from a one-time link. The link works once and for 24 hours. */
  async setPassword(request: SetPasswordRequest): Promise<void> {
    const demo = this.config.demo;
    const early = await passwordProblems(request.password, { demo });
    if (early.length > 0) throw new FieldValidationException({ password: early });
    const passwordHash = await this.hashing.hash(request.password);
    await this.txHost.withTransaction(async () => {
      const owner = await this.users.consumePasswordToken(hashSecret(request.token));
      if (!owner)
        throw new GoneException(
          'This set-password link is not valid any more: ask an admin for a new one.',
        );
      const problems = await passwordProblems(request.password, {
        email: owner.email,
        displayName: owner.displayName,
        demo,
      });
      if (problems.length > 0) throw new FieldValidationException({ password: problems });
      await this.users.setPasswordHash(owner.userId, passwordHash);
      await this.audit.record({
        actor: { userId: owner.userId, requestId: null },
        action: 'set_password',
        entityType: ENTITY_TYPE,
        entityId: owner.userId,
      });
    });
  }
}
