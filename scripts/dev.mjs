#!/usr/bin/env node
// `npm run dev`: the contributor's loop. The API runs from source in watch mode (Node's --watch
// with @swc-node/register: it restarts when a file it loaded changes) and the Angular dev server
// serves the app with live reload, proxying /api (including the event stream) to the API
// (web/proxy.conf.json). Without DATABASE_URL the API uses the embedded database in .data/.
// Ctrl+C stops both.
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const apiPort = '3000';
const webPort = process.env['WEB_PORT'] ?? '4200';

const children = [];
function start(name, cmd, args, env) {
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, TZ: process.env['TZ'] ?? 'UTC', ...env },
    stdio: 'inherit',
    // A process group of its own, so stopping reaches its children too (nx starts the dev server
    // in a child process of its own).
    detached: true,
  });
  child.on('exit', (code, signal) => {
    process.stdout.write(`waypoint dev: ${name} exited (${signal ?? code})\n`);
    stop(code ?? 1);
  });
  children.push(child);
}

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  setTimeout(() => process.exit(code), 3000).unref();
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));

start('api', process.execPath, ['--watch', '-r', '@swc-node/register', 'api/src/main.ts'], {
  SWC_NODE_PROJECT: 'api/tsconfig.app.json',
  PORT: apiPort,
  HOST: '127.0.0.1',
});
start('web', 'node_modules/.bin/nx', ['serve', 'web', `--port=${webPort}`], {
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
});
process.stdout.write(
  `waypoint dev: open http://localhost:${webPort} (the API is on port ${apiPort})\n`,
);
