import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', '..', '..', 'scripts', 'testing', 'oidc-provider.mjs');

export interface TestAccount {
  email: string;
  name: string;
  groups: string[];
}

/** The real OpenID provider of scripts/testing/oidc-provider.mjs, in a process of its own. */
export interface TestOidcProvider {
  issuer: string;
  /** The app's settings to use it (SSO_ISSUER, SSO_CLIENT_ID, SSO_CLIENT_SECRET). */
  env: Record<string, string>;
  /** Creates or changes an account (its groups change what the next sign-in says). */
  setAccount(login: string, account: TestAccount): Promise<void>;
  /** The next ID token the provider issues is for this audience instead of the client. */
  tamperNextAudience(audience: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestOidcProvider(): Promise<TestOidcProvider> {
  const child: ChildProcess = spawn(process.execPath, [SCRIPT], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const ready = await new Promise<{ issuer: string; clientId: string; clientSecret: string }>(
    (resolve, reject) => {
      let buffer = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        const line = buffer.split('\n').find((l) => l.startsWith('{"issuer"'));
        if (line)
          resolve(JSON.parse(line) as { issuer: string; clientId: string; clientSecret: string });
      });
      child.once('exit', (code) =>
        reject(new Error(`test OpenID provider exited (${code})\n${stderr}`)),
      );
    },
  );
  const control = async (path: string, body: unknown): Promise<void> => {
    const res = await fetch(`${ready.issuer}/_test/${path}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 204) throw new Error(`test provider: ${path} answered ${res.status}`);
  };
  return {
    issuer: ready.issuer,
    env: {
      SSO_ISSUER: ready.issuer,
      SSO_CLIENT_ID: ready.clientId,
      SSO_CLIENT_SECRET: ready.clientSecret,
    },
    setAccount: (login, account) => control(`accounts/${encodeURIComponent(login)}`, account),
    tamperNextAudience: (audience) => control('tamper', { audience }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A browser's cookies, by name (path and expiry left aside: enough for one sign-in). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value === '' || /max-age=0|expires=Thu, 01 Jan 1970/i.test(line)) {
        this.cookies.delete(pair.slice(0, at));
      } else {
        this.cookies.set(pair.slice(0, at), value);
      }
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

/** One GET or POST without following redirects; the jar sends and keeps the cookies. */
async function step(jar: CookieJar, url: string, form?: Record<string, string>): Promise<Response> {
  const res = await fetch(url, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      Cookie: jar.header(),
      ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(form ? { body: new URLSearchParams(form).toString() } : {}),
  });
  jar.take(res);
  return res;
}

function locationOf(res: Response, base: string): string {
  const location = res.headers.get('location');
  if (!location) throw new Error(`expected a redirect, got ${res.status} from ${res.url}`);
  return new URL(location, base).href;
}

/**
 * Walks a browser through a sign-in up to the provider's redirect back: the app's start (its
 * `wp_sso` cookie), the provider's authorization, its sign-in form with this login. Answers the
 * callback URL the provider sends the browser to, and the browser's cookie for the app.
 */
export async function throughProvider(
  baseUrl: string,
  login: string,
  returnTo = '/my-work',
): Promise<{ callbackUrl: string; appCookie: string }> {
  const app = new CookieJar();
  const provider = new CookieJar();
  const started = await step(
    app,
    `${baseUrl}/api/auth/sso/start?returnTo=${encodeURIComponent(returnTo)}`,
  );
  let url = locationOf(started, baseUrl);
  for (let hops = 0; hops < 8; hops += 1) {
    if (url.startsWith(baseUrl)) return { callbackUrl: url, appCookie: app.header() };
    let res = await step(provider, url);
    if (res.status === 200 && /\/interaction\//.test(url)) {
      res = await step(provider, url, { login });
    }
    url = locationOf(res, url);
  }
  throw new Error('the provider did not send the browser back');
}

/** Follows the callback as the browser would: the app's answer (a redirect) and its session. */
export async function callback(
  callbackUrl: string,
  appCookie: string,
): Promise<{ status: number; location: string; session: string | null }> {
  const res = await fetch(callbackUrl, { redirect: 'manual', headers: { Cookie: appCookie } });
  const session = res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('wp_session=') && pair !== 'wp_session=');
  return {
    status: res.status,
    location: res.headers.get('location') ?? '',
    session: session ?? null,
  };
}
