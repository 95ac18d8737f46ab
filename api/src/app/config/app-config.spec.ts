import { loadConfig } from './app-config';
import { StartupError } from './config-error';

const options = {
  cwd: '/srv/waypoint',
  defaultWebDir: '/srv/waypoint/dist/web/browser',
  version: '1.2.3',
};

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({}, options);
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      demo: true,
      logLevel: 'info',
      poolSize: 10,
      bodyLimitBytes: 1048576,
      webDir: '/srv/waypoint/dist/web/browser',
      version: '1.2.3',
      database: { kind: 'embedded', dataDir: '/srv/waypoint/.data' },
      diagnostics: false,
      trustProxy: false,
      publicOrigin: null,
      auth: { hashingConcurrency: 4, hashingQueue: 16 },
      email: { smtp: null, organisationName: 'Waypoint', digestHourUtc: 7 },
      outbox: { pollMs: 2000, retryBaseMs: 30_000, retryMaxMs: 3_600_000, maxAttempts: 8 },
      webhooks: { allowHttpLoopback: false },
    });
  });

  it('reads the SMTP settings, and refuses a server without a sender or with an unknown TLS mode', () => {
    const smtp = { SMTP_HOST: 'mail.example.com', SMTP_FROM: 'Waypoint <w@example.com>' };
    expect(loadConfig({ ...smtp, SMTP_USER: 'w', SMTP_PASSWORD: 's' }, options).email.smtp).toEqual(
      {
        host: 'mail.example.com',
        port: 587,
        tls: 'starttls',
        user: 'w',
        password: 's',
        from: 'Waypoint <w@example.com>',
      },
    );
    expect(() => loadConfig({ SMTP_HOST: 'mail.example.com' }, options)).toThrow(/SMTP_FROM/);
    expect(() => loadConfig({ ...smtp, SMTP_TLS: 'ssl' }, options)).toThrow(/SMTP_TLS="ssl"/);
    expect(() => loadConfig({ EMAIL_DIGEST_HOUR: '24' }, options)).toThrow(StartupError);
  });

  it('resolves WAYPOINT_DATA_DIR and WAYPOINT_WEB_DIR against the working directory', () => {
    const config = loadConfig(
      { WAYPOINT_DATA_DIR: 'var/db', WAYPOINT_WEB_DIR: '/opt/web' },
      options,
    );
    expect(config.database).toEqual({ kind: 'embedded', dataDir: '/srv/waypoint/var/db' });
    expect(config.webDir).toBe('/opt/web');
  });

  it('uses a server when DATABASE_URL is set, and never shows its password', () => {
    const config = loadConfig(
      { DATABASE_URL: 'postgres://app:s3cret@db.internal:6543/waypoint' },
      options,
    );
    expect(config.database).toEqual({
      kind: 'server',
      url: 'postgres://app:s3cret@db.internal:6543/waypoint',
      display: 'postgres://app@db.internal:6543/waypoint',
    });
  });

  it.each([
    ['WAYPOINT_DEMO', 'false', { demo: false }],
    ['WAYPOINT_DEMO', '0', { demo: false }],
    ['WAYPOINT_DEMO', 'YES', { demo: true }],
    ['PORT', '8080', { port: 8080 }],
    ['LOG_LEVEL', 'debug', { logLevel: 'debug' }],
    ['DATABASE_POOL_SIZE', '3', { poolSize: 3 }],
    [
      'PUBLIC_URL',
      'https://waypoint.example.com/',
      { publicOrigin: 'https://waypoint.example.com' },
    ],
    ['WAYPOINT_DIAGNOSTICS', 'true', { diagnostics: true }],
    ['TRUST_PROXY', 'true', { trustProxy: true }],
    ['TRUST_PROXY', 'off', { trustProxy: false }],
    ['TRUST_PROXY', '2', { trustProxy: 2 }],
    [
      'TRUST_PROXY',
      '10.0.0.1, 10.1.0.0/16,::1',
      { trustProxy: ['10.0.0.1', '10.1.0.0/16', '::1'] },
    ],
    ['TRUST_PROXY', 'loopback', { trustProxy: ['loopback'] }],
    ['PASSWORD_HASHING_CONCURRENCY', '2', { auth: { hashingConcurrency: 2 } }],
    ['PASSWORD_HASHING_QUEUE', '0', { auth: { hashingQueue: 0 } }],
  ])('reads %s=%s', (name, value, expected) => {
    expect(loadConfig({ [name]: value }, options)).toMatchObject(expected);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }, options)).toMatchObject({
      port: 3000,
      database: { kind: 'embedded' },
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT="eighty"/],
    [{ PORT: '70000' }, /PORT="70000"/],
    [{ WAYPOINT_DEMO: 'perhaps' }, /WAYPOINT_DEMO="perhaps"/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL="loud"/],
    [{ DATABASE_POOL_SIZE: '0' }, /DATABASE_POOL_SIZE/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL is not a valid URL/],
    [{ DATABASE_URL: 'mysql://u@h/db' }, /must start with postgres:\/\//],
    [{ PUBLIC_URL: 'waypoint.example.com' }, /PUBLIC_URL="waypoint.example.com"/],
    [{ PUBLIC_URL: 'https://waypoint.example.com/app' }, /PUBLIC_URL=/],
    [{ TRUST_PROXY: 'everyone' }, /TRUST_PROXY="everyone"/],
    [{ TRUST_PROXY: '10.0.0.1,evil.example' }, /TRUST_PROXY=/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY=/],
    [{ PASSWORD_HASHING_CONCURRENCY: '0' }, /PASSWORD_HASHING_CONCURRENCY/],
  ])('refuses %j with one line that names the problem', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env, options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('loadConfig: single sign-on', () => {
  const sso = {
    SSO_ISSUER: 'https://login.example.com/realms/acme',
    SSO_CLIENT_ID: 'waypoint',
    SSO_CLIENT_SECRET: 's3cret',
  };

  it('is off without SSO_ISSUER, with password sign-in on', () => {
    const config = loadConfig({}, options);
    expect(config.sso).toBeNull();
    expect(config.auth.passwordSignIn).toBe(true);
  });

  it('reads the provider, the groups claim and the role mapping', () => {
    const config = loadConfig(
      {
        ...sso,
        SSO_ROLE_MAPPING: 'Waypoint Admins=admin, execs = executive',
        SSO_SCOPES: 'email groups',
        SSO_CREATE_USERS: 'false',
        PASSWORD_SIGN_IN: 'false',
      },
      options,
    );
    expect(config.sso).toMatchObject({
      issuer: sso.SSO_ISSUER,
      clientId: 'waypoint',
      providerName: 'login.example.com',
      scopes: 'openid email groups',
      groupsClaim: 'groups',
      createUsers: false,
      defaultRole: 'member',
      allowInsecure: false,
    });
    expect([...(config.sso?.roleMapping ?? [])]).toEqual([
      ['Waypoint Admins', 'admin'],
      ['execs', 'executive'],
    ]);
    expect(config.auth.passwordSignIn).toBe(false);
  });

  it('accepts plain http only for a provider on this machine', () => {
    const local = loadConfig({ ...sso, SSO_ISSUER: 'http://127.0.0.1:9000' }, options);
    expect(local.sso?.allowInsecure).toBe(true);
    expect(() => loadConfig({ ...sso, SSO_ISSUER: 'http://login.example.com' }, options)).toThrow(
      StartupError,
    );
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a client without an issuer', { SSO_CLIENT_ID: 'x' }, /SSO_CLIENT_ID set without SSO_ISSUER/],
    ['an issuer without its client', { SSO_ISSUER: sso.SSO_ISSUER }, /SSO_CLIENT_SECRET/],
    [
      'an unknown role',
      { ...sso, SSO_ROLE_MAPPING: 'ops=boss' },
      /SSO_ROLE_MAPPING entry "ops=boss"/,
    ],
    ['a mapping without a group', { ...sso, SSO_ROLE_MAPPING: '=admin' }, /SSO_ROLE_MAPPING/],
    ['passwords off without single sign-on', { PASSWORD_SIGN_IN: 'false' }, /nobody could sign in/],
    ['an unknown default role', { ...sso, SSO_DEFAULT_ROLE: 'root' }, /SSO_DEFAULT_ROLE/],
  ])('refuses %s with one line', (_name, env, message) => {
    expect(() => loadConfig(env, options)).toThrow(message);
  });
});
