import { Injectable } from '@nestjs/common';
import type { ApiTokenResponse, ApiTokenScope } from '@waypoint/contracts';
import { DataSource } from 'typeorm';

interface TokenColumns {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date;
  scope: ApiTokenScope;
}

const COLUMNS = 'id, name, prefix, created_at, last_used_at, expires_at, scope';

const toResponse = (r: TokenColumns): ApiTokenResponse => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at.toISOString(),
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  expiresAt: r.expires_at.toISOString(),
  scope: r.scope,
});

@Injectable()
export class ApiTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listActive(userId: string): Promise<ApiTokenResponse[]> {
    const rows: TokenColumns[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM api_tokens
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
        ORDER BY created_at DESC LIMIT 100`,
      [userId],
    );
    return rows.map(toResponse);
  }

  async create(
    userId: string,
    name: string,
    prefix: string,
    tokenHash: string,
    lifetime: { expiresInDays: number; scope: ApiTokenScope },
  ): Promise<ApiTokenResponse> {
    const rows: TokenColumns[] = await this.dataSource.query(
      `INSERT INTO api_tokens (user_id, name, prefix, token_hash, expires_at, scope)
       VALUES ($1, $2, $3, $4, now() + make_interval(days => $5), $6)
       RETURNING ${COLUMNS}`,
      [userId, name, prefix, tokenHash, lifetime.expiresInDays, lifetime.scope],
    );
    const row = rows[0];
    if (!row) throw new Error('token insert returned nothing');
    return toResponse(row);
  }

  /** Revokes one of the user's own tokens; false when there is no such active token. */
  async revoke(userId: string, tokenId: string): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [tokenId, userId],
    );
    return affected === 1;
  }
}
