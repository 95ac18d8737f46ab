import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { AppServices } from './app-env';
import { ROOT } from './paths';

export interface ProviderAccount {
  email: string;
  name: string;
  groups: string[];
}

/**
 * The real OpenID provider of scripts/testing/oidc-provider.mjs (oidc-provider, ES module only,
 * so in a process of its own) with these accounts, as servers beside a spec file's app
 * (withAppServices): its env points the app's single sign-on at it.
 */
export async function testOidcProvider(
  accounts: Record<string, ProviderAccount>,
  settings: Record<string, string>,
): Promise<AppServices> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'testing', 'oidc-provider.mjs')], {
    env: { PATH: process.env['PATH'], TEST_OIDC_ACCOUNTS: JSON.stringify(accounts) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const ready = await new Promise<Record<string, string>>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((l) => l.startsWith('{"issuer"'));
      if (line) resolve(JSON.parse(line) as Record<string, string>);
    });
    child.once('exit', (code) =>
      reject(new Error(`the OpenID provider exited (${code}): ${stderr}`)),
    );
  });
  return {
    env: {
      SSO_ISSUER: ready['issuer'] ?? '',
      SSO_CLIENT_ID: ready['clientId'] ?? '',
      SSO_CLIENT_SECRET: ready['clientSecret'] ?? '',
      ...settings,
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
