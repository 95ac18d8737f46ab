import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API tokens expire and carry a scope (issue 16): `expires_at` (existing tokens: created + 90
 * days) and `scope` (`read` or `read_write`; existing tokens: `read_write`).
 */
export class ApiTokenExpiryAndScope1764000001600 implements MigrationInterface {
  name = 'ApiTokenExpiryAndScope1764000001600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz`);
    await q.query(`UPDATE api_tokens SET expires_at = created_at + interval '90 days'`);
    await q.query(`ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL`);
    await q.query(
      `ALTER TABLE api_tokens ADD COLUMN scope text NOT NULL DEFAULT 'read_write'
         CONSTRAINT api_tokens_scope_check CHECK (scope IN ('read', 'read_write'))`,
    );
    await q.query(`ALTER TABLE api_tokens ALTER COLUMN scope DROP DEFAULT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_tokens DROP COLUMN scope`);
    await q.query(`ALTER TABLE api_tokens DROP COLUMN expires_at`);
  }
}
