import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { chromiumPath } from './chromium';
import { OUTPUT, ROOT, SCREENSHOTS, SERVER_FILE, type ServerInfo } from './paths';

async function freshServerDatabase(serverUrl: string): Promise<string> {
  const name = `wp_e2e_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Starts the production build once for the whole browser suite. */
export default async function globalSetup(): Promise<void> {
  chromiumPath();
  const main = join(ROOT, 'dist', 'api', 'main.js');
  if (!existsSync(main) || !existsSync(join(ROOT, 'dist', 'web', 'browser', 'index.html'))) {
    throw new Error(
      'The production build is missing: run `npx nx run-many -t build -p api web` first.',
    );
  }
  rmSync(OUTPUT, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const serverUrl = process.env['DATABASE_URL'];
  const database = serverUrl ? await freshServerDatabase(serverUrl) : null;
  const dataDir = database ? null : mkdtempSync(join(tmpdir(), 'wp-e2e-'));
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'],
      TZ: 'UTC',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WAYPOINT_DEMO: 'true',
      ...(database ? { DATABASE_URL: database } : { WAYPOINT_DATA_DIR: dataDir ?? '' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the app did not start in 90 s:\n${output}`)),
      90_000,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /is ready at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited with ${String(code)}:\n${output}`));
    });
  });
  child.stdout.on('data', (chunk: Buffer) =>
    writeFileSync(join(OUTPUT, 'server.log'), chunk, { flag: 'a' }),
  );
  child.stderr.on('data', (chunk: Buffer) =>
    writeFileSync(join(OUTPUT, 'server.log'), chunk, { flag: 'a' }),
  );
  const info: ServerInfo = { baseUrl, pid: child.pid ?? 0, dataDir, database };
  writeFileSync(SERVER_FILE, JSON.stringify(info));
  child.unref();
  // The pipes are sockets; unreferenced, they do not keep Jest alive after the suite.
  (child.stdout as unknown as Socket).unref();
  (child.stderr as unknown as Socket).unref();
}
