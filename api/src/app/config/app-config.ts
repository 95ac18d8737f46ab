import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  validateSync,
} from 'class-validator';
import { ROLE_VALUES, type Role } from '@waypoint/contracts';
import { StartupError } from './config-error';
import { parseSsoSettings, type SsoSettings } from './sso-settings';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value;
};
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;

/** How the connection to the SMTP server is secured. */
export const SMTP_TLS_MODES = ['starttls', 'implicit', 'none'] as const;
export type SmtpTls = (typeof SMTP_TLS_MODES)[number];

/** The environment variables Waypoint reads, with their defaults. README documents each. */
class EnvironmentVariables {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  HOST = '0.0.0.0';

  @IsOptional()
  @IsString()
  @MaxLength(2048)
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4096)
  WAYPOINT_DATA_DIR = '.data';

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  WAYPOINT_DEMO = true;

  @IsOptional()
  @IsString()
  @MaxLength(4096)
  WAYPOINT_WEB_DIR?: string;

  /** Diagnostic answer headers (X-SQL-Statements): for tests and benchmarks, off in production. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  WAYPOINT_DIAGNOSTICS = false;

  @IsOptional()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE = 10;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10080)
  SESSION_IDLE_MINUTES = 480;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(8760)
  SESSION_ABSOLUTE_HOURS = 168;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_MAX_FAILURES_PER_IP = 20;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  LOGIN_THROTTLE_MINUTES = 15;

  /** The address people reach Waypoint at: set-password links and the allowed Origin. */
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  PUBLIC_URL?: string;

  /** Whom to believe about X-Forwarded-*: `false`, `true`, a hop count or a list of proxies. */
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  TRUST_PROXY = 'false';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  PASSWORD_HASHING_CONCURRENCY = 4;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000)
  PASSWORD_HASHING_QUEUE = 16;

  /** The organisation's name, shown in emails. */
  @IsOptional()
  @IsString()
  @MaxLength(120)
  ORGANISATION_NAME = 'Waypoint';

  /** The organisation's currency (ISO 4217): every amount of money is in it. */
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'a three-letter ISO 4217 code such as EUR or GBP' })
  ORGANISATION_CURRENCY = 'GBP';

  /** The SMTP server of outgoing email; unset: no email is sent (logged once at start-up). */
  @IsOptional()
  @IsString()
  @MaxLength(255)
  SMTP_HOST?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 587;

  /** `starttls` (upgrade required), `implicit` (TLS from the start, port 465) or `none`. */
  @IsOptional()
  @IsIn(SMTP_TLS_MODES)
  SMTP_TLS: SmtpTls = 'starttls';

  @IsOptional()
  @IsString()
  @MaxLength(255)
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  SMTP_PASSWORD?: string;

  /** The sender of every email, e.g. `Waypoint <waypoint@example.com>`; required with SMTP_HOST. */
  @IsOptional()
  @IsString()
  @MaxLength(255)
  SMTP_FROM?: string;

  /** The hour (UTC) at which daily digests go out. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(23)
  EMAIL_DIGEST_HOUR = 7;

  /** How often the outbox worker looks for messages due. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  OUTBOX_POLL_MS = 2000;

  /** The wait after a first failed delivery; it doubles at each further failure (up to 1 hour). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  OUTBOX_RETRY_BASE_SECONDS = 30;

  /** Attempts before a message is given up as failed. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  OUTBOX_MAX_ATTEMPTS = 8;

  /** Webhooks may post to plain http:// on this machine (tests, development); https:// otherwise. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_ALLOW_HTTP_LOOPBACK = false;

  /** Single sign-on (OpenID Connect): on when SSO_ISSUER is set. See sso-settings.ts. */
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  SSO_ISSUER?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  SSO_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  SSO_CLIENT_SECRET?: string;

  @IsOptional()
  @IsString()
  @MaxLength(60)
  SSO_PROVIDER_NAME?: string;

  @IsOptional()
  @IsString()
  @MaxLength(512)
  SSO_SCOPES = 'openid email profile';

  @IsOptional()
  @IsString()
  @MaxLength(255)
  SSO_GROUPS_CLAIM = 'groups';

  @IsOptional()
  @IsString()
  @MaxLength(4096)
  SSO_ROLE_MAPPING?: string;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  SSO_CREATE_USERS = true;

  @IsOptional()
  @IsIn(ROLE_VALUES)
  SSO_DEFAULT_ROLE: Role = 'member';

  /** Whether people may still sign in with a password (off: single sign-on only). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  PASSWORD_SIGN_IN = true;
}

export interface SmtpSettings {
  host: string;
  port: number;
  tls: SmtpTls;
  user: string | null;
  password: string | null;
  from: string;
}

export interface OutboxSettings {
  pollMs: number;
  retryBaseMs: number;
  /** The longest wait between two attempts. */
  retryMaxMs: number;
  maxAttempts: number;
}

