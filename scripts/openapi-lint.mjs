#!/usr/bin/env node
// The contract linters: starts the API as the integration specs do (api/test/support/serve.ts,
// an in-memory embedded database, so no PostgreSQL server is needed), writes
// its OpenAPI document to test-output/openapi.json, and runs Spectral (OWASP ruleset,
// .spectral.yaml) and Redocly (recommended rules, redocly.yaml) on it. Both run offline;
// Redocly's telemetry is off. Exits non-zero when either reports an error.
//   node scripts/openapi-lint.mjs            dump and lint
//   node scripts/openapi-lint.mjs --dump     only write test-output/openapi.json
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'test-output', 'openapi.json');

function startApp() {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(root, 'api', 'test', 'support', 'serve.ts')],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        TZ: 'UTC',
        SWC_NODE_PROJECT: join(root, 'api', 'tsconfig.spec.json'),
        TEST_APP_ENV: '{}',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const line = buffer.split('\n').find((l) => l.startsWith('{"baseUrl"'));
      if (line) resolve({ child, baseUrl: JSON.parse(line).baseUrl });
    });
    child.once('exit', (code) => reject(new Error(`the app exited with ${code}\n${stderr}`)));
  });
}

async function dump() {
  const { child, baseUrl } = await startApp();
  try {
    const res = await fetch(`${baseUrl}/api/docs-json`);
    if (!res.ok) throw new Error(`GET /api/docs-json: ${res.status}`);
    const document = await res.json();
    mkdirSync(join(root, 'test-output'), { recursive: true });
    writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
    process.stdout.write(`wrote ${out} (OpenAPI ${document.openapi})\n`);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

function run(cmd, args) {
  process.stdout.write(`\n--- ${cmd} ${args.join(' ')}\n`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

await dump();
if (!process.argv.includes('--dump')) {
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  const spectral = await run(bin('spectral'), [
    'lint',
    out,
    '--ruleset',
    join(root, '.spectral.yaml'),
    '--fail-severity',
    'error',
  ]);
  const redocly = await run(bin('redocly'), [
    'lint',
    out,
    '--config',
    join(root, 'redocly.yaml'),
    '--format',
    'stylish',
  ]);
  process.stdout.write(
    `\nopenapi-lint: spectral ${spectral === 0 ? 'ok' : 'FAILED'}, redocly ${redocly === 0 ? 'ok' : 'FAILED'}\n`,
  );
  process.exit(spectral === 0 && redocly === 0 ? 0 : 1);
}
