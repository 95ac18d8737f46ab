import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createServerTestDatabase, type ServerTestDatabase } from './test-database';

const ROOT = join(__dirname, '..', '..', '..');

export interface TestApp {
  /** e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  /** A direct connection to the app's database, for checks behind the API's back. */
  sql: Pool;
  databaseKind: 'server' | 'embedded';
  /** What the server process wrote to stderr so far (for failure messages). */
  stderr(): string;
  /** What the server process wrote to stdout so far (its log, when LOG_LEVEL is not silent). */
  stdout(): string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Configuration variables for the app (LOG_LEVEL, WAYPOINT_DEMO, ...). */
  env?: Record<string, string>;
  webDir?: string;
  /**
   * An existing database on the DATABASE_URL server to share with another test app (several
   * instances on one database); it is neither created nor dropped here.
   */
  databaseUrl?: string;
  /** Name prefix of the server database (default wp_test). */
  databasePrefix?: string;
}

function waitForReady(
  child: ChildProcess,
  errors: () => string,
): Promise<{ baseUrl: string; databaseUrl: string }> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(
      () => reject(new Error(`test server did not start in 120 s\n${errors()}`)),
      120_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const line = buffer.split('\n').find((l) => l.startsWith('{"baseUrl"'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { baseUrl: string; databaseUrl: string });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`test server exited with ${String(code)}\n${errors()}`));
    });
  });
}

/**
 * Starts the real application in a child process on a database of its own (a fresh database on
 * the DATABASE_URL server, else an in-memory embedded PostgreSQL) and a free port.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const serverUrl = process.env['DATABASE_URL'];
  const shared = options.databaseUrl;
  const database: ServerTestDatabase | null = shared
    ? { url: shared, drop: () => Promise.resolve() }
    : serverUrl
      ? await createServerTestDatabase(serverUrl, options.databasePrefix)
      : null;
  let stderr = '';
  let stdout = '';
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'serve.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'],
      TZ: 'UTC',
      SWC_NODE_PROJECT: join(ROOT, 'api', 'tsconfig.spec.json'),
      TEST_APP_ENV: JSON.stringify(options.env ?? {}),
      ...(database ? { TEST_DATABASE_URL: database.url } : {}),
      ...(options.webDir ? { TEST_WEB_DIR: options.webDir } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  const ready = await waitForReady(child, () => stderr).catch(async (error: unknown) => {
    await database?.drop();
    throw error;
  });
  const sql = new Pool({ connectionString: ready.databaseUrl, max: 2 });
  return {
    baseUrl: ready.baseUrl,
    sql,
    databaseKind: database ? 'server' : 'embedded',
    stderr: () => stderr,
    stdout: () => stdout,
    async close() {
      await sql.end();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await database?.drop();
    },
  };
}