export interface WebhookSettings {
  /** Plain http:// to a loopback address is accepted (WEBHOOK_ALLOW_HTTP_LOOPBACK). */
  allowHttpLoopback: boolean;
}

export interface EmailSettings {
  /** Null: no SMTP server is configured and nothing is sent. */
  smtp: SmtpSettings | null;
  organisationName: string;
  digestHourUtc: number;
}

/** Fastify's trustProxy: off, every hop, this many hops, or these proxy addresses/ranges. */
export type TrustProxy = boolean | number | string[];

const PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (PROXY_KEYWORDS.includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** The origin of PUBLIC_URL; a StartupError unless it is an http(s) URL without a path. */
function parsePublicUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new StartupError(`invalid configuration: PUBLIC_URL=${JSON.stringify(raw)} is not a URL`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || !['', '/'].includes(url.pathname)) {
    throw new StartupError(
      `invalid configuration: PUBLIC_URL=${JSON.stringify(raw)} (an http:// or https:// address without a path, e.g. https://waypoint.example.com)`,
    );
  }
  return url.origin;
}

/** Parses TRUST_PROXY; null when it is none of the accepted forms. */
export function parseTrustProxy(raw: string): TrustProxy | null {
  const value = raw.trim().toLowerCase();
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  if (['true', 'yes', 'on'].includes(value)) return true;
  if (/^\d{1,3}$/.test(value)) return Number(value);
  const entries = value.split(',').map((e) => e.trim());
  return entries.length > 0 && entries.every(isProxyAddress) ? entries : null;
}

export interface AuthSettings {
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  throttleWindowMs: number;
  /** Password hashes computed or checked at once; more wait in a queue of hashingQueue. */
  hashingConcurrency: number;
  hashingQueue: number;
  /** Sign-in with email and password is accepted (PASSWORD_SIGN_IN). */
  passwordSignIn: boolean;
}

export type DatabaseTarget =
  | { kind: 'server'; url: string; display: string }
  | { kind: 'embedded'; dataDir: string | null };

/**
 * The validated configuration. It is read once at boot from the environment; nothing else in
 * the API reads process.env.
 */
export class AppConfig {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseTarget;
  readonly demo: boolean;
  readonly diagnostics: boolean;
  readonly webDir: string | null;
  readonly logLevel: LogLevel;
  readonly poolSize: number;
  readonly bodyLimitBytes: number;
  readonly trustProxy: TrustProxy;
  /** The origin of PUBLIC_URL (scheme, host, port); null means the listening address. */
  readonly publicOrigin: string | null;
  readonly auth: AuthSettings;
  /** Single sign-on; null when off. */
  readonly sso: SsoSettings | null;
  readonly email: EmailSettings;
  readonly outbox: OutboxSettings;
  readonly webhooks: WebhookSettings;
  readonly version: string;
  /** ORGANISATION_CURRENCY: the currency of every amount of money. */
  readonly currency: string;

  constructor(values: Omit<AppConfig, never>) {
    this.port = values.port;
    this.host = values.host;
    this.database = values.database;
    this.demo = values.demo;
    this.diagnostics = values.diagnostics;
    this.webDir = values.webDir;
    this.logLevel = values.logLevel;
    this.poolSize = values.poolSize;
    this.bodyLimitBytes = values.bodyLimitBytes;
    this.trustProxy = values.trustProxy;
    this.publicOrigin = values.publicOrigin;
    this.auth = values.auth;
    this.sso = values.sso;
    this.email = values.email;
    this.outbox = values.outbox;
    this.webhooks = values.webhooks;
    this.version = values.version;
    this.currency = values.currency;
  }
}

/** Redacts the password of a connection URL for logs and messages. */
export function describeDatabaseUrl(url: URL): string {
  const db = url.pathname.replace(/^\//, '') || '(default database)';
  const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
  return `postgres://${user}${url.hostname}:${url.port || '5432'}/${db}`;
}

function parseDatabaseUrl(raw: string): DatabaseTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new StartupError(
      'DATABASE_URL is not a valid URL: use postgres://user:password@host:5432/database, or unset it to use the embedded database',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new StartupError(
      `DATABASE_URL must start with postgres:// or postgresql:// (got ${url.protocol}//): fix DATABASE_URL, or unset it to use the embedded database`,
    );
  }
  if (!url.hostname) {
    throw new StartupError(
      'DATABASE_URL has no host name: use postgres://user:password@host:5432/database',
    );
  }
  return { kind: 'server', url: raw, display: describeDatabaseUrl(url) };
}

