import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Client } from 'pg';
import { OUTPUT, ROOT } from './paths';

/** The app of one browser spec file: the production build on a database of its own. */
export interface E2eApp {
  /** e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  stop(): Promise<void>;
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

function exited(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Starts `node dist/api/main.js` with the demo data on a fresh database (a database of its own on
 * the DATABASE_URL server when set, else the embedded database in a temporary folder) on a free
 * port (PORT=0), and answers once it is ready. Its output is written to
 * test-output/e2e/server-<name>.log when it stops.
 */
export async function startApp(name: string): Promise<E2eApp> {
  const serverUrl = process.env['DATABASE_URL'];
  const databaseName = `wp_e2e_${randomBytes(4).toString('hex')}`;
  let database: string | null = null;
  if (serverUrl) {
    await adminQuery(serverUrl, `CREATE DATABASE ${databaseName}`);
    const url = new URL(serverUrl);
    url.pathname = `/${databaseName}`;
    database = url.toString();
  }
  const dataDir = database ? null : mkdtempSync(join(tmpdir(), 'wp-e2e-'));
  const cleanUp = async (): Promise<void> => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (serverUrl && database) {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    }
  };
  const log = join(OUTPUT, `server-${basename(name).replace(/\.e2e-spec\.ts$/, '')}.log`);
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'api', 'main.js')], {
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
  });
  // A test run that ends without stopping it (a crash) does not leave it behind.
  const kill = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', kill);
  let output = '';
  const onData = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    await exited(child, 10_000);
    process.removeListener('exit', kill);
    mkdirSync(dirname(log), { recursive: true });
    writeFileSync(log, output);
    await cleanUp();
  };
  try {
    const baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the app did not start in 90 s:\n${output}`)),
        90_000,
      );
      const ready = (): void => {
        const match = /is ready at (http:\/\/\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', ready);
      child.stderr.on('data', ready);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the app exited with ${String(code)}:\n${output}`));
      });
    });
    return { baseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
