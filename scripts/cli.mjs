#!/usr/bin/env node
// `npm run admin:create -- --email ...`: builds the API if needed (cached) and runs its CLI.
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' };
const build = spawnSync('npx', ['nx', 'build', 'api', '--outputStyle=static'], {
  cwd: root,
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) {
  process.stderr.write('waypoint: building the API failed\n');
  process.exit(build.status ?? 1);
}
const run = spawnSync(process.execPath, ['dist/api/cli.js', ...process.argv.slice(2)], {
  cwd: root,
  env: process.env,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