export interface LoadConfigOptions {
  /** Working directory that relative paths resolve against. */
  cwd: string;
  /** Built SPA location used when WAYPOINT_WEB_DIR is not set (null: serve no SPA). */
  defaultWebDir: string | null;
  version: string;
}

/** Validates the environment into an AppConfig or throws a one-line StartupError. */
export function loadConfig(
  env: Record<string, string | undefined>,
  options: LoadConfigOptions,
): AppConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const vars = plainToInstance(EnvironmentVariables, present, { exposeDefaultValues: true });
  const errors = validateSync(vars, { whitelist: false });
  if (errors.length > 0) {
    const parts = errors.map((e) => {
      const shown = JSON.stringify(present[e.property]);
      return `${e.property}=${shown} (${Object.values(e.constraints ?? {}).join('; ')})`;
    });
    throw new StartupError(`invalid configuration: ${parts.join(', ')}`);
  }
  const trustProxy = parseTrustProxy(vars.TRUST_PROXY);
  if (trustProxy === null) {
    throw new StartupError(
      `invalid configuration: TRUST_PROXY=${JSON.stringify(vars.TRUST_PROXY)} (false, true, a hop count, or a comma-separated list of proxy addresses or ranges)`,
    );
  }
  const sso = parseSsoSettings(vars);
  if (!sso && !vars.PASSWORD_SIGN_IN) {
    throw new StartupError(
      'invalid configuration: PASSWORD_SIGN_IN=false needs single sign-on (SSO_ISSUER): nobody could sign in',
    );
  }
  const publicOrigin = vars.PUBLIC_URL ? parsePublicUrl(vars.PUBLIC_URL) : null;
  const database: DatabaseTarget = vars.DATABASE_URL
    ? parseDatabaseUrl(vars.DATABASE_URL)
    : { kind: 'embedded', dataDir: resolve(options.cwd, vars.WAYPOINT_DATA_DIR) };
  return new AppConfig({
    port: vars.PORT,
    host: vars.HOST,
    database,
    demo: vars.WAYPOINT_DEMO,
    diagnostics: vars.WAYPOINT_DIAGNOSTICS,
    webDir: vars.WAYPOINT_WEB_DIR
      ? resolve(options.cwd, vars.WAYPOINT_WEB_DIR)
      : options.defaultWebDir,
    logLevel: vars.LOG_LEVEL,
    poolSize: vars.DATABASE_POOL_SIZE,
    bodyLimitBytes: vars.BODY_LIMIT_BYTES,
    trustProxy,
    publicOrigin,
    auth: {
      sessionIdleMs: vars.SESSION_IDLE_MINUTES * 60_000,
      sessionAbsoluteMs: vars.SESSION_ABSOLUTE_HOURS * 3_600_000,
      maxFailuresPerAccount: vars.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: vars.LOGIN_MAX_FAILURES_PER_IP,
      throttleWindowMs: vars.LOGIN_THROTTLE_MINUTES * 60_000,
      hashingConcurrency: vars.PASSWORD_HASHING_CONCURRENCY,
      hashingQueue: vars.PASSWORD_HASHING_QUEUE,
      passwordSignIn: vars.PASSWORD_SIGN_IN,
    },
    sso,
    email: {
      smtp: smtpSettings(vars),
      organisationName: vars.ORGANISATION_NAME,
      digestHourUtc: vars.EMAIL_DIGEST_HOUR,
    },
    outbox: {
      pollMs: vars.OUTBOX_POLL_MS,
      retryBaseMs: vars.OUTBOX_RETRY_BASE_SECONDS * 1000,
      retryMaxMs: 3_600_000,
      maxAttempts: vars.OUTBOX_MAX_ATTEMPTS,
    },
    webhooks: { allowHttpLoopback: vars.WEBHOOK_ALLOW_HTTP_LOOPBACK },
    version: options.version,
    currency: vars.ORGANISATION_CURRENCY,
  });
}

/** The SMTP settings, or null without SMTP_HOST; SMTP_FROM is required with it. */
function smtpSettings(vars: EnvironmentVariables): SmtpSettings | null {
  if (!vars.SMTP_HOST) return null;
  if (!vars.SMTP_FROM) {
    throw new StartupError(
      'invalid configuration: SMTP_HOST is set but SMTP_FROM is not (the sender of every email, e.g. "Waypoint <waypoint@example.com>")',
    );
  }
  return {
    host: vars.SMTP_HOST,
    port: vars.SMTP_PORT,
    tls: vars.SMTP_TLS,
    user: vars.SMTP_USER ?? null,
    password: vars.SMTP_PASSWORD ?? null,
    from: vars.SMTP_FROM,
  };
}
