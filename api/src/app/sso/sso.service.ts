import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { SignInOptionsResponse, SsoFailure, SsoLogoutResponse } from '@waypoint/contracts';
import { groupsOfClaim, roleFromGroups } from '@waypoint/domain';
import { AuditService } from '../audit';
import {
  type AuthenticatedUser,
  AuthService,
  hashSecret,
  type IssuedSession,
  newSecret,
} from '../auth';
import { AccessEndedSignal } from '../common';
import { AppConfig, type SsoSettings } from '../config';
import { type SsoAccount, UsersRepository } from '../users';
import { SsoClient, SsoProviderError } from './sso-client';
import { SsoLoginsRepository } from './sso-logins.repository';

/** How long the provider may take to send the browser back (the `wp_sso` cookie's life). */
export const SSO_LOGIN_MINUTES = 10;
export const CALLBACK_PATH = '/api/auth/sso/callback';

export type SsoOutcome =
  | { ok: true; session: IssuedSession; returnTo: string }
  | { ok: false; reason: SsoFailure };

class SsoRefusal extends Error {
  constructor(
    readonly reason: SsoFailure,
    message: string,
  ) {
    super(message);
  }
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/**
 * Single sign-on with OpenID Connect: starts a sign-in (state, nonce, PKCE), completes it at the
 * callback (the ID token checked by SsoClient), finds or creates the account, sets its role from
 * the provider's groups (audited when it changes) and opens a Waypoint session.
 */
@Injectable()
export class SsoService {
  private readonly logger = new Logger('SingleSignOn');

  constructor(
    private readonly config: AppConfig,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly client: SsoClient,
    private readonly logins: SsoLoginsRepository,
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly accessEnded: AccessEndedSignal,
  ) {}

  options(): SignInOptionsResponse {
    const sso = this.config.sso;
    return {
      passwordSignIn: this.config.auth.passwordSignIn,
      sso: sso ? { providerName: sso.providerName } : null,
    };
  }

  private settings(): SsoSettings {
    if (!this.config.sso) throw new NotFoundException('Single sign-on is not set up here.');
    return this.config.sso;
  }

  /**
   * Starts a sign-in: the browser's cookie secret and the provider's URL to send it to. The
   * provider sends the browser back to `origin` (one of the allowed origins), where its cookie is.
   */
  async start(
    returnTo: string,
    origin: string,
  ): Promise<{ ok: true; browserToken: string; url: string } | { ok: false; reason: SsoFailure }> {
    this.settings();
    const redirectUri = `${origin}${CALLBACK_PATH}`;
    let begun: Awaited<ReturnType<SsoClient['begin']>>;
    try {
      begun = await this.client.begin(redirectUri);
    } catch (error) {
      if (!(error instanceof SsoProviderError)) throw error;
      return { ok: false, reason: error.reason };
    }
    const { login, url } = begun;
    const browser = newSecret('wpo');
    await this.logins.save(browser.hash, {
      ...login,
      returnTo,
      redirectUri,
      expiresAt: new Date(Date.now() + SSO_LOGIN_MINUTES * 60_000),
    });
    return { ok: true, browserToken: browser.token, url };
  }

