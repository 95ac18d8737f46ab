import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { ApiTokenScope, Role } from '@waypoint/contracts';
import { DataSource } from 'typeorm';
import { returnedRows } from '../common';

export interface CredentialOwner {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  active: boolean;
}

export interface SessionRow extends CredentialOwner {
  sessionId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export interface TokenRow extends CredentialOwner {
  tokenId: string;
  expiresAt: Date;
  scope: ApiTokenScope;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface LoginCandidate extends CredentialOwner {
  passwordHash: string | null;
}

interface OwnerColumns {
  user_id: string;
  email: string;
  display_name: string;
  role: Role;
  department_id: string | null;
  active: boolean;
}

const owner = (r: OwnerColumns): CredentialOwner => ({
  userId: r.user_id,
  email: r.email,
  displayName: r.display_name,
  role: r.role,
  departmentId: r.department_id,
  active: r.active,
});

const OWNER = `u.id AS user_id, u.email, u.display_name, u.role, u.department_id, u.active`;

/** Sessions, API tokens and set-password tokens: every lookup is by the hash of the secret. */
@Injectable()
export class CredentialsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  async findLoginCandidate(email: string): Promise<LoginCandidate | null> {
    const rows: Array<OwnerColumns & { password_hash: string | null }> =
      await this.dataSource.query(
        `SELECT ${OWNER}, u.password_hash FROM users u WHERE lower(u.email) = lower($1)`,
        [email],
      );
    const row = rows[0];
    return row ? { ...owner(row), passwordHash: row.password_hash } : null;
  }

  /** A new session; `ssoIdToken`: the ID token of the single sign-on that opened it. */
  async createSession(
    userId: string,
    tokenHash: string,
    expiresAt: Date,
    ssoIdToken: string | null = null,
  ): Promise<string> {
    const rows: Array<{ id: string }> = await this.txHost.tx.query(
      `INSERT INTO sessions (user_id, token_hash, expires_at, sso_id_token)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [userId, tokenHash, expiresAt, ssoIdToken],
    );
    return rows[0]?.id ?? '';
  }

  async findSession(tokenHash: string): Promise<SessionRow | null> {
    const rows: Array<
      OwnerColumns & {
        session_id: string;
        last_seen_at: Date;
        expires_at: Date;
        revoked_at: Date | null;
      }
    > = await this.dataSource.query(
      `SELECT s.id AS session_id, s.last_seen_at, s.expires_at, s.revoked_at, ${OWNER}
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
      [tokenHash],
    );
    const r = rows[0];
    return r
      ? {
          ...owner(r),
          sessionId: r.session_id,
          lastSeenAt: r.last_seen_at,
          expiresAt: r.expires_at,
          revokedAt: r.revoked_at,
        }
      : null;
  }

  async touchSession(sessionId: string): Promise<void> {
    await this.dataSource.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [
      sessionId,
    ]);
  }

  /** Ends a session; answers the ID token it was opened with (single sign-on), if any. */
  async revokeSession(sessionId: string): Promise<{ ssoIdToken: string | null }> {
    const rows = returnedRows<{ sso_id_token: string | null }>(
      await this.dataSource.query(
        `UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL
         RETURNING sso_id_token`,
        [sessionId],
      ),
    );
    return { ssoIdToken: rows[0]?.sso_id_token ?? null };
  }

  /** Ends every session and API token of a user (deactivation), in the caller's transaction. */
  async revokeAllFor(userId: string): Promise<void> {
    await this.txHost.tx.query(
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    await this.txHost.tx.query(
      `UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
  }

  async findToken(tokenHash: string): Promise<TokenRow | null> {
    const rows: Array<
      OwnerColumns & {
        token_id: string;
        last_used_at: Date | null;
        revoked_at: Date | null;
        expires_at: Date;
        scope: ApiTokenScope;
      }
    > = await this.dataSource.query(
      `SELECT t.id AS token_id, t.last_used_at, t.revoked_at, t.expires_at, t.scope, ${OWNER}
           FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1`,
      [tokenHash],
    );
    const r = rows[0];
    return r
      ? {
          ...owner(r),
          tokenId: r.token_id,
          lastUsedAt: r.last_used_at,
          revokedAt: r.revoked_at,
          expiresAt: r.expires_at,
          scope: r.scope,
        }
      : null;
  }

  async touchToken(tokenId: string): Promise<void> {
    await this.dataSource.query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1`, [
      tokenId,
    ]);
  }

  async findDepartment(id: string): Promise<{ id: string; name: string } | null> {
    const rows: Array<{ id: string; name: string }> = await this.dataSource.query(
      `SELECT id, name FROM departments WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }
}
