import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on and spreadsheet imports (issue 19, parts 1 and 3):
 * - `users.sso_subject`: the provider's `sub` of the account, linked at the first sign-in;
 * - `sessions.sso_id_token`: the ID token a single-sign-on session began with, the hint the
 *   provider's end_session endpoint asks for at sign-out;
 * - `sso_logins`: a sign-in under way (state, nonce, PKCE verifier), found by the hash of a
 *   short-lived cookie and consumed by the callback, whatever its outcome;
 * - `reading_imports`: each imported file by the hash of its content, so a file imports once;
 *   `readings.import_id` names the import a reading came from.
 */
export class SsoAndReadingImports1764000003400 implements MigrationInterface {
  name = 'SsoAndReadingImports1764000003400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN sso_subject varchar(255)`);
    await q.query(
      `CREATE UNIQUE INDEX users_sso_subject_key ON users (sso_subject) WHERE sso_subject IS NOT NULL`,
    );
    await q.query(`ALTER TABLE sessions ADD COLUMN sso_id_token text`);
    await q.query(`
      CREATE TABLE sso_logins (
        browser_hash char(64) PRIMARY KEY,
        state varchar(128) NOT NULL,
        nonce varchar(128) NOT NULL,
        code_verifier varchar(128) NOT NULL,
        return_to varchar(2048) NOT NULL,
        redirect_uri varchar(2048) NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sso_logins_expires_idx ON sso_logins (expires_at)`);
    await q.query(`
      CREATE TABLE reading_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        content_hash char(64) NOT NULL,
        file_name varchar(255) NOT NULL,
        imported_by uuid NOT NULL REFERENCES users (id),
        imported_at timestamptz NOT NULL DEFAULT now(),
        row_count integer NOT NULL,
        imported_count integer NOT NULL,
        CONSTRAINT reading_imports_content_key UNIQUE (content_hash)
      )`);
    await q.query(`ALTER TABLE readings ADD COLUMN import_id uuid REFERENCES reading_imports (id)`);
    await q.query(
      `CREATE INDEX readings_import_idx ON readings (import_id) WHERE import_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE readings DROP COLUMN import_id`);
    await q.query(`DROP TABLE reading_imports`);
    await q.query(`DROP TABLE sso_logins`);
    await q.query(`ALTER TABLE sessions DROP COLUMN sso_id_token`);
    await q.query(`DROP INDEX users_sso_subject_key`);
    await q.query(`ALTER TABLE users DROP COLUMN sso_subject`);
  }
}
