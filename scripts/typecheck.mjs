#!/usr/bin/env node
// Type-checks each given tsconfig with `tsc --noEmit`, two at a time (Angular templates are
// checked by the production build, which runs with strictTemplates).
import { spawn } from 'node:child_process';

const projects = process.argv.slice(2);
const failures = [];
async function worker() {
  while (projects.length > 0) {
    const project = projects.shift();
    const code = await new Promise((resolve) => {
      const child = spawn('npx', ['tsc', '--noEmit', '-p', project], { stdio: 'inherit' });
      child.on('exit', (c) => resolve(c ?? 1));
    });
    process.stdout.write(`typecheck ${project}: ${code === 0 ? 'ok' : 'FAILED'}\n`);
    if (code !== 0) failures.push(project);
  }
}
await Promise.all([worker(), worker()]);
process.exit(failures.length === 0 ? 0 : 1);
