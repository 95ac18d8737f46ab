import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
 * Where the demo data of the whole run was loaded once (global-setup.ts, `prepareTemplate`): a
 * template database on the DATABASE_URL server, or a data folder of the embedded database. Each
 * file's database is a copy of it, so no file pays for the migrations and the demo again.
 */
const TEMPLATE_DATABASE = 'WAYPOINT_E2E_TEMPLATE_DATABASE';
const TEMPLATE_DIR = 'WAYPOINT_E2E_TEMPLATE_DIR';

/** A database of its own: a copy of the run's template when there is one, else an empty one. */
async function freshDatabase(
  serverUrl: string | undefined,
): Promise<{ env: Record<string, string>; cleanUp(): Promise<void> }> {
  if (serverUrl) {
    const name = `wp_e2e_${randomBytes(4).toString('hex')}`;
    const template = process.env[TEMPLATE_DATABASE];
    await adminQuery(
      serverUrl,
      template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`,
    );
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      cleanUp: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'wp-e2e-'));
  const template = process.env[TEMPLATE_DIR];
  if (template) cpSync(template, dir, { recursive: true });
  return {
    env: { WAYPOINT_DATA_DIR: dir },
    cleanUp: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/**
 * Loads the migrations and the demo data once for the whole run (global setup): starts the app on
 * a new template database (or data folder), stops it cleanly, and tells the spec files where it
 * is through the environment their workers inherit. Returns the clean-up for global teardown.
 */
export async function prepareTemplate(): Promise<() => Promise<void>> {
  const serverUrl = process.env['DATABASE_URL'];
  if (serverUrl) {
    const name = `wp_e2e_template_${randomBytes(4).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const app = await launch('template', { DATABASE_URL: url.toString() }, async () => undefined);
    await app.stop();
    process.env[TEMPLATE_DATABASE] = name;
    return () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'wp-e2e-template-'));
  const app = await launch('template', { WAYPOINT_DATA_DIR: dir }, async () => undefined);
  await app.stop();
  process.env[TEMPLATE_DIR] = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    return Promise.resolve();
  };
}

/**
 * Starts `node dist/api/main.js` with the demo data on a fresh database (a copy of the run's
 * template: a database of its own on the DATABASE_URL server when set, else the embedded database
 * in a temporary folder) on a free port (PORT=0), and answers once it is ready. Its output is
 * written to test-output/e2e/server-<name>.log when it stops. `extraEnv` adds settings, e.g. the
 * address of a test server the file started (support/app-env.ts).
 */
export async function startApp(
  name: string,
  extraEnv: Record<string, string> = {},
): Promise<E2eApp> {
  const database = await freshDatabase(process.env['DATABASE_URL']);
  return launch(
    basename(name).replace(/\.e2e-spec\.ts$/, ''),
    { ...extraEnv, ...database.env },
    database.cleanUp,
  );
}

async function launch(
  name: string,
  databaseEnv: Record<string, string>,
  cleanUp: () => Promise<void>,
): Promise<E2eApp> {
  const log = join(OUTPUT, `server-${name}.log`);
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'api', 'main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'],
      TZ: 'UTC',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WAYPOINT_DEMO: 'true',
      ...databaseEnv,
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
