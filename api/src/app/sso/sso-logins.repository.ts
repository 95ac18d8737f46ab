import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { returnedRows } from '../common';
import type { PendingLogin } from './sso-client';

export interface StoredLogin extends PendingLogin {
  returnTo: string;
  /** The callback URL sent to the provider (on the origin the browser used). */
  redirectUri: string;
  expiresAt: Date;
}

/** Sign-ins under way, by the hash of the browser's `wp_sso` cookie; each is used once. */
@Injectable()
export class SsoLoginsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a sign-in under way (and forgets the ones that expired). */
  async save(browserHash: string, login: StoredLogin): Promise<void> {
    await this.dataSource.query(`DELETE FROM sso_logins WHERE expires_at < now()`);
    await this.dataSource.query(
      `INSERT INTO sso_logins
         (browser_hash, state, nonce, code_verifier, return_to, redirect_uri, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        browserHash,
        login.state,
        login.nonce,
        login.codeVerifier,
        login.returnTo,
        login.redirectUri,
        login.expiresAt,
      ],
    );
  }

  /** Takes the sign-in under way for this browser, whatever comes next: a callback is one try. */
  async consume(browserHash: string): Promise<StoredLogin | null> {
    const rows = returnedRows<{
      state: string;
      nonce: string;
      code_verifier: string;
      return_to: string;
      redirect_uri: string;
      expires_at: Date;
    }>(
      await this.dataSource.query(
        `DELETE FROM sso_logins WHERE browser_hash = $1
         RETURNING state, nonce, code_verifier, return_to, redirect_uri, expires_at`,
        [browserHash],
      ),
    );
    const row = rows[0];
    return row && row.expires_at.getTime() > Date.now()
      ? {
          state: row.state,
          nonce: row.nonce,
          codeVerifier: row.code_verifier,
          returnTo: row.return_to,
          redirectUri: row.redirect_uri,
          expiresAt: row.expires_at,
        }
      : null;
  }
}
