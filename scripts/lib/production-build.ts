/** What the perf and reliability scripts share: the repository root, a free port, the build. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Builds the production app (and the web, when asked) unless the bundle is already there. */
export function ensureBuilt(projects: readonly ('api' | 'web')[]): void {
  const missing = projects.filter((p) =>
    p === 'api'
      ? !existsSync(join(ROOT, 'dist', 'api', 'main.js'))
      : !existsSync(join(ROOT, 'dist', 'web', 'browser', 'index.html')),
  );
  if (missing.length === 0) return;
  process.stderr.write(`Building ${missing.join(' and ')} (production)...\n`);
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', ...missing], {
    cwd: ROOT,
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('The production build failed.');
}

/**
 * The Node options the container image runs the API with (`ENV NODE_OPTIONS=...` in the
 * Dockerfile, the one place they are set): the heap budget. The perf and reliability scripts run
 * the app with them, so they measure what ships.
 */
export function productionNodeOptions(): string {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const match = /^ENV NODE_OPTIONS="([^"]*)"/m.exec(dockerfile);
  if (!match?.[1]) throw new Error('The Dockerfile sets no ENV NODE_OPTIONS="...".');
  return match[1];
}

/**
 * The glibc malloc arenas the container image runs the API with (`ENV MALLOC_ARENA_MAX=...` in
 * the Dockerfile; `npm start` reads the same line). glibc gives each thread that allocates (libuv's
 * pool, V8's compiler and GC threads) an arena of its own, up to 8 per core, and each keeps what
 * it once held: two arenas cut the API's peak RSS under load by ~12 MB (docs/performance.md).
 */
export function productionMallocArenas(): string {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const match = /^ENV MALLOC_ARENA_MAX=(\d+)$/m.exec(dockerfile);
  if (!match?.[1]) throw new Error('The Dockerfile sets no ENV MALLOC_ARENA_MAX=<n>.');
  return match[1];
}
