#!/usr/bin/env node
// `npm start`: makes the production builds (reusing Nx's cache), then runs the API, which serves
// the app at / and the API under /api. Signals are passed on so the API shuts down cleanly.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' };

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

const started = Date.now();
process.stdout.write('Building Waypoint (cached after the first time)...\n');
const build = await run('npx', [
  'nx',
  'run-many',
  '-t',
  'build',
  '-p',
  'api',
  'web',
  '--parallel=2',
  '--outputStyle=static',
]);
if (build.code !== 0) {
  process.stderr.write('waypoint: the build failed (see above)\n');
  process.exit(build.code ?? 1);
}
process.stdout.write(
  `Build ready in ${((Date.now() - started) / 1000).toFixed(1)} s; starting the server...\n`,
);

// The container image's malloc arenas (its `ENV MALLOC_ARENA_MAX` line), unless set here already.
const arenas = /^ENV MALLOC_ARENA_MAX=(\d+)$/m.exec(readFileSync(`${root}Dockerfile`, 'utf8'))?.[1];
const app = spawn(process.execPath, ['dist/api/main.js'], {
  cwd: root,
  env: { ...(arenas ? { MALLOC_ARENA_MAX: arenas } : {}), ...process.env },
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => app.kill(signal));
}
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
