import { ForbiddenException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import type { CurrentUserResponse, LoginRequest } from '@waypoint/contracts';
import { AppConfig } from '../config';
import type { AuthenticatedUser } from './authenticated-user';
import { AccessEndedSignal, TooManyAttemptsException } from '../common';
import { type CredentialOwner, CredentialsRepository } from './credentials.repository';
import { LoginThrottleRepository } from './login-throttle.repository';
import { PasswordHashing } from './password-hashing';
import { hashSecret, newSecret } from './secrets';
import { SessionCache } from './session-cache';

export interface IssuedSession {
  token: string;
  maxAgeSeconds: number;
  user: CurrentUserResponse;
}

const SIGN_IN_FAILED = 'The email or password is not right.';
/** last_seen_at is written at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 60_000;

export function toAuthenticatedUser(
  owner: CredentialOwner,
  via: AuthenticatedUser['via'],
  credentialId: string,
): AuthenticatedUser {
  return {
    id: owner.userId,
    email: owner.email,
    displayName: owner.displayName,
    role: owner.role,
    departmentId: owner.departmentId,
    via,
    credentialId,
  };
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly config: AppConfig,
    private readonly credentials: CredentialsRepository,
    private readonly throttle: LoginThrottleRepository,
    private readonly hashing: PasswordHashing,
    private readonly accessEnded: AccessEndedSignal,
    private readonly sessions: SessionCache,
  ) {}

  async login(input: LoginRequest, ip: string, requestId: string | null): Promise<IssuedSession> {
    if (!this.config.auth.passwordSignIn) {
      const provider = this.config.sso?.providerName ?? 'single sign-on';
      throw new ForbiddenException(`Password sign-in is off here: sign in with ${provider}.`);
    }
    const email = input.email.trim().toLowerCase();
    const { auth } = this.config;
    const account = await this.throttle.claim(`account:${email}`, auth.throttleWindowMs);
    const address = await this.throttle.claim(`ip:${ip}`, auth.throttleWindowMs);
    const over = [
      account.count > auth.maxFailuresPerAccount ? account.retryAfterSeconds : 0,
      address.count > auth.maxFailuresPerIp ? address.retryAfterSeconds : 0,
    ];
    const wait = Math.max(...over);
    if (wait > 0) {
      // Refused unchecked: the attempt is not a failure, so it gives back what it counted.
      await this.throttle.release(account.key);
      await this.throttle.release(address.key);
      this.logger.warn({ event: 'login.throttled', email, ip, requestId }, 'sign-in throttled');
      throw new TooManyAttemptsException(wait);
    }
    const candidate = await this.credentials.findLoginCandidate(email);
    let ok: boolean;
    try {
      ok = await this.hashing.verify(
        candidate?.active ? candidate.passwordHash : null,
        input.password,
      );
    } catch (error) {
      // Not checked (the hashing queue is full): not a failure either.
      await this.throttle.release(account.key);
      await this.throttle.release(address.key);
      throw error;
    }
    if (!ok || !candidate) {
      await this.throttle.recordFailure(account, auth.maxFailuresPerAccount, auth.throttleWindowMs);
      await this.throttle.recordFailure(address, auth.maxFailuresPerIp, auth.throttleWindowMs);
      this.logger.warn({ event: 'login.failure', email, ip, requestId }, 'sign-in failed');
      throw new UnauthorizedException(SIGN_IN_FAILED);
    }
    await this.throttle.clear(account.key);
    await this.throttle.release(address.key);
    this.logger.log(
      { event: 'login.success', userId: candidate.userId, ip, requestId },
      'signed in',
    );
    return this.openSession(candidate, null);
  }

  /**
   * Opens a session for someone who proved who they are (a password, or a single sign-on whose
   * ID token is kept for the provider's sign-out). Runs in the caller's transaction, if any.
   */
  async openSession(owner: CredentialOwner, ssoIdToken: string | null): Promise<IssuedSession> {
    const secret = newSecret('wps');
    const expiresAt = new Date(Date.now() + this.config.auth.sessionAbsoluteMs);
    const sessionId = await this.credentials.createSession(
      owner.userId,
      secret.hash,
      expiresAt,
      ssoIdToken,
    );
    return {
      token: secret.token,
      maxAgeSeconds: Math.floor(this.config.auth.sessionAbsoluteMs / 1000),
      user: await this.describe(toAuthenticatedUser(owner, 'session', sessionId)),
    };
  }

  /** Ends the session; answers the ID token a single sign-on opened it with, if any. */
  async logout(user: AuthenticatedUser): Promise<{ ssoIdToken: string | null }> {
    if (user.via !== 'session') return { ssoIdToken: null };
    const ended = await this.credentials.revokeSession(user.credentialId);
    // Streams opened with this session close now, not at their lifetime.
    this.accessEnded.emit({ userId: user.id, credentialId: user.credentialId });
    return ended;
  }

  /** Resolves a session cookie; null when unknown, revoked, idle too long or past its end. */
  async fromSession(token: string): Promise<AuthenticatedUser | null> {
    const hash = hashSecret(token);
    const now = Date.now();
    const epoch = this.sessions.epoch;
    const cached = this.sessions.get(hash, now);
    const session = cached ?? (await this.credentials.findSession(hash));
    if (!session || session.revokedAt || !session.active) return null;
    if (session.expiresAt.getTime() <= now) return null;
    if (session.lastSeenAt.getTime() + this.config.auth.sessionIdleMs <= now) return null;
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.credentials.touchSession(session.sessionId);
      session.lastSeenAt = new Date(now);
    }
    if (!cached) this.sessions.set(hash, session, now, epoch);
    return toAuthenticatedUser(session, 'session', session.sessionId);
  }

  /** Resolves a personal API token (Authorization: Bearer). */
  async fromToken(token: string): Promise<AuthenticatedUser | null> {
    const row = await this.credentials.findToken(hashSecret(token));
    if (!row || row.revokedAt || !row.active) return null;
    if (row.expiresAt.getTime() <= Date.now()) return null;
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      await this.credentials.touchToken(row.tokenId);
    }
    return { ...toAuthenticatedUser(row, 'token', row.tokenId), tokenScope: row.scope };
  }

  async describe(user: AuthenticatedUser): Promise<CurrentUserResponse> {
    const department = user.departmentId
      ? await this.credentials.findDepartment(user.departmentId)
      : null;
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      department,
      via: user.via,
    };
  }

  assertSameOrigin(origin: string | undefined, allowed: string[]): void {
    if (origin === undefined) {
      throw new ForbiddenException(
        'A state-changing request made with the session cookie must send an Origin header.',
      );
    }
    if (!allowed.includes(origin)) {
      throw new ForbiddenException(
        'Cross-site request refused: the Origin does not match this site.',
      );
    }
  }
}
