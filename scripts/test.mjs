#!/usr/bin/env node
// The one test command: format, lint, type-check, the OpenAPI linters, unit, integration,
// production build and browser end-to-end tests. Runs every step, prints what each gave, and ends with one line
// "Summary: N passed, N failed" (tests of the Jest tiers, plus one per non-Jest check).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'test-output');
rmSync(join(out, 'results'), { recursive: true, force: true });
mkdirSync(join(out, 'results'), { recursive: true });

const env = {
  ...process.env,
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  TZ: 'UTC',
  FORCE_COLOR: '0',
};
const only = process.argv.slice(2);

const jest = (name, config, extra = []) => ({
  name,
  kind: 'jest',
  cmd: [
    'npx',
    'jest',
    '--config',
    config,
    '--json',
    `--outputFile=${join(out, 'results', `${name}.json`)}`,
    ...extra,
  ],
});
const check = (name, cmd) => ({ name, kind: 'check', cmd });

const typecheckProjects = [
  'libs/contracts/tsconfig.lib.json',
  'libs/contracts/tsconfig.spec.json',
  'libs/domain/tsconfig.lib.json',
  'libs/domain/tsconfig.spec.json',
  'api/tsconfig.app.json',
  'api/tsconfig.spec.json',
  'web/tsconfig.app.json',
  'web/tsconfig.spec.json',
  'e2e/tsconfig.json',
  'scripts/reliability/tsconfig.json',
  'scripts/perf/tsconfig.json',
];

const steps = [
  check('format', ['npx', 'nx', 'format:check', '--all']),
  check('lint', ['npx', 'nx', 'run-many', '-t', 'lint', '--parallel=2', '--', '--max-warnings=0']),
  check('typecheck', ['node', 'scripts/typecheck.mjs', ...typecheckProjects]),
  check('openapi-lint', ['node', 'scripts/openapi-lint.mjs']),
  jest('unit', 'jest.config.ts', ['--maxWorkers=2']),
  jest('integration', 'api/jest.int.config.cts', ['--maxWorkers=2']),
  check('build', ['npx', 'nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--parallel=2']),
  jest('e2e', 'e2e/jest.config.cts', ['--maxWorkers=2']),
].filter((s) => only.length === 0 || only.includes(s.name));

function run(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

let passed = 0;
let failed = 0;
const report = [];
for (const step of steps) {
  const started = Date.now();
  process.stdout.write(`\n=== ${step.name}: ${step.cmd.join(' ')}\n`);
  const code = await run(step.cmd);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (step.kind === 'jest') {
    let p = 0;
    let f = 0;
    try {
      const result = JSON.parse(readFileSync(join(out, 'results', `${step.name}.json`), 'utf8'));
      p = result.numPassedTests;
      f = result.numFailedTests + (result.numRuntimeErrorTestSuites ?? 0);
      if (result.numPendingTests > 0 || result.numTodoTests > 0) {
        f += result.numPendingTests + result.numTodoTests;
        report.push(`${step.name}: ${result.numPendingTests} skipped tests count as failures`);
      }
      if (p === 0) f += 1;
    } catch {
      f = 1;
    }
    if (code !== 0 && f === 0) f = 1;
    passed += p;
    failed += f;
    report.push(`${step.name}: ${p} passed, ${f} failed (${seconds} s)`);
  } else {
    if (code === 0) passed += 1;
    else failed += 1;
    report.push(`${step.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} (${seconds} s)`);
  }
}

process.stdout.write(`\n=== results\n${report.join('\n')}\n`);
process.stdout.write(`Summary: ${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
