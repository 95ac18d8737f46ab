import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { DepartmentRef, InitiativeTitleRef, Role } from '@waypoint/contracts';
import { In } from 'typeorm';
import {
  isUniqueViolation,
  type PageRequest,
  conditionalUpdate,
  insertReturning,
  DuplicateRecordError,
} from '../common';
import { UserEntity } from './user.entity';

export interface UserFilter {
  role?: Role;
  departmentId?: string;
  active?: boolean;
  q?: string;
}

export interface UserRow extends UserEntity {
  passwordSet: boolean;
}

export interface SsoAccount {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  active: boolean;
  version: number;
  ssoSubject: string | null;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  departmentId?: string;
  active?: boolean;
}

const EMAIL_KEY = 'users_email_key';
const emailTaken = (email: string): DuplicateRecordError =>
  new DuplicateRecordError(`A user with the email ${email} already exists.`);

@Injectable()
export class UsersRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private query() {
    return this.txHost.tx
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select([
        'u.id',
        'u.email',
        'u.displayName',
        'u.role',
        'u.departmentId',
        'u.active',
        'u.version',
        'u.createdAt',
        'u.updatedAt',
      ])
      .addSelect('u.password_hash IS NOT NULL', 'password_set');
  }

  private static withPasswordFlag(
    entities: UserEntity[],
    raw: Array<{ password_set: boolean }>,
  ): UserRow[] {
    return entities.map((entity, index) => ({
      ...entity,
      passwordSet: raw[index]?.password_set === true,
    }));
  }

  async list(filter: UserFilter, page: PageRequest): Promise<{ rows: UserRow[]; total: number }> {
    const qb = this.query();
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.departmentId)
      qb.andWhere('u.department_id = :departmentId', { departmentId: filter.departmentId });
    if (filter.active !== undefined) qb.andWhere('u.active = :active', { active: filter.active });
    if (filter.q) {
      qb.andWhere(
        "(lower(u.email) LIKE :q ESCAPE '\\' OR lower(u.display_name) LIKE :q ESCAPE '\\')",
        {
          q: `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        },
      );
    }
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .orderBy('lower(u.display_name)', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(page.limit)
      .offset(page.offset)
      .getRawAndEntities<{ password_set: boolean }>();
    return { rows: UsersRepository.withPasswordFlag(entities, raw), total };
  }

  async findById(id: string): Promise<UserRow | null> {
    const { entities, raw } = await this.query()
      .where('u.id = :id', { id })
      .getRawAndEntities<{ password_set: boolean }>();
    return UsersRepository.withPasswordFlag(entities, raw)[0] ?? null;
  }

  /** Department names for the users shown, in one IN (...) query. */
  async departments(ids: Array<string | null>): Promise<Map<string, DepartmentRef>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows: DepartmentRef[] = await this.txHost.tx
      .createQueryBuilder()
      .select(['d.id AS id', 'd.name AS name'])
      .from('departments', 'd')
      .where({ id: In(wanted) })
      .getRawMany();
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * The initiatives (not completed or stopped) this user sponsors, by title; the ones a change
   * of role or a deactivation leaves without a sponsor.
   */
  async sponsorships(userId: string): Promise<InitiativeTitleRef[]> {
    return this.txHost.tx.query(
      `SELECT id, title FROM initiatives
        WHERE sponsor_id = $1 AND status NOT IN ('completed', 'stopped')
        ORDER BY title, id`,
      [userId],
    );
  }

  async departmentExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.txHost.tx.query(`SELECT 1 FROM departments WHERE id = $1`, [
      id,
    ]);
    return rows.length === 1;
  }

  async insert(values: {
    email: string;
    displayName: string;
    role: Role;
    departmentId: string | null;
    ssoSubject?: string;
  }): Promise<UserEntity> {
    try {
      return await insertReturning(this.txHost, UserEntity, values);
    } catch (error) {
      if (isUniqueViolation(error, EMAIL_KEY)) throw emailTaken(values.email);
      throw error;
    }
  }

  /**
   * The account a single sign-on names: the one linked to the provider's subject, else the one
   * with that email (not yet linked to another subject). Locked for the sign-in's transaction.
   */
  async findForSso(subject: string, email: string | null): Promise<SsoAccount | null> {
    const rows: SsoAccount[] = await this.txHost.tx.query(
      `SELECT id, email, display_name AS "displayName", role, department_id AS "departmentId",
              active, version,
              sso_subject AS "ssoSubject"
         FROM users
        WHERE sso_subject = $1 OR (sso_subject IS NULL AND $2::text IS NOT NULL AND lower(email) = lower($2))
        ORDER BY (sso_subject = $1) DESC NULLS LAST
        LIMIT 1 FOR UPDATE`,
      [subject, email],
    );
    return rows[0] ?? null;
  }

  /** Links an account to the provider's subject at its first single sign-on. */
  async linkSso(id: string, subject: string): Promise<void> {
    await this.txHost.tx.query(`UPDATE users SET sso_subject = $2 WHERE id = $1`, [id, subject]);
  }

  async update(id: string, expectedVersion: number, changes: UserChanges): Promise<UserEntity> {
    return conditionalUpdate(
      this.txHost,
      UserEntity,
      id,
      expectedVersion,
      changes,
      'No such user.',
    );
  }

  async createPasswordToken(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.txHost.tx.query(
      `INSERT INTO password_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`,
      [userId, tokenHash, expiresAt],
    );
  }

  /**
   * Uses a set-password token once: sets the password hash and bumps the user's version, in one
   * transaction. Answers the user id, or null when the token is unknown, used or expired.
   */
  async consumePasswordToken(
    tokenHash: string,
  ): Promise<{ userId: string; email: string; displayName: string } | null> {
    const rows: Array<{ user_id: string; email: string; display_name: string }> =
      await this.txHost.tx.query(
        `UPDATE password_tokens t SET used_at = now()
         FROM users u
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now() AND u.id = t.user_id AND u.active
        RETURNING t.user_id, u.email, u.display_name`,
        [tokenHash],
      );
    // TypeORM answers an UPDATE with [rows, affected].
    const returned = (Array.isArray(rows[0]) ? rows[0] : rows) as Array<{
      user_id: string;
      email: string;
      display_name: string;
    }>;
    const row = returned[0];
    return row ? { userId: row.user_id, email: row.email, displayName: row.display_name } : null;
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.txHost.tx.query(
      `UPDATE users SET password_hash = $2, version = version + 1, updated_at = now() WHERE id = $1`,
      [userId, passwordHash],
    );
  }

  async findOrCreateDepartment(name: string): Promise<string> {
    const found: Array<{ id: string }> = await this.txHost.tx.query(
      `SELECT id FROM departments WHERE lower(name) = lower($1)`,
      [name],
    );
    if (found[0]) return found[0].id;
    const created: Array<{ id: string }> = await this.txHost.tx.query(
      `INSERT INTO departments (name) VALUES ($1) RETURNING id`,
      [name],
    );
    return created[0]?.id ?? '';
  }
}
