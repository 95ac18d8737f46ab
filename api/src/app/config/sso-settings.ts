import { ROLE_VALUES, type Role } from '@waypoint/contracts';
import { StartupError } from './config-error';

/** Single sign-on with OpenID Connect (issue 19); null in AppConfig when SSO_ISSUER is not set. */
export interface SsoSettings {
  /** The issuer URL discovery starts from (`<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The name on the sign-in button: "Sign in with <providerName>". */
  providerName: string;
  /** The scopes asked for; always with `openid`. */
  scopes: string;
  /** The ID token (or userinfo) claim that lists the user's groups. */
  groupsClaim: string;
  /** Group -> role; empty: roles are not managed by the provider. */
  roleMapping: ReadonlyMap<string, Role>;
  /** Unknown users are created at their first sign-in (with defaultRole), or refused. */
  createUsers: boolean;
  defaultRole: Role;
  /** Plain http is accepted only for an issuer on this machine (tests, local trials). */
  allowInsecure: boolean;
}

export interface SsoVariables {
  SSO_ISSUER?: string;
  SSO_CLIENT_ID?: string;
  SSO_CLIENT_SECRET?: string;
  SSO_PROVIDER_NAME?: string;
  SSO_SCOPES: string;
  SSO_GROUPS_CLAIM: string;
  SSO_ROLE_MAPPING?: string;
  SSO_CREATE_USERS: boolean;
  SSO_DEFAULT_ROLE: Role;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Parses `group=role,group=role` (a group may contain spaces, not `=` or `,`). */
export function parseRoleMapping(raw: string | undefined): Map<string, Role> {
  const mapping = new Map<string, Role>();
  for (const entry of (raw ?? '').split(',')) {
    if (entry.trim() === '') continue;
    const at = entry.lastIndexOf('=');
    const group = entry.slice(0, Math.max(at, 0)).trim();
    const role = entry.slice(at + 1).trim();
    if (at < 1 || group === '' || !(ROLE_VALUES as readonly string[]).includes(role)) {
      throw new StartupError(
        `invalid configuration: SSO_ROLE_MAPPING entry ${JSON.stringify(entry.trim())} (group=role, role one of ${ROLE_VALUES.join(', ')}; entries separated by commas)`,
      );
    }
    mapping.set(group, role as Role);
  }
  return mapping;
}

/** The SSO settings, or null when SSO_ISSUER is not set; a StartupError when half set. */
export function parseSsoSettings(vars: SsoVariables): SsoSettings | null {
  if (!vars.SSO_ISSUER) {
    const stray = (['SSO_CLIENT_ID', 'SSO_CLIENT_SECRET', 'SSO_ROLE_MAPPING'] as const).filter(
      (name) => vars[name],
    );
    if (stray.length > 0) {
      throw new StartupError(
        `invalid configuration: ${stray.join(', ')} set without SSO_ISSUER (set SSO_ISSUER to turn single sign-on on)`,
      );
    }
    return null;
  }
  let url: URL;
  try {
    url = new URL(vars.SSO_ISSUER);
  } catch {
    throw new StartupError(
      `invalid configuration: SSO_ISSUER=${JSON.stringify(vars.SSO_ISSUER)} is not a URL`,
    );
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new StartupError(
      `invalid configuration: SSO_ISSUER=${JSON.stringify(vars.SSO_ISSUER)} (an https:// address; http:// only on this machine)`,
    );
  }
  if (!vars.SSO_CLIENT_ID || !vars.SSO_CLIENT_SECRET) {
    throw new StartupError(
      'invalid configuration: SSO_ISSUER needs SSO_CLIENT_ID and SSO_CLIENT_SECRET (the client registered at the provider)',
    );
  }
  const scopes = vars.SSO_SCOPES.split(/\s+/).filter(Boolean);
  return {
    issuer: vars.SSO_ISSUER,
    clientId: vars.SSO_CLIENT_ID,
    clientSecret: vars.SSO_CLIENT_SECRET,
    providerName: vars.SSO_PROVIDER_NAME?.trim() || url.hostname,
    scopes: (scopes.includes('openid') ? scopes : ['openid', ...scopes]).join(' '),
    groupsClaim: vars.SSO_GROUPS_CLAIM,
    roleMapping: parseRoleMapping(vars.SSO_ROLE_MAPPING),
    createUsers: vars.SSO_CREATE_USERS,
    defaultRole: vars.SSO_DEFAULT_ROLE,
    allowInsecure: url.protocol === 'http:',
  };
}
