/** Starting, reaching and stopping the two servers of the benchmark. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  ensureBuilt,
  freePort,
  productionMallocArenas,
  productionNodeOptions,
  ROOT,
} from '../lib/production-build';
import { baselineRules } from '../../api/test/support/baseline-answers';

export { ensureBuilt, freePort, ROOT };

export interface Server {
  name: string;
  base: string;
  pid: number;
  stop(): Promise<void>;
}

async function waitUntil(url: string, child: ChildProcess, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode}).`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s.`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
}

function spawnServer(args: string[], env: NodeJS.ProcessEnv, name: string): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-2000);
  });
  child.once('exit', (code) => {
    if (code !== 0 && code !== null) process.stderr.write(`${name} exited ${code}: ${tail}\n`);
  });
  return child;
}

/**
 * `node dist/api/main.js` on the database (production mode, no demo, warn-level logs), with the
 * image's malloc arenas and its Node options unless others are given.
 */
export async function startApp(
  databaseUrl: string,
  poolSize: number,
  nodeOptions: string = productionNodeOptions(),
  eventLoopFile?: string,
): Promise<Server> {
  const port = await freePort();
  // The event-loop probe is preloaded beside the chosen options (it changes no V8 setting).
  const probe = eventLoopFile
    ? ` --require ${join(ROOT, 'scripts', 'perf', 'event-loop-probe.cjs')}`
    : '';
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    MALLOC_ARENA_MAX: productionMallocArenas(),
    NODE_OPTIONS: `${nodeOptions}${probe}`.trim(),
    ...(eventLoopFile ? { WAYPOINT_EVENT_LOOP_FILE: eventLoopFile } : {}),
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(poolSize),
    PORT: String(port),
    HOST: '127.0.0.1',
    WAYPOINT_DEMO: 'false',
    LOG_LEVEL: 'warn',
    // As in production: diagnostics off (no per-request statement counter, no X-SQL-Statements).
    // The bench counts statements at its proxy instead.
    WAYPOINT_DIAGNOSTICS: 'false',
  };
  const child = spawnServer([join('dist', 'api', 'main.js')], env, 'app');
  const base = `http://127.0.0.1:${port}`;
  // Long enough for a start-up migration that builds derived rows at 10,000 initiatives.
  await waitUntil(`${base}/api/health`, child, 900);
  return { name: 'app', base, pid: child.pid ?? 0, stop: stopper(child) };
}

/**
 * The bare node:http + pg baseline (scripts/perf/baseline-server.mjs): the best SQL for the same
 * answers, with the app's rules (BASELINE_RULES) and the origins a cookie write may come from.
 */
export async function startBaseline(
  databaseUrl: string,
  poolSize: number,
  origins: readonly string[],
): Promise<Server> {
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(poolSize),
    PORT: String(port),
    BASELINE_RULES: baselineRules(),
    BASELINE_ORIGINS: origins.join(','),
  };
  const child = spawnServer([join('scripts', 'perf', 'baseline-server.mjs')], env, 'baseline');
  const base = `http://127.0.0.1:${port}`;
  await waitUntil(`${base}/health`, child, 30);
  return { name: 'baseline', base, pid: child.pid ?? 0, stop: stopper(child) };
}

/** Signs in and returns the session cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('wp_session='));
  if (res.status !== 200 || !cookie) {
    throw new Error(`Signing in as ${email} failed (${res.status}): ${await res.text()}`);
  }
  return cookie.split(';')[0] ?? '';
}