  /**
   * Completes a sign-in at the callback. Every refusal is logged with its cause and answered with
   * a reason the sign-in page can say; the sign-in under way is used up either way.
   */
  async complete(
    browserToken: string | undefined,
    search: string,
    requestId: string | null,
  ): Promise<SsoOutcome> {
    const sso = this.settings();
    try {
      const login = browserToken ? await this.logins.consume(hashSecret(browserToken)) : null;
      if (!login) {
        throw new SsoRefusal('refused', 'no sign-in under way in this browser (or it expired)');
      }
      const callback = new URL(`${login.redirectUri}${search}`);
      const { claims, idToken } = await this.client.complete(callback, login);
      const { session, roleChanged } = await this.txHost.withTransaction(async () => {
        const { account, roleChanged } = await this.account(sso, claims, requestId);
        const opened = await this.auth.openSession({ ...account, userId: account.id }, idToken);
        return { session: opened, roleChanged };
      });
      // What their open live streams may show depends on the role: those close now.
      if (roleChanged) this.accessEnded.emit({ userId: session.user.id, credentialId: null });
      this.logger.log(
        { event: 'sso.success', userId: session.user.id, requestId },
        'signed in (single sign-on)',
      );
      return { ok: true, session, returnTo: login.returnTo };
    } catch (error) {
      if (!(error instanceof SsoRefusal) && !(error instanceof SsoProviderError)) throw error;
      this.logger.warn(
        { event: 'sso.failure', reason: error.reason, cause: error.message, requestId },
        'single sign-on refused',
      );
      return { ok: false, reason: error.reason };
    }
  }

  /**
   * The account the provider vouches for: linked by subject, else by email; created at the first
   * sign-in when SSO_CREATE_USERS allows. Its role follows the groups at each sign-in.
   */
  private async account(
    sso: SsoSettings,
    claims: Record<string, unknown>,
    requestId: string | null,
  ): Promise<{ account: SsoAccount; roleChanged: boolean }> {
    const subject = text(claims['sub']);
    if (!subject) throw new SsoRefusal('refused', 'the ID token has no subject');
    const email = text(claims['email'])?.toLowerCase() ?? null;
    const verified = claims['email_verified'] !== false;
    const groups = groupsOfClaim(claims[sso.groupsClaim]);
    const found = await this.users.findForSso(subject, verified ? email : null);
    if (!found) {
      if (!sso.createUsers || !email || !verified) {
        throw new SsoRefusal(
          'unknown_user',
          `no account for ${email ?? subject} and ${sso.createUsers ? 'no verified email' : 'SSO_CREATE_USERS is off'}`,
        );
      }
      const role = roleFromGroups(groups, sso.roleMapping, null, sso.defaultRole);
      const displayName = (text(claims['name']) ?? email).slice(0, 120);
      const created = await this.users.insert({
        email,
        displayName,
        role,
        departmentId: null,
        ssoSubject: subject,
      });
      await this.audit.record({
        actor: { userId: created.id, requestId },
        action: 'create',
        entityType: 'user',
        entityId: created.id,
        after: { email, displayName, role, active: true, via: 'single sign-on', groups },
      });
      return { account: { ...created, ssoSubject: subject }, roleChanged: false };
    }
    if (!found.active) throw new SsoRefusal('inactive', `the account ${found.id} is deactivated`);
    if (found.ssoSubject === null) await this.users.linkSso(found.id, subject);
    const role = roleFromGroups(groups, sso.roleMapping, found.role, sso.defaultRole);
    if (role === found.role) return { account: found, roleChanged: false };
    const updated = await this.users.update(found.id, found.version, { role });
    await this.audit.record({
      actor: { userId: found.id, requestId },
      action: 'update',
      entityType: 'user',
      entityId: found.id,
      before: { role: found.role },
      after: { role, via: 'single sign-on', groups },
    });
    return {
      account: { ...found, role: updated.role, version: updated.version },
      roleChanged: true,
    };
  }

  /**
   * Ends the Waypoint session, and answers where the browser may end the provider's too (when
   * the session came from single sign-on and the provider offers end_session).
   */
  async logout(user: AuthenticatedUser, origin: string): Promise<SsoLogoutResponse> {
    const { ssoIdToken } = await this.auth.logout(user);
    if (!ssoIdToken || !this.config.sso) return { endSessionUrl: null };
    try {
      return {
        endSessionUrl: await this.client.endSessionUrl(ssoIdToken, `${origin}/sign-in`),
      };
    } catch (error) {
      this.logger.warn(
        { event: 'sso.end_session_unavailable', cause: (error as Error).message },
        'the provider session could not be ended',
      );
      return { endSessionUrl: null };
    }
  }
}
