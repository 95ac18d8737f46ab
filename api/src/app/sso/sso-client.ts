import { Injectable, Logger } from '@nestjs/common';
import type { Configuration } from 'openid-client';
import { AppConfig, type SsoSettings } from '../config';

type OpenIdClient = typeof import('openid-client');

/** What a sign-in under way remembers between the redirect to the provider and its callback. */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Why a sign-in failed at the provider's side, as the callback tells the person. */
export class SsoProviderError extends Error {
  constructor(
    readonly reason: 'unavailable' | 'provider_error' | 'refused',
    message: string,
  ) {
    super(message);
  }
}

/**
 * openid-client (ES module only) loaded on first use: the API is CommonJS, and Node 20.19+ loads
 * an ES module from require(); nothing loads it unless single sign-on is on (and Jest never does).
 */
function loadClient(): Promise<OpenIdClient> {
  return import('openid-client');
}

/**
 * The OpenID Connect relying party (authorization code flow with PKCE): discovery from the issuer
 * (cached once it succeeds, tried again after a failure), the authorization URL, the code grant
 * that checks state, nonce and the ID token (signature, issuer, audience, expiry), and the
 * provider's end-session URL.
 */
@Injectable()
export class SsoClient {
  private readonly logger = new Logger('SingleSignOn');
  private discovered: Promise<{ lib: OpenIdClient; configuration: Configuration }> | null = null;

  constructor(private readonly config: AppConfig) {}

  private settings(): SsoSettings {
    if (!this.config.sso) throw new Error('single sign-on is not configured');
    return this.config.sso;
  }

  private discover(): Promise<{ lib: OpenIdClient; configuration: Configuration }> {
    this.discovered ??= (async () => {
      const sso = this.settings();
      const lib = await loadClient();
      const configuration = await lib.discovery(
        new URL(sso.issuer),
        sso.clientId,
        sso.clientSecret,
        undefined,
        sso.allowInsecure ? { execute: [lib.allowInsecureRequests] } : undefined,
      );
      return { lib, configuration };
    })().catch((error: unknown) => {
      this.discovered = null;
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error({ event: 'sso.discovery_failed', error: message }, 'discovery failed');
      throw new SsoProviderError('unavailable', `The provider could not be reached: ${message}`);
    });
    return this.discovered;
  }

  /** A new state, nonce and PKCE verifier, and the provider's URL to send the browser to. */
  async begin(redirectUri: string): Promise<{ login: PendingLogin; url: string }> {
    const { lib, configuration } = await this.discover();
    const login: PendingLogin = {
      state: lib.randomState(),
      nonce: lib.randomNonce(),
      codeVerifier: lib.randomPKCECodeVerifier(),
    };
    const url = lib.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: this.settings().scopes,
      code_challenge: await lib.calculatePKCECodeChallenge(login.codeVerifier),
      code_challenge_method: 'S256',
      state: login.state,
      nonce: login.nonce,
    });
    return { login, url: url.href };
  }

  /**
   * Exchanges the callback's code: the state must be the one sent, the ID token signed by the
   * provider, for this client, unexpired, with the nonce sent. Claims the ID token lacks (email,
   * groups) are completed from userinfo when the provider offers it.
   */
  async complete(
    callbackUrl: URL,
    login: PendingLogin,
  ): Promise<{ claims: Record<string, unknown>; idToken: string }> {
    const { lib, configuration } = await this.discover();
    let tokens: Awaited<ReturnType<OpenIdClient['authorizationCodeGrant']>>;
    try {
      tokens = await lib.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const reason = error instanceof lib.AuthorizationResponseError ? 'provider_error' : 'refused';
      throw new SsoProviderError(reason, message);
    }
    const idClaims = tokens.claims();
    if (!idClaims || !tokens.id_token) {
      throw new SsoProviderError('refused', 'The provider answered without an ID token.');
    }
    const claims: Record<string, unknown> = { ...idClaims };
    const missing = ['email', this.settings().groupsClaim].some((c) => claims[c] === undefined);
    if (missing && configuration.serverMetadata().userinfo_endpoint) {
      const info = await lib.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      for (const [claim, value] of Object.entries(info)) claims[claim] ??= value;
    }
    return { claims, idToken: tokens.id_token };
  }

  /** The provider's end-session URL for this ID token, or null when it offers none. */
  async endSessionUrl(idToken: string, postLogoutRedirectUri: string): Promise<string | null> {
    const { lib, configuration } = await this.discover();
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return lib.buildEndSessionUrl(configuration, {
      id_token_hint: idToken,
      post_logout_redirect_uri: postLogoutRedirectUri,
    }).href;
  }
}
