import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from '../support/run-main';

// Each test starts real processes (compile, embedded database, demo): generous on a busy machine.
jest.setTimeout(150_000);

describe('npm run admin:create, outside demo mode', () => {
  it('creates the first admin, who sets a password and signs in; no demo account exists', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wp-cli-'));
    const cli = runMain({ WAYPOINT_DATA_DIR: dataDir }, 'cli.ts', [
      'admin:create',
      '--email',
      'Boss@Example.com',
      '--name',
      'The Boss',
    ]);
    expect(await cli.exited).toBe(0);
    const link = /at: (http\S+)/.exec(cli.output())?.[1] ?? '';
    expect(link).toMatch(/^http:\/\/localhost:\d+\/set-password\?token=wpp_/);

    const again = runMain({ WAYPOINT_DATA_DIR: dataDir }, 'cli.ts', [
      'admin:create',
      '--email',
      'boss@example.com',
    ]);
    expect(await again.exited).toBe(1);
    expect(again.output()).toMatch(/already exists/);

    const app = runMain({ WAYPOINT_DATA_DIR: dataDir });
    const url = await app.ready;
    try {
      const meta = (await (await fetch(`${url}/api/meta`)).json()) as { demo: boolean };
      expect(meta.demo).toBe(false);
      const token = new URL(link).searchParams.get('token');
      const set = await fetch(`${url}/api/auth/password`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token, password: 'a-leader-who-reads-the-evidence' }),
      });
      expect(set.status).toBe(204);
      const login = (email: string, password: string): Promise<Response> =>
        fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
      const me = await login('boss@example.com', 'a-leader-who-reads-the-evidence');
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({
        role: 'admin',
        displayName: 'The Boss',
        department: { name: 'Administration' },
      });
      expect((await login('admin@waypoint.test', 'waypoint-demo-2026')).status).toBe(401);
    } finally {
      app.child.kill('SIGTERM');
      await app.exited;
    }
  });

  it('explains its usage on a wrong call', async () => {
    const cli = runMain({ WAYPOINT_DATA_DIR: mkdtempSync(join(tmpdir(), 'wp-cli-')) }, 'cli.ts', [
      'admin:create',
    ]);
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toMatch(/--email is required/);
  });
});
